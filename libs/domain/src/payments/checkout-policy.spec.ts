import {
  CHECKOUT_HOLD_MARGIN_MS,
  CHECKOUT_MIN_LIFETIME_MS,
  checkoutIdempotencyKey,
  checkoutWindow,
  isReusableSession,
} from './checkout-policy';

const NOW = new Date('2026-03-01T10:00:00.250Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const MIN = 60_000;

describe('checkoutWindow', () => {
  it.each([
    // hold ends in → extended?, hold after, session expiry
    ['45 min', 45 * MIN, false, '2026-03-01T10:45:00.250Z', '2026-03-01T10:45:00.000Z'],
    [
      'exactly the margin',
      CHECKOUT_HOLD_MARGIN_MS,
      false,
      '2026-03-01T10:31:00.250Z',
      '2026-03-01T10:31:00.000Z',
    ],
    ['30 min', 30 * MIN, true, '2026-03-01T10:31:01.000Z', '2026-03-01T10:31:01.000Z'],
    ['2 min', 2 * MIN, true, '2026-03-01T10:31:01.000Z', '2026-03-01T10:31:01.000Z'],
    ['30 h (capped at 24 h)', 30 * 60 * MIN, false, '2026-03-02T16:00:00.250Z', '2026-03-02T09:59:00.000Z'],
  ])('a hold ending in %s', (_label, inMs, extended, holdUntil, expiresAt) => {
    const window = checkoutWindow(at(inMs), NOW);
    expect(window.extended).toBe(extended);
    expect(window.holdUntil.toISOString()).toBe(holdUntil);
    expect(window.expiresAt.toISOString()).toBe(expiresAt);
  });

  it('always leaves Stripe its 30 minutes and never outlives the hold', () => {
    for (let minutes = 0; minutes <= 24 * 60; minutes += 7) {
      const window = checkoutWindow(at(minutes * MIN), NOW);
      expect(window.expiresAt.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(CHECKOUT_MIN_LIFETIME_MS);
      expect(window.expiresAt.getTime()).toBeLessThanOrEqual(window.holdUntil.getTime());
      expect(window.expiresAt.getTime() % 1000).toBe(0);
    }
  });
});

describe('checkoutIdempotencyKey', () => {
  it('depends on the order, the amount and the attempt', () => {
    const keys = new Set([
      checkoutIdempotencyKey('o1', 100, 0),
      checkoutIdempotencyKey('o1', 100, 1),
      checkoutIdempotencyKey('o1', 200, 0),
      checkoutIdempotencyKey('o2', 100, 0),
    ]);
    expect(keys.size).toBe(4);
    expect(checkoutIdempotencyKey('o1', 100, 0)).toBe(checkoutIdempotencyKey('o1', 100, 0));
  });

  it.each([
    [0, 0],
    [-5, 0],
    [100, -1],
    [1.5, 0],
  ])('refuses amount %p / attempt %p', (amount, attempt) => {
    expect(() => checkoutIdempotencyKey('o1', amount, attempt)).toThrow(RangeError);
  });
});

describe('isReusableSession', () => {
  it.each([
    [100, at(20 * MIN), 100, true],
    [100, at(20 * MIN), 120, false],
    [100, at(4 * MIN), 100, false],
    [100, null, 100, false],
  ])('amount %p expiring %p, order now %p → %p', (amountFen, expiresAt, orderAmount, expected) => {
    expect(isReusableSession({ amountFen, expiresAt }, orderAmount, NOW)).toBe(expected);
  });
});
