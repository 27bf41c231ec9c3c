import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { applyPaidPayment } from './payment-application';
import { recordBankTransfer } from './bank-transfer';
import { StaffPaymentError } from './staff-payment-errors';

const DAY = 86_400_000;
const TOTAL = 120_000;

/**
 * The shared payment decision (what a paid payment does to its order, whoever confirmed it)
 * for every status, and the bank transfer's own refusals, straight against the database.
 */
describe('bank transfers and the payment decision', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let customerId: string;
  let sequence = 0;
  const staffId = randomUUID();
  const now = new Date();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    customerId = randomUUID();
    await ds.query(
      `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
       VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'not-a-hash')`,
      [customerId, `c-${customerId}@example.com`],
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  // What the number is while an order is in each status.
  const NUMBER_OF: Record<OrderStatus, string> = {
    selecting: 'held',
    awaiting_payment: 'held',
    awaiting_documents: 'locked',
    under_review: 'locked',
    provisioning: 'locked',
    active: 'assigned',
    ended: 'quarantine',
    expired: 'available',
    cancelled: 'available',
  };

  /** An order in `status` with its number as that status leaves it (`taken`: another order holds it). */
  async function place(status: OrderStatus, options: { taken?: boolean } = {}) {
    const orderId = randomUUID();
    sequence += 1;
    const number = `4005${String(sequence).padStart(6, '0')}`;
    const numberStatus = options.taken ? 'locked' : NUMBER_OF[status];
    const holder =
      numberStatus === 'available' || numberStatus === 'quarantine'
        ? null
        : options.taken
          ? randomUUID()
          : orderId;
    await ds.query(
      `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                            status, holder_order_id, held_until)
       VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'test number', 0, 1, $2, $3, $4)`,
      [number, numberStatus, holder, numberStatus === 'held' ? new Date(now.getTime() + DAY) : null],
    );
    await ds.query(
      `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until, price_lines)
       VALUES ($1, $2, $3, $4, 'standard', 0, $5, $6, $7)`,
      [
        orderId,
        customerId,
        number,
        status,
        TOTAL,
        new Date(now.getTime() + DAY),
        JSON.stringify([
          { kind: 'plan', code: 'basic', version: 1, name: 'Basic', nameZh: '基础套餐', amountFen: TOTAL },
        ]),
      ],
    );
    return { orderId, number };
  }

  const transfer = (orderId: string, reference: string, amountFen = TOTAL) =>
    ds.transaction((manager) =>
      recordBankTransfer(manager, {
        orderId,
        staffId,
        amountFen,
        payerName: '某某有限公司',
        reference,
        receivedOn: '2026-01-02',
        documentsDeadlineMs: 15 * DAY,
        now,
      }),
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof StaffPaymentError ? { code: e.code, ...e.details } : e),
    );
  const orderOf = async (orderId: string) =>
    (
      (await ds.query(`SELECT status, documents_due_at, paid_at FROM orders WHERE id = $1`, [orderId])) as {
        status: string;
        documents_due_at: Date | null;
        paid_at: Date | null;
      }[]
    )[0];
  const refundsOf = (
    orderId: string,
  ): Promise<{ amount_fen: number; reason: string; idempotency_key: string }[]> =>
    ds.query(`SELECT amount_fen, reason, idempotency_key FROM refunds WHERE order_id = $1`, [orderId]);

  /** Applies a paid payment (inserted as the caller would) to an order in `status`. */
  async function apply(status: OrderStatus, options: { taken?: boolean } = {}) {
    const { orderId } = await place(status, options);
    const result = await ds.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO payments (order_id, provider, provider_session_id, amount_fen, idempotency_key, status, paid_at, created_by)
         VALUES ($1, 'sandbox', $2, $3, $2, 'paid', $4, 'customer:test') RETURNING id`,
        [orderId, `cs_${randomUUID()}`, TOTAL, now],
      );
      const paymentId = String(rows[0]?.id);
      await manager.query(`SELECT 1 FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
      return applyPaidPayment(manager, { id: paymentId, order_id: orderId, amount_fen: TOTAL }, status, {
        actor: { kind: 'system', id: 'sandbox' },
        systemActor: { kind: 'system', id: 'sandbox' },
        documentsDeadlineMs: 15 * DAY,
        now,
      });
    });
    return { orderId, result, order: await orderOf(orderId), refunds: await refundsOf(orderId) };
  }

  it.each<[OrderStatus, boolean, string, string, string | null]>([
    ['awaiting_payment', false, 'locked', 'awaiting_documents', null],
    ['expired', false, 'reclaimed', 'awaiting_documents', null],
    ['expired', true, 'refunded_number_taken', 'cancelled', 'number_taken'],
    ['awaiting_documents', false, 'order_already_confirmed', 'awaiting_documents', null],
    ['under_review', false, 'order_already_confirmed', 'under_review', null],
    ['active', false, 'order_already_confirmed', 'active', null],
    ['selecting', false, 'refunded_order_closed', 'selecting', 'cancelled_before_review'],
    ['cancelled', false, 'refunded_order_closed', 'cancelled', 'cancelled_before_review'],
  ])(
    'a payment for a %s order (number taken: %s) → %s, order %s, refund %s',
    async (status, taken, outcome, to, refund) => {
      const { result, order, refunds } = await apply(status, { taken });
      expect(result.outcome).toBe(outcome);
      expect(order?.status).toBe(to);
      expect(refunds.map((r) => [r.reason, r.amount_fen])).toEqual(refund ? [[refund, TOTAL]] : []);
      expect(result.refundId === null).toBe(refund === null);
      if (outcome === 'locked' || outcome === 'reclaimed') {
        expect(order?.documents_due_at).toEqual(new Date(now.getTime() + 15 * DAY));
        expect(order?.paid_at).toEqual(now);
      }
    },
  );

  it('records a transfer as the paid payment with the order lines, and the reference once', async () => {
    const { orderId, number } = await place('awaiting_payment');
    const reference = `REF-${randomUUID()}`;
    const result = await transfer(orderId, reference);
    expect(result).toMatchObject({ outcome: 'locked', from: 'awaiting_payment', to: 'awaiting_documents' });
    const [payment] = (await ds.query(`SELECT * FROM payments WHERE id = $1`, [result.paymentId])) as Record<
      string,
      unknown
    >[];
    expect(payment).toMatchObject({
      provider: 'bank_transfer',
      provider_session_id: reference,
      status: 'paid',
      amount_fen: TOTAL,
      outcome: 'locked',
      created_by: `staff:${staffId}`,
      lines: [expect.objectContaining({ code: 'basic', amountFen: TOTAL })],
    });
    expect(
      ((await ds.query(`SELECT status FROM numbers WHERE number = $1`, [number])) as { status: string }[])[0],
    ).toEqual({
      status: 'locked',
    });
    const other = await place('awaiting_payment');
    expect(await refusal(transfer(other.orderId, reference))).toMatchObject({
      code: 'BANK_TRANSFER_DUPLICATE',
      paymentId: result.paymentId,
    });
  });

  it('refuses a wrong amount and an order that cannot be paid, recording nothing', async () => {
    const { orderId } = await place('awaiting_payment');
    expect(await refusal(transfer(orderId, `R-${randomUUID()}`, TOTAL + 1))).toEqual({
      code: 'PAYMENT_AMOUNT_MISMATCH',
      expectedFen: TOTAL,
      amountFen: TOTAL + 1,
    });
    for (const status of ['selecting', 'awaiting_documents', 'cancelled'] as const) {
      const closed = await place(status);
      expect(await refusal(transfer(closed.orderId, `R-${randomUUID()}`))).toMatchObject({
        code: 'ORDER_NOT_PAYABLE',
        status,
      });
    }
    expect(await refusal(transfer(randomUUID(), `R-${randomUUID()}`))).toMatchObject({
      code: 'ORDER_NOT_FOUND',
    });
    const rows: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM payments WHERE order_id = $1`,
      [orderId],
    );
    expect(rows[0]?.n).toBe(0);
  });
});
