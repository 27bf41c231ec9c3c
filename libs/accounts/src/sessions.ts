import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountKind } from '@haoma/db';

/** Where a login came from, kept on its session for the account's security page. */
export interface ClientInfo {
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

export interface AccountRef {
  readonly kind: AccountKind;
  readonly id: string;
}

/** A session as the token code needs it. */
export interface SessionRecord {
  readonly id: string;
  readonly account: AccountRef;
  /** Absolute end of the session. */
  readonly expiresAt: Date;
}

export interface OpenedSession {
  readonly session: SessionRecord;
  /** The new refresh token in clear: only its sha256 is stored. */
  readonly refreshToken: string;
}

export const SESSION_REVOKE_REASONS = [
  'logout',
  'refresh_token_reuse',
  'account_deactivated',
  'password_changed',
] as const;
export type SessionRevokeReason = (typeof SESSION_REVOKE_REASONS)[number];

const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const USER_AGENT_MAX = 512;

/** The stored form of a refresh token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function issueRefreshToken(manager: EntityManager, session: SessionRecord, now: Date): Promise<string> {
  // 256 random bits: guessing one is hopeless, so refresh needs no rate limit.
  const token = randomBytes(32).toString('base64url');
  await manager.query(
    `INSERT INTO refresh_tokens (session_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
    [session.id, hashRefreshToken(token), now, session.expiresAt],
  );
  return token;
}

/** Opens a session of `ttlMs` for `account` with its first refresh token, in the caller's transaction. */
export async function openSession(
  manager: EntityManager,
  account: AccountRef,
  client: ClientInfo,
  now: Date,
  ttlMs: number,
): Promise<OpenedSession> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO sessions (account_kind, account_id, ip, user_agent, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      account.kind,
      account.id,
      client.ip ?? null,
      client.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      now,
      expiresAt,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('INSERT INTO sessions returned no row');
  const session: SessionRecord = { id, account, expiresAt };
  return { session, refreshToken: await issueRefreshToken(manager, session, now) };
}

export type RotationResult =
  | { readonly ok: true; readonly opened: OpenedSession }
  | {
      readonly ok: false;
      readonly code: 'INVALID_REFRESH_TOKEN' | 'SESSION_REVOKED';
      /** The token had been used before: the session has just been revoked. */
      readonly reused: boolean;
    };

interface TokenRow {
  token_id: string;
  used_at: Date | null;
  session_id: string;
  account_kind: AccountKind;
  account_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

/**
 * Uses up a refresh token and issues the session's next one, in one transaction. A token
 * presented a second time (by whoever stole it, or by its owner after a thief used it)
 * revokes the whole session: neither party can go on with it, and the owner logs in again.
 * Two concurrent uses of one token are a reuse too: the row locks make the second wait,
 * and the conditional UPDATE lets only one of them through.
 */
export async function rotateRefreshToken(
  dataSource: DataSource,
  token: string,
  now: Date,
): Promise<RotationResult> {
  if (!REFRESH_TOKEN.test(token)) return { ok: false, code: 'INVALID_REFRESH_TOKEN', reused: false };
  return dataSource.transaction(async (manager): Promise<RotationResult> => {
    const rows: TokenRow[] = await manager.query(
      `SELECT rt.id AS token_id, rt.used_at, s.id AS session_id, s.account_kind, s.account_id,
              s.expires_at, s.revoked_at
         FROM refresh_tokens rt JOIN sessions s ON s.id = rt.session_id
        WHERE rt.token_hash = $1
        FOR UPDATE`,
      [hashRefreshToken(token)],
    );
    const row = rows[0];
    if (!row) return { ok: false, code: 'INVALID_REFRESH_TOKEN', reused: false };
    if (row.revoked_at) return { ok: false, code: 'SESSION_REVOKED', reused: false };
    if (row.expires_at.getTime() <= now.getTime())
      return { ok: false, code: 'INVALID_REFRESH_TOKEN', reused: false };
    const [, used] = (await manager.query(
      `UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL`,
      [row.token_id, now],
    )) as [unknown, number];
    if (row.used_at || used !== 1) {
      await revokeSession(manager, row.session_id, 'refresh_token_reuse', now);
      return { ok: false, code: 'SESSION_REVOKED', reused: true };
    }
    const session: SessionRecord = {
      id: row.session_id,
      account: { kind: row.account_kind, id: row.account_id },
      expiresAt: row.expires_at,
    };
    return { ok: true, opened: { session, refreshToken: await issueRefreshToken(manager, session, now) } };
  });
}

/** Revokes one session (no-op when it already is); true when this call revoked it. */
export async function revokeSession(
  manager: EntityManager,
  sessionId: string,
  reason: SessionRevokeReason,
  now: Date,
): Promise<boolean> {
  const [, count] = (await manager.query(
    `UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
    [sessionId, now, reason],
  )) as [unknown, number];
  return count === 1;
}

/** Revokes every live session of an account; returns how many. */
export async function revokeAccountSessions(
  manager: EntityManager,
  account: AccountRef,
  reason: SessionRevokeReason,
  now: Date,
): Promise<number> {
  const [, count] = (await manager.query(
    `UPDATE sessions SET revoked_at = $3, revoked_reason = $4
      WHERE account_kind = $1 AND account_id = $2 AND revoked_at IS NULL`,
    [account.kind, account.id, now, reason],
  )) as [unknown, number];
  return count;
}

export type SessionState = 'live' | 'revoked' | 'expired' | 'missing';

/**
 * Whether a session still stands at `now`, for `account`: one primary-key lookup, made on
 * every authenticated request so that logout and deactivation take effect at once.
 */
export async function sessionState(
  manager: EntityManager,
  sessionId: string,
  account: AccountRef,
  now: Date,
): Promise<SessionState> {
  const rows: { account_kind: string; account_id: string; expires_at: Date; revoked_at: Date | null }[] =
    await manager.query(
      `SELECT account_kind, account_id, expires_at, revoked_at FROM sessions WHERE id = $1`,
      [sessionId],
    );
  const row = rows[0];
  if (!row || row.account_kind !== account.kind || row.account_id !== account.id) return 'missing';
  if (row.revoked_at) return 'revoked';
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'live';
}

/**
 * Deletes sessions (and, by cascade, their refresh tokens) that ended before `before`:
 * for a periodic clean-up, with enough margin that reuse of a recent token is still seen.
 */
export async function purgeEndedSessions(manager: EntityManager, before: Date): Promise<number> {
  const [, count] = (await manager.query(`DELETE FROM sessions WHERE expires_at < $1 OR revoked_at < $1`, [
    before,
  ])) as [unknown, number];
  return count;
}
