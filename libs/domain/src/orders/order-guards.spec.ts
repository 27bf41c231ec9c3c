import fc from 'fast-check';
import { guardEvent, ORDER_ERROR_CODES, ORDER_GUARDS, type OrderSnapshot } from './order-guards';
import { ORDER_EVENTS, type OrderEvent } from './order-workflow';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const order = (patch: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  status: 'selecting',
  holdUntil: at(60_000),
  totalFen: 120_000,
  documentsDueAt: null,
  ...patch,
});

describe('guardEvent', () => {
  it.each([
    ['sign', {}, undefined],
    ['sign', { totalFen: null }, 'ORDER_PLAN_REQUIRED'],
    ['sign', { totalFen: 0 }, undefined],
    ['sign', { holdUntil: at(-1) }, 'ORDER_HOLD_EXPIRED'],
    // The hold runs out at its instant: signing then is too late.
    ['sign', { holdUntil: at(0) }, 'ORDER_HOLD_EXPIRED'],
    ['sign', { holdUntil: null }, 'ORDER_HOLD_EXPIRED'],
    // The plan is asked for first.
    ['sign', { totalFen: null, holdUntil: at(-1) }, 'ORDER_PLAN_REQUIRED'],
    ['hold_expired', { holdUntil: at(1) }, 'ORDER_HOLD_NOT_DUE'],
    ['hold_expired', { holdUntil: at(0) }, undefined],
    ['hold_expired', { holdUntil: at(-5_000) }, undefined],
    ['hold_expired', { holdUntil: null }, 'ORDER_HOLD_NOT_DUE'],
    ['documents_deadline_passed', { documentsDueAt: at(1) }, 'ORDER_DEADLINE_NOT_DUE'],
    ['documents_deadline_passed', { documentsDueAt: at(0) }, undefined],
    ['documents_deadline_passed', { documentsDueAt: null }, 'ORDER_DEADLINE_NOT_DUE'],
    ['cancel', { holdUntil: null, totalFen: null }, undefined],
    ['payment_confirmed', { holdUntil: at(-1) }, undefined],
  ] as const)('%s with %j → %s', (event, patch, expected) => {
    expect(guardEvent(event, order(patch), NOW)).toBe(expected);
  });

  it('only refuses with the workflow’s codes', () => {
    const snapshot = fc.record({
      status: fc.constant('selecting' as const),
      holdUntil: fc.option(fc.integer({ min: -1e6, max: 1e6 }).map(at), { nil: null }),
      totalFen: fc.option(fc.nat(), { nil: null }),
      documentsDueAt: fc.option(fc.integer({ min: -1e6, max: 1e6 }).map(at), { nil: null }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_EVENTS), snapshot, (event: OrderEvent, s) => {
        const code = guardEvent(event, s, NOW);
        if (code !== undefined) expect(ORDER_ERROR_CODES).toContain(code);
        if (!ORDER_GUARDS[event]) expect(code).toBeUndefined();
      }),
    );
  });

  it('lets exactly one of "sign" and "hold_expired" through for a priced order at any instant', () => {
    // A sweeper and a customer racing at the deadline can never both succeed.
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: -1e7, max: 1e7 }), (hold, now) => {
        const snapshot = order({ holdUntil: at(hold) });
        const signs = guardEvent('sign', snapshot, at(now)) === undefined;
        const expires = guardEvent('hold_expired', snapshot, at(now)) === undefined;
        expect(signs).toBe(!expires);
      }),
    );
  });
});
