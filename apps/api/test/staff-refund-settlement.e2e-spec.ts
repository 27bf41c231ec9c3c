import { randomUUID } from 'node:crypto';
import { registerCustomer } from './accounts.fixtures';
import { startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { countRows, signedOrder, STANDARD_NUMBERS } from './payments.fixtures';
import { auditRows, staffAs, type StaffHeaders } from './staff-actions.fixtures';
import type {
  BankTransferResponse,
  StaffRefundIssuedResponse,
  StaffRefundSettledResponse,
} from '../src/staff-actions/staff-actions.response';

describe('staff refunds: settling bank-transfer refunds by hand, and Idempotency-Key', () => {
  let env: OrdersEnv;
  let sales: StaffHeaders;
  let admin: StaffHeaders;
  const spare = [...STANDARD_NUMBERS];
  const take = () => spare.shift() as string;
  let serial = 0;
  const reference = () => `ABC-${Date.now()}-${++serial}`;

  beforeAll(async () => {
    env = await startOrdersEnv([...STANDARD_NUMBERS]);
    [sales, admin] = await Promise.all([staffAs(env, 'sales'), staffAs(env, 'admin')]);
  });
  afterAll(() => env.close());

  /** A new order paid by a bank transfer sales recorded: its payment id and total. */
  const paidByTransfer = async () => {
    const order = await signedOrder(env, await registerCustomer(env.url), take());
    const paid = await env.call<BankTransferResponse>(
      'POST',
      `/api/v1/staff/orders/${order.id}/bank-transfers`,
      {
        headers: sales.headers,
        body: {
          amountFen: order.total?.fen,
          payerName: '北京好码科技有限公司',
          reference: reference(),
          receivedOn: '2026-01-05',
        },
      },
    );
    expect(paid.status).toBe(201);
    return { orderId: order.id, paymentId: paid.body.payment.id, totalFen: order.total?.fen ?? 0 };
  };
  const refund = (orderId: string, amountFen: number, key?: string) =>
    env.call<StaffRefundIssuedResponse & ErrorBody>('POST', `/api/v1/staff/orders/${orderId}/refunds`, {
      headers: { ...admin.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body: { amountFen, reason: 'goodwill' },
    });
  const settle = (refundId: string, body: Record<string, unknown> = {}, who: StaffHeaders = admin) =>
    env.call<StaffRefundSettledResponse & ErrorBody>('POST', `/api/v1/staff/refunds/${refundId}/settle`, {
      headers: who.headers,
      body: { reference: reference(), settledOn: '2026-01-06', ...body },
    });
  const refundRow = async (refundId: string) =>
    (
      (await env.dataSource.query(`SELECT status, succeeded_at FROM refunds WHERE id = $1`, [refundId])) as {
        status: string;
        succeeded_at: Date | null;
      }[]
    )[0];
  const refundedFen = async (paymentId: string) =>
    (
      (await env.dataSource.query(`SELECT refunded_fen FROM payments WHERE id = $1`, [paymentId])) as {
        refunded_fen: number;
      }[]
    )[0]?.refunded_fen;
  const succeededMessages = (refundId: string) =>
    countRows(env.dataSource, 'notifications', `template = 'refund-succeeded' AND dedupe_key = $1`, [
      `refund:${refundId}:refund-succeeded`,
    ]);

  it('settles a pending bank-transfer refund: succeeded, payment refunded, customer told, audited', async () => {
    const paid = await paidByTransfer();
    const issued = await refund(paid.orderId, 30_000);
    expect(issued.status).toBe(201);
    expect(issued.body.refund).toMatchObject({ status: 'pending', settlement: 'manual' });
    const refundId = issued.body.refund.id;
    expect(await succeededMessages(refundId)).toBe(0);

    const ref = reference();
    const answer = await settle(refundId, { reference: ref, settledOn: '2026-01-06' });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      orderId: paid.orderId,
      paymentId: paid.paymentId,
      refundedFen: 30_000,
      refund: { id: refundId, status: 'succeeded', amountFen: 30_000, settlement: 'manual' },
    });
    const row = await refundRow(refundId);
    expect(row?.status).toBe('succeeded');
    expect(row?.succeeded_at).not.toBeNull();
    expect(await refundedFen(paid.paymentId)).toBe(30_000);
    expect(await succeededMessages(refundId)).toBe(1);
    const [message] = (await env.dataSource.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [
      `refund:${refundId}:refund-succeeded`,
    ])) as { id: string }[];
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'send-notification' AND payload ->> 'notificationId' = $1`,
        [message?.id],
      ),
    ).toBe(1);
    expect(await auditRows(env.dataSource, 'refund.settled', refundId)).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        before: { status: 'pending', paymentRefundedFen: 0 },
        after: expect.objectContaining({
          status: 'succeeded',
          reference: ref,
          settledOn: '2026-01-06',
          paymentId: paid.paymentId,
          amountFen: 30_000,
          paymentRefundedFen: 30_000,
        }),
      }),
    ]);

    // Settled already: refused, nothing changes, no second message.
    const again = await settle(refundId);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'REFUND_NOT_ALLOWED', status: 'succeeded' });
    expect(await refundedFen(paid.paymentId)).toBe(30_000);
    expect(await succeededMessages(refundId)).toBe(1);
    expect(await auditRows(env.dataSource, 'refund.settled', refundId)).toHaveLength(1);

    // A second refund of the same payment adds up.
    const rest = await refund(paid.orderId, paid.totalFen - 30_000);
    expect((await settle(rest.body.refund.id)).body.refundedFen).toBe(paid.totalFen);
    expect(await refundedFen(paid.paymentId)).toBe(paid.totalFen);
  });

  it('settles once when two settlements arrive at once (the refund row lock decides)', async () => {
    const paid = await paidByTransfer();
    const issued = await refund(paid.orderId, 10_000);
    const answers = await Promise.all([settle(issued.body.refund.id), settle(issued.body.refund.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await refundedFen(paid.paymentId)).toBe(10_000);
    expect(await succeededMessages(issued.body.refund.id)).toBe(1);
    expect(await auditRows(env.dataSource, 'refund.settled', issued.body.refund.id)).toHaveLength(1);
  });

  it("refuses a card payment's refund (the provider settles it), and an unknown refund", async () => {
    const order = await signedOrder(env, await registerCustomer(env.url), take());
    // A card payment Stripe took (written directly: this suite does not run the provider).
    const [payment] = (await env.dataSource.query(
      `INSERT INTO payments (order_id, provider, provider_session_id, provider_payment_id, amount_fen,
                             idempotency_key, status, paid_at, created_by)
       VALUES ($1, 'stripe', $2, $3, $4, $5, 'paid', now(), 'test') RETURNING id`,
      [
        order.id,
        `cs_test_${randomUUID()}`,
        `pi_test_${randomUUID()}`,
        order.total?.fen,
        `test:${randomUUID()}`,
      ],
    )) as { id: string }[];
    const issued = await refund(order.id, 5_000);
    expect(issued.status).toBe(201);
    expect(issued.body.refund).toMatchObject({ status: 'pending', settlement: 'provider' });

    const answer = await settle(issued.body.refund.id);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'REFUND_NOT_ALLOWED', provider: 'stripe', status: 'pending' });
    expect((await refundRow(issued.body.refund.id))?.status).toBe('pending');
    expect(await refundedFen(String(payment?.id))).toBe(0);
    expect(await auditRows(env.dataSource, 'refund.settled', issued.body.refund.id)).toHaveLength(0);

    const unknown = await settle(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });

  it('validates the body and the path, and lets only admins settle', async () => {
    const paid = await paidByTransfer();
    const issued = await refund(paid.orderId, 1_000);
    const id = issued.body.refund.id;
    for (const body of [
      { reference: 'has space' },
      { settledOn: '2026-02-30' },
      { settledOn: '2999-01-01' },
      { reference: undefined },
      { status: 'succeeded' },
    ])
      expect((await settle(id, body)).body.code).toBe('VALIDATION_FAILED');
    expect((await settle('not-a-uuid')).status).toBe(400);
    expect((await settle(id, {}, sales)).status).toBe(403);
    expect((await env.call('POST', `/api/v1/staff/refunds/${id}/settle`, { body: {} })).status).toBe(401);
    expect((await refundRow(id))?.status).toBe('pending');
  });

  it('refunds once per Idempotency-Key: a repeat answers 200 with the same refund', async () => {
    const paid = await paidByTransfer();
    const key = `double-click-${randomUUID()}`;
    const first = await refund(paid.orderId, 20_000, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, remainingFen: paid.totalFen - 20_000 });

    const repeat = await refund(paid.orderId, 20_000, key);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({
      created: false,
      remainingFen: paid.totalFen - 20_000,
      refund: { id: first.body.refund.id, amountFen: 20_000 },
    });
    // Two at once with a new key: one refund between them.
    const other = `other-${randomUUID()}`;
    const both = await Promise.all([refund(paid.orderId, 1_000, other), refund(paid.orderId, 1_000, other)]);
    expect(both.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(both[0]?.body.refund.id).toBe(both[1]?.body.refund.id);
    expect(await countRows(env.dataSource, 'refunds', 'payment_id = $1', [paid.paymentId])).toBe(2);
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'execute-refund' AND payload ->> 'refundId' = $1`,
        [first.body.refund.id],
      ),
    ).toBe(1);
    expect(await auditRows(env.dataSource, 'order.refund_issued', paid.orderId)).toHaveLength(2);

    // The key reused for another amount is refused; the same key on another order is its own refund.
    const changed = await refund(paid.orderId, 20_001, key);
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ code: 'REFUND_NOT_ALLOWED', refundId: first.body.refund.id });
    const elsewhere = await paidByTransfer();
    const sameKey = await refund(elsewhere.orderId, 20_000, key);
    expect(sameKey.status).toBe(201);
    expect(sameKey.body.refund.id).not.toBe(first.body.refund.id);

    // A long key (200 characters) works too, repeat included.
    const long = 'k'.repeat(200);
    const a = await refund(paid.orderId, 500, long);
    const b = await refund(paid.orderId, 500, long);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.refund.id).toBe(a.body.refund.id);

    // Without a key each request is a refund of its own, as before.
    const x = await refund(paid.orderId, 100);
    const y = await refund(paid.orderId, 100);
    expect([x.status, y.status, x.body.created, y.body.created]).toEqual([201, 201, true, true]);
    expect(x.body.refund.id).not.toBe(y.body.refund.id);

    // A malformed key is refused before anything is written.
    for (const bad of ['short', 'has space in it', 'k'.repeat(201), 'colon:inside'])
      expect((await refund(paid.orderId, 100, bad)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await countRows(env.dataSource, 'refunds', 'payment_id = $1', [paid.paymentId])).toBe(5);
  });
});
