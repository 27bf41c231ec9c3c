import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { loadProfile, sessionState, signAccessToken, verifyAccessToken } from '@haoma/accounts';

/** The cookie a browser carries to the queue dashboard. */
export const QUEUE_DASHBOARD_COOKIE = 'haoma_queues';
/** Where the dashboard lives (and the only path the cookie is sent to). */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** How long a dashboard cookie lasts: short, a browser asks for a new one with its bearer token. */
export const QUEUE_DASHBOARD_TTL_S = 15 * 60;

/**
 * The key dashboard tickets are signed with: derived from the auth secret for this one
 * purpose, so a ticket is never accepted as an access token nor the other way round.
 */
export function dashboardKey(authSecret: Buffer): Buffer {
  return createHmac('sha256', authSecret).update('haoma queue dashboard ticket v1').digest();
}

/** A ticket for the admin's session (the session id inside, so logout and deactivation end it). */
export function issueDashboardTicket(
  key: Buffer,
  admin: { id: string; sessionId: string },
  now: Date,
): { ticket: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + QUEUE_DASHBOARD_TTL_S;
  const ticket = signAccessToken(
    { sub: admin.id, kind: 'staff', role: 'admin', sid: admin.sessionId, iat, exp },
    key,
  );
  return { ticket, expiresAt: new Date(exp * 1000) };
}

/**
 * The admin a ticket lets in, or undefined: a valid signature, not expired, the session still
 * live, and the member still active and still an admin now (the role is read afresh, not
 * trusted from the ticket).
 */
export async function checkDashboardTicket(
  dataSource: DataSource,
  key: Buffer,
  ticket: string,
  now: Date,
): Promise<{ id: string; sessionId: string } | undefined> {
  const check = verifyAccessToken(ticket, key, now);
  if (!check.ok || check.claims.kind !== 'staff') return undefined;
  const account = { kind: 'staff' as const, id: check.claims.sub };
  if ((await sessionState(dataSource.manager, check.claims.sid, account, now)) !== 'live') return undefined;
  const profile = await loadProfile(dataSource.manager, account);
  if (!profile?.active || profile.role !== 'admin') return undefined;
  return { id: account.id, sessionId: check.claims.sid };
}

/** The Set-Cookie value that hands a browser its ticket (or clears it, with `ticket` null). */
export function dashboardCookie(ticket: string | null, secure: boolean): string {
  return [
    `${QUEUE_DASHBOARD_COOKIE}=${ticket ?? ''}`,
    `Path=${QUEUE_DASHBOARD_PATH}`,
    `Max-Age=${ticket === null ? 0 : QUEUE_DASHBOARD_TTL_S}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The dashboard ticket of a Cookie header, if there is one. */
export function dashboardTicketOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === QUEUE_DASHBOARD_COOKIE) {
      const value = pair.slice(at + 1).trim();
      return value || undefined;
    }
  }
  return undefined;
}
