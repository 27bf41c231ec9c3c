/** How failed logins lock an account (from LOGIN_MAX_FAILURES, LOGIN_LOCKOUT, LOGIN_LOCKOUT_MAX). */
export interface LockoutPolicy {
  /** Failures in a row that lock the account for the first time. */
  readonly maxFailures: number;
  /** The first lock; each further failure doubles it. */
  readonly lockoutMs: number;
  /** The longest lock, so the real user is never shut out for long. */
  readonly lockoutMaxMs: number;
}

/** An account's failed-login streak as stored (failed_logins, locked_until). */
export interface LoginStreak {
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

/**
 * How long the `failures`-th failed login in a row locks the account: nothing before
 * `maxFailures`, then `lockoutMs`, doubling with each further failure up to `lockoutMaxMs`.
 */
export function lockoutDurationMs(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.maxFailures) return 0;
  // 2^40 × even 1 ms is past any maximum: the cap keeps the power finite.
  const doublings = Math.min(failures - policy.maxFailures, 40);
  return Math.min(policy.lockoutMaxMs, policy.lockoutMs * 2 ** doublings);
}

/** Milliseconds the account stays locked from `now` (0: it is not locked). */
export function lockRemainingMs(streak: LoginStreak, now: Date): number {
  return streak.lockedUntil ? Math.max(0, streak.lockedUntil.getTime() - now.getTime()) : 0;
}

/**
 * The streak after one more failed login at `now`. A streak whose last lock ended more than
 * `lockoutMaxMs` ago starts over, so a user who was locked out last month and mistypes
 * today is not locked at once for the longest time. Attempts while locked are refused
 * before the password is checked and never reach this function: an attacker cannot keep
 * lengthening the lock, and the real user gets in once it has passed.
 */
export function afterFailedLogin(streak: LoginStreak, now: Date, policy: LockoutPolicy): LoginStreak {
  const stale =
    streak.lockedUntil !== null && now.getTime() - streak.lockedUntil.getTime() > policy.lockoutMaxMs;
  const failedLogins = (stale ? 0 : streak.failedLogins) + 1;
  const lockMs = lockoutDurationMs(failedLogins, policy);
  return {
    failedLogins,
    lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : stale ? null : streak.lockedUntil,
  };
}
