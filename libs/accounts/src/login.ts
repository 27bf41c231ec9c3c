import type { DataSource } from 'typeorm';
import type { AccountKind } from '@haoma/db';
import { afterFailedLogin, lockRemainingMs, normaliseEmail, type LockoutPolicy } from '@haoma/domain';
import { AccountError } from './account-errors';
import {
  ACCOUNT_TABLES,
  PROFILE_COLUMNS,
  toProfile,
  type AccountProfile,
  type ProfileRow,
} from './account-profile';
import {
  hashPassword,
  needsRehash,
  verifyDummyPassword,
  verifyPassword,
  type ScryptParams,
} from './password-hash';
import { openSession, type ClientInfo, type OpenedSession } from './sessions';

export interface LoginOptions {
  readonly client?: ClientInfo;
  readonly now: Date;
  readonly sessionTtlMs: number;
  readonly lockout: LockoutPolicy;
  readonly scrypt: ScryptParams;
}

interface CredentialRow extends ProfileRow {
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
}

// One answer for "no such email" and "wrong password", so the login does not tell which.
const invalidCredentials = (): AccountError =>
  new AccountError('INVALID_CREDENTIALS', 'The email address or the password is wrong.');

function lockedError(remainingMs: number): AccountError {
  const retryAfterSeconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return new AccountError(
    'ACCOUNT_LOCKED',
    `Too many failed logins: this account is locked. Try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

/**
 * Logs a customer or staff member in with email and password and opens a session.
 *
 * - Unknown email: a dummy hash is verified so the answer takes as long as for a wrong
 *   password, then INVALID_CREDENTIALS.
 * - Locked account (LOGIN_MAX_FAILURES failures in a row): ACCOUNT_LOCKED with the seconds
 *   left, before the password is even checked; the attempt is not counted, so an attacker
 *   cannot extend the lock and the real user gets in once it has passed.
 * - Wrong password: counted under a row lock; the failure that reaches the limit locks the
 *   account (ACCOUNT_LOCKED), each later one doubles the lock up to LOGIN_LOCKOUT_MAX.
 * - Deactivated staff with the right password: ACCOUNT_DISABLED.
 * - Success: the streak is reset, a hash made with older parameters is upgraded, and the
 *   session is opened, all in one transaction.
 */
export async function logIn(
  dataSource: DataSource,
  kind: AccountKind,
  credentials: { email: string; password: string },
  options: LoginOptions,
): Promise<{ profile: AccountProfile; opened: OpenedSession }> {
  const { now } = options;
  const table = ACCOUNT_TABLES[kind];
  const rows: CredentialRow[] = await dataSource.query(
    `SELECT ${PROFILE_COLUMNS[kind]}, password_hash, failed_logins, locked_until FROM ${table} WHERE email = $1`,
    [normaliseEmail(credentials.email)],
  );
  const row = rows[0];
  if (!row) {
    await verifyDummyPassword(credentials.password, options.scrypt);
    throw invalidCredentials();
  }
  const remaining = lockRemainingMs({ failedLogins: row.failed_logins, lockedUntil: row.locked_until }, now);
  if (remaining > 0) throw lockedError(remaining);

  if (!(await verifyPassword(credentials.password, row.password_hash))) {
    const lockMs = await recordFailure(dataSource, kind, row.id, options);
    throw lockMs > 0 ? lockedError(lockMs) : invalidCredentials();
  }
  if (!row.active) throw new AccountError('ACCOUNT_DISABLED', 'This account has been deactivated.');

  const rehash = needsRehash(row.password_hash, options.scrypt)
    ? await hashPassword(credentials.password, options.scrypt)
    : null;
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `UPDATE ${table}
          SET failed_logins = 0, locked_until = NULL, last_login_at = $2,
              password_hash = COALESCE($3, password_hash)
        WHERE id = $1`,
      [row.id, now, rehash],
    );
    const opened = await openSession(
      manager,
      { kind, id: row.id },
      options.client ?? {},
      now,
      options.sessionTtlMs,
    );
    return { profile: toProfile(kind, row), opened };
  });
}

/** Counts one failed login; returns how long the account is now locked (0: not locked). */
async function recordFailure(
  dataSource: DataSource,
  kind: AccountKind,
  id: string,
  options: LoginOptions,
): Promise<number> {
  const table = ACCOUNT_TABLES[kind];
  return dataSource.transaction(async (manager) => {
    const rows: { failed_logins: number; locked_until: Date | null }[] = await manager.query(
      `SELECT failed_logins, locked_until FROM ${table} WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    if (!row) return 0; // the account was deleted meanwhile
    const streak = { failedLogins: row.failed_logins, lockedUntil: row.locked_until };
    // A concurrent failure locked the account meanwhile: this attempt came in during the
    // lock and is not counted.
    const already = lockRemainingMs(streak, options.now);
    if (already > 0) return already;
    const next = afterFailedLogin(streak, options.now, options.lockout);
    await manager.query(`UPDATE ${table} SET failed_logins = $2, locked_until = $3 WHERE id = $1`, [
      id,
      next.failedLogins,
      next.lockedUntil,
    ]);
    return lockRemainingMs(next, options.now);
  });
}
