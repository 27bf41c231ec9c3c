import { createHmac, timingSafeEqual } from 'node:crypto';
import { ACCOUNT_KINDS, STAFF_ROLES, type AccountKind, type StaffRole } from '@haoma/db';

/** What an access token says (a compact JWT, HS256). Times are JWT NumericDates: seconds. */
export interface AccessTokenClaims {
  /** The account id. */
  readonly sub: string;
  readonly kind: AccountKind;
  /** Staff role; null for customers. */
  readonly role: StaffRole | null;
  /** The session the token belongs to: the guard checks it is still live. */
  readonly sid: string;
  readonly iat: number;
  readonly exp: number;
}

export type AccessTokenCheck =
  | { readonly ok: true; readonly claims: AccessTokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad_signature' | 'expired' };

// Only HS256 is ever accepted: the header is compared whole, so `alg: none` or an RS256
// header signed with the secret as a "public key" cannot get through.
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const SEGMENT = /^[A-Za-z0-9_-]+$/;
/** Far longer than any token this code issues; longer input is refused before any work. */
export const MAX_ACCESS_TOKEN_LENGTH = 1024;
// Tolerated clock difference for `iat` between API instances.
const CLOCK_SKEW_S = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function sign(input: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** A signed access token for `claims`. */
export function signAccessToken(claims: AccessTokenClaims, secret: Buffer): string {
  const payload = base64url(
    JSON.stringify({
      sub: claims.sub,
      kind: claims.kind,
      role: claims.role,
      sid: claims.sid,
      iat: claims.iat,
      exp: claims.exp,
    }),
  );
  const input = `${HEADER}.${payload}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
}

function parseClaims(payload: string): AccessTokenClaims | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  const kind = c['kind'];
  const role = c['role'];
  const validKind = ACCOUNT_KINDS.includes(kind as AccountKind);
  const validRole =
    kind === 'staff' ? STAFF_ROLES.includes(role as StaffRole) : kind === 'customer' && role === null;
  const valid =
    typeof c['sub'] === 'string' &&
    UUID.test(c['sub']) &&
    typeof c['sid'] === 'string' &&
    UUID.test(c['sid']) &&
    Number.isSafeInteger(c['iat']) &&
    Number.isSafeInteger(c['exp']) &&
    validKind &&
    validRole;
  return valid ? (c as unknown as AccessTokenClaims) : undefined;
}

/**
 * Checks a token's form, signature (constant-time) and expiry at `now`. The signature is
 * checked before the payload is even decoded.
 */
export function verifyAccessToken(token: string, secret: Buffer, now: Date): AccessTokenCheck {
  if (token.length > MAX_ACCESS_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part)) || parts[0] !== HEADER)
    return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  const expected = sign(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, reason: 'malformed' };
  const nowS = Math.floor(now.getTime() / 1000);
  if (claims.iat > nowS + CLOCK_SKEW_S) return { ok: false, reason: 'malformed' };
  if (claims.exp <= nowS) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
