import fc from 'fast-check';
import { afterFailedLogin, lockoutDurationMs, lockRemainingMs, type LockoutPolicy } from './lockout';

const MINUTE = 60_000;
const policy: LockoutPolicy = { maxFailures: 5, lockoutMs: MINUTE, lockoutMaxMs: 15 * MINUTE };

describe('lockoutDurationMs', () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, MINUTE],
    [6, 2 * MINUTE],
    [7, 4 * MINUTE],
    [8, 8 * MINUTE],
    [9, 15 * MINUTE],
    [10, 15 * MINUTE],
    [1_000_000, 15 * MINUTE],
  ])('failure %i locks for %i ms', (failures, ms) => {
    expect(lockoutDurationMs(failures, policy)).toBe(ms);
  });

  it('never decreases with more failures and never passes the maximum', () => {
    const policies = fc
      .record({
        maxFailures: fc.integer({ min: 1, max: 100 }),
        lockoutMs: fc.integer({ min: 1_000, max: 86_400_000 }),
        lockoutMaxMs: fc.integer({ min: 1_000, max: 7 * 86_400_000 }),
      })
      .filter((p) => p.lockoutMs <= p.lockoutMaxMs);
    fc.assert(
      fc.property(policies, fc.nat(10_000), (p, failures) => {
        const now = lockoutDurationMs(failures, p);
        const next = lockoutDurationMs(failures + 1, p);
        return next >= now && next <= p.lockoutMaxMs && Number.isFinite(next);
      }),
    );
  });
});

describe('afterFailedLogin', () => {
  const t0 = new Date('2030-01-01T00:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('counts failures and locks at the limit, doubling after each lock', () => {
    let streak = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      streak = afterFailedLogin(streak, t0, policy);
      expect(streak).toEqual({ failedLogins: i, lockedUntil: null });
    }
    streak = afterFailedLogin(streak, t0, policy);
    expect(streak).toEqual({ failedLogins: 5, lockedUntil: at(MINUTE) });
    expect(lockRemainingMs(streak, at(30_000))).toBe(30_000);
    expect(lockRemainingMs(streak, at(MINUTE))).toBe(0);
    // Once the lock has passed, the next failure locks for twice as long.
    streak = afterFailedLogin(streak, at(MINUTE + 1), policy);
    expect(streak).toEqual({ failedLogins: 6, lockedUntil: at(MINUTE + 1 + 2 * MINUTE) });
  });

  it('starts the streak over when the last lock ended long ago', () => {
    const old = { failedLogins: 9, lockedUntil: t0 };
    expect(afterFailedLogin(old, at(15 * MINUTE), policy)).toEqual({
      failedLogins: 10,
      lockedUntil: at(30 * MINUTE),
    });
    expect(afterFailedLogin(old, at(15 * MINUTE + 1), policy)).toEqual({
      failedLogins: 1,
      lockedUntil: null,
    });
  });

  it('never locks for longer than the maximum from the failure', () => {
    // Attempts while locked never get here: any earlier lock has ended by `now`.
    const streaks = fc.record({
      failedLogins: fc.nat(1_000),
      lockedUntil: fc.option(fc.integer({ min: 0, max: 86_400_000 })),
    });
    fc.assert(
      fc.property(streaks, fc.integer({ min: 0, max: 86_400_000 }), (raw, offset) => {
        const now = at(offset);
        const streak = {
          failedLogins: raw.failedLogins,
          lockedUntil: raw.lockedUntil === null ? null : at(Math.min(raw.lockedUntil, offset)),
        };
        const next = afterFailedLogin(streak, now, policy);
        return next.failedLogins >= 1 && lockRemainingMs(next, now) <= policy.lockoutMaxMs;
      }),
    );
  });
});

describe('lockRemainingMs', () => {
  it('is 0 without a lock', () => {
    expect(lockRemainingMs({ failedLogins: 3, lockedUntil: null }, new Date())).toBe(0);
  });
});
