import fc from 'fast-check';
import { ORDER_STATUSES, type OrderStatus } from '../orders/order-workflow';
import { cancellationRefund, fullRefund } from './refund-policy';

const FEE = 20_000;

describe('cancellationRefund', () => {
  it.each<
    [OrderStatus, number, number, number, { amountFen: number; keptFen: number; reason: string } | null]
  >([
    // status, paid, already refunded, fee → decision
    [
      'awaiting_documents',
      300_000,
      0,
      FEE,
      { amountFen: 300_000, keptFen: 0, reason: 'cancelled_before_review' },
    ],
    [
      'awaiting_documents',
      300_000,
      100_000,
      FEE,
      { amountFen: 200_000, keptFen: 100_000, reason: 'cancelled_before_review' },
    ],
    ['awaiting_documents', 300_000, 300_000, FEE, null],
    ['under_review', 300_000, 0, FEE, { amountFen: 280_000, keptFen: FEE, reason: 'cancelled_after_review' }],
    ['provisioning', 300_000, 0, FEE, { amountFen: 280_000, keptFen: FEE, reason: 'cancelled_after_review' }],
    ['provisioning', 300_000, 0, 0, { amountFen: 300_000, keptFen: 0, reason: 'cancelled_after_review' }],
    // The fee is larger than the payment: nothing back, never negative.
    ['under_review', 15_000, 0, FEE, null],
    ['under_review', FEE, 0, FEE, null],
    // Partly refunded already: never more than what is left.
    [
      'under_review',
      300_000,
      290_000,
      FEE,
      { amountFen: 10_000, keptFen: 290_000, reason: 'cancelled_after_review' },
    ],
    // Not a paid status: nothing owed.
    ['selecting', 300_000, 0, FEE, null],
    ['awaiting_payment', 300_000, 0, FEE, null],
    ['active', 300_000, 0, FEE, null],
    ['expired', 300_000, 0, FEE, null],
    ['cancelled', 300_000, 0, FEE, null],
  ])(
    '%s, paid %i, refunded %i, fee %i',
    (fromStatus, paidFen, alreadyRefundedFen, cancellationFeeFen, expected) => {
      expect(cancellationRefund({ fromStatus, paidFen, alreadyRefundedFen, cancellationFeeFen })).toEqual(
        expected,
      );
    },
  );

  it.each([
    [-1, 0, 0],
    [1.5, 0, 0],
    [100, -1, 0],
    [100, 0, Number.NaN],
  ])(
    'refuses amounts that are not whole fen (%p, %p, %p)',
    (paidFen, alreadyRefundedFen, cancellationFeeFen) => {
      expect(() =>
        cancellationRefund({
          fromStatus: 'awaiting_documents',
          paidFen,
          alreadyRefundedFen,
          cancellationFeeFen,
        }),
      ).toThrow(RangeError);
    },
  );

  it('never refunds a negative amount or more than is left, and keeps at most the fee after review', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORDER_STATUSES),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (fromStatus, paidFen, refunded, cancellationFeeFen) => {
          const alreadyRefundedFen = Math.min(refunded, paidFen);
          const decision = cancellationRefund({
            fromStatus,
            paidFen,
            alreadyRefundedFen,
            cancellationFeeFen,
          });
          if (decision === null) return;
          expect(decision.amountFen).toBeGreaterThan(0);
          expect(decision.amountFen).toBeLessThanOrEqual(paidFen - alreadyRefundedFen);
          expect(decision.amountFen + decision.keptFen).toBe(paidFen);
          if (decision.reason === 'cancelled_after_review')
            expect(decision.amountFen).toBeLessThanOrEqual(paidFen - cancellationFeeFen);
        },
      ),
    );
  });
});

describe('fullRefund', () => {
  it.each([
    [300_000, 0, 'number_taken', { amountFen: 300_000, keptFen: 0, reason: 'number_taken' }],
    [
      300_000,
      50_000,
      'duplicate_payment',
      { amountFen: 250_000, keptFen: 50_000, reason: 'duplicate_payment' },
    ],
    [300_000, 300_000, 'number_taken', null],
  ] as const)('paid %i, refunded %i, %s', (paid, refunded, reason, expected) => {
    expect(fullRefund(paid, refunded, reason)).toEqual(expected);
  });
});
