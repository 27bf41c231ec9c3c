import { registerCustomer } from './accounts.fixtures';
import {
  customerApi,
  holdAs,
  numberState,
  startOrdersEnv,
  type ErrorBody,
  type OrdersEnv,
} from './orders.fixtures';
import { countRows, signedOrder, STANDARD_NUMBERS } from './payments.fixtures';
import { auditRows, expireOrder, staffAs, type StaffHeaders } from './staff-actions.fixtures';
import type {
  BankTransferResponse,
  StaffPaymentListResponse,
  StaffRefundIssuedResponse,
} from '../src/staff-actions/staff-actions.response';

const DAY = 86_400_000;
const DOCUMENTS_DEADLINE_MS = 15 * DAY;

describe('staff payments: bank transfers (对公转账) and refunds', () => {
  let env: OrdersEnv;
  let sales: StaffHeaders;
  let admin: StaffHeaders;
  let reviewer: StaffHeaders;
  const spare = [...STANDARD_NUMBERS];
  const take = () => spare.shift() as string;
  let serial = 0;
  const reference = () => `ICBC-${Date.now()}-${++serial}`;

  beforeAll(async () => {
    env = await startOrdersEnv([...STANDARD_NUMBERS], { DOCUMENTS_DEADLINE: '15d' });
    [sales, admin, reviewer] = await Promise.all([
      staffAs(env, 'sales'),
      staffAs(env, 'admin'),
      staffAs(env, 'reviewer'),
    ]);
  });
  afterAll(() => env.close());

  const transfer = (who: StaffHeaders | null, orderId: string, body: Record<string, unknown>) =>
    env.call<BankTransferResponse & ErrorBody>('POST', `/api/v1/staff/orders/${orderId}/bank-transfers`, {
      headers: who?.headers ?? {},
      body: { payerName: '北京好码科技有限公司', receivedOn: '2026-01-05', ...body },
    });
  const refund = (who: StaffHeaders, orderId: string, amountFen: number) =>
    env.call<StaffRefundIssuedResponse & ErrorBody>('POST', `/api/v1/staff/orders/${orderId}/refunds`, {
      headers: who.headers,
      body: { amountFen, reason: 'goodwill' },
    });
  const payments = (who: StaffHeaders, orderId: string) =>
    env.call<StaffPaymentListResponse & ErrorBody>('GET', `/api/v1/staff/orders/${orderId}/payments`, {
      headers: who.headers,
    });
  const orderOf = async (orderId: string) =>
    (
      (await env.dataSource.query(`SELECT status, paid_at, documents_due_at FROM orders WHERE id = $1`, [
        orderId,
      ])) as { status: string; paid_at: Date | null; documents_due_at: Date | null }[]
    )[0];

  it('pays an order awaiting payment: number locked, documents deadline set, one paid payment, audited', async () => {
    const buyer = await registerCustomer(env.url);
    const number = take();
    const order = await signedOrder(env, buyer, number);
    // The customer also opened a checkout session: it is left open, and said so.
    const checkout = await customerApi(env, buyer).post<{ paymentId: string }>(
      `/api/v1/orders/${order.id}/checkout`,
    );
    expect(checkout.status).toBe(200);
    const ref = reference();
    const started = Date.now();

    const answer = await transfer(sales, order.id, { amountFen: order.total?.fen, reference: ref });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      orderId: order.id,
      previousStatus: 'awaiting_payment',
      orderStatus: 'awaiting_documents',
      outcome: 'locked',
      refundId: null,
      openCheckoutPaymentIds: [checkout.body.paymentId],
      note: expect.stringContaining('duplicate'),
      payment: {
        provider: 'bank_transfer',
        providerSessionId: ref,
        status: 'paid',
        amountFen: order.total?.fen,
        outcome: 'locked',
        createdBy: `staff:${sales.id}`,
        refunds: [],
      },
    });
    expect(answer.body.payment.lines.map((l) => l.amountFen)).toEqual(
      order.price?.lines.map((l) => l.amount.fen),
    );
    const row = await orderOf(order.id);
    expect(row?.status).toBe('awaiting_documents');
    expect(row?.paid_at).not.toBeNull();
    const due = row?.documents_due_at?.getTime() ?? 0;
    expect(due).toBeGreaterThanOrEqual(started + DOCUMENTS_DEADLINE_MS);
    expect(due).toBeLessThanOrEqual(Date.now() + DOCUMENTS_DEADLINE_MS);
    expect(await numberState(env.dataSource, number)).toMatchObject({
      status: 'locked',
      holder_order_id: order.id,
    });
    expect(await countRows(env.dataSource, 'payments', `order_id = $1 AND status = 'paid'`, [order.id])).toBe(
      1,
    );
    const [event] = (await env.dataSource.query(
      `SELECT actor, data FROM order_events WHERE order_id = $1 AND event = 'payment_confirmed'`,
      [order.id],
    )) as { actor: string; data: Record<string, unknown> }[];
    expect(event).toMatchObject({
      actor: `staff:${sales.id}`,
      data: { paymentId: answer.body.payment.id, reference: ref, provider: 'bank_transfer' },
    });
    const audits = await auditRows(env.dataSource, 'order.bank_transfer_recorded', order.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_id: sales.id,
      before: { status: 'awaiting_payment', paidAt: null },
      after: {
        status: 'awaiting_documents',
        paymentId: answer.body.payment.id,
        reference: ref,
        outcome: 'locked',
      },
    });

    // A second transfer for the paid order is refused: it is no longer payable.
    const again = await transfer(admin, order.id, { amountFen: order.total?.fen, reference: reference() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORDER_NOT_PAYABLE');

    // Refunds: part, then more than is left, then the rest.
    const total = order.total?.fen ?? 0;
    const part = await refund(admin, order.id, 20_000);
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({
      paymentId: answer.body.payment.id,
      remainingFen: total - 20_000,
      refund: {
        amountFen: 20_000,
        status: 'pending',
        reason: 'staff',
        settlement: 'manual',
        createdBy: `staff:${admin.id}`,
      },
    });
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'execute-refund' AND payload ->> 'refundId' = $1`,
        [part.body.refund.id],
      ),
    ).toBe(1);
    const over = await refund(admin, order.id, total - 20_000 + 1);
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', remainingFen: total - 20_000 });
    const rest = await refund(admin, order.id, total - 20_000);
    expect(rest.status).toBe(201);
    expect(rest.body.remainingFen).toBe(0);
    expect((await refund(admin, order.id, 1)).body.code).toBe('REFUND_EXCEEDS_PAID');
    expect(await auditRows(env.dataSource, 'order.refund_issued', order.id)).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        before: expect.objectContaining({ refundedOrPendingFen: 0 }),
        after: expect.objectContaining({
          amountFen: 20_000,
          reason: 'goodwill',
          remainingFen: total - 20_000,
        }),
      }),
      expect.objectContaining({
        after: expect.objectContaining({ amountFen: total - 20_000, remainingFen: 0 }),
      }),
    ]);

    // The list shows the open session and the transfer with its two refunds.
    const list = await payments(reviewer, order.id);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p) => [p.provider, p.status])).toEqual([
      ['sandbox', 'open'],
      ['bank_transfer', 'paid'],
    ]);
    expect(list.body.items[1]?.refunds.map((r) => r.amountFen)).toEqual([20_000, total - 20_000]);
  });

  it('refuses a transfer that is not the order total, with the expected amount, and records nothing', async () => {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, take());
    const total = order.total?.fen ?? 0;
    const answer = await transfer(sales, order.id, { amountFen: total - 1, reference: reference() });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'PAYMENT_AMOUNT_MISMATCH',
      expectedFen: total,
      amountFen: total - 1,
    });
    expect(await countRows(env.dataSource, 'payments', 'order_id = $1', [order.id])).toBe(0);
    expect(await countRows(env.dataSource, 'audit_log', 'target_id = $1', [order.id])).toBe(0);
    expect((await orderOf(order.id))?.status).toBe('awaiting_payment');

    // Nothing paid: nothing to refund.
    const none = await refund(admin, order.id, 100);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('REFUND_NOT_ALLOWED');
  });

  it('refuses a reference recorded already (BANK_TRANSFER_DUPLICATE), even for another order', async () => {
    const [first, second] = await Promise.all([registerCustomer(env.url), registerCustomer(env.url)]);
    const a = await signedOrder(env, first, take());
    const b = await signedOrder(env, second, take());
    const ref = reference();
    expect((await transfer(sales, a.id, { amountFen: a.total?.fen, reference: ref })).status).toBe(201);
    const duplicate = await transfer(sales, b.id, { amountFen: b.total?.fen, reference: ref });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'BANK_TRANSFER_DUPLICATE', orderId: a.id });
    expect((await orderOf(b.id))?.status).toBe('awaiting_payment');
    expect(await countRows(env.dataSource, 'payments', 'provider_session_id = $1', [ref])).toBe(1);
  });

  it('records one payment when the same transfer is submitted twice at once (the database decides)', async () => {
    const buyers = await Promise.all([
      registerCustomer(env.url),
      registerCustomer(env.url),
      registerCustomer(env.url),
    ]);
    const [a, b, c] = await Promise.all(buyers.map((buyer) => signedOrder(env, buyer, take())));
    if (!a || !b || !c) throw new Error('three orders expected');
    // The same order twice, and one reference against two orders at once: each pair yields one payment.
    const sameOrder = reference();
    const twoOrders = reference();
    const [x, y, u, v] = await Promise.all([
      transfer(sales, a.id, { amountFen: a.total?.fen, reference: sameOrder }),
      transfer(admin, a.id, { amountFen: a.total?.fen, reference: sameOrder }),
      transfer(sales, b.id, { amountFen: b.total?.fen, reference: twoOrders }),
      transfer(admin, c.id, { amountFen: c.total?.fen, reference: twoOrders }),
    ]);
    expect([x?.status, y?.status].sort()).toEqual([201, 409]);
    expect([u?.status, v?.status].sort()).toEqual([201, 409]);
    expect([x, y, u, v].filter((r) => r?.status === 409).map((r) => r?.body.code)).toEqual([
      'BANK_TRANSFER_DUPLICATE',
      'BANK_TRANSFER_DUPLICATE',
    ]);
    expect(await countRows(env.dataSource, 'payments', 'provider_session_id = $1', [sameOrder])).toBe(1);
    expect(await countRows(env.dataSource, 'payments', 'provider_session_id = $1', [twoOrders])).toBe(1);
    expect(await countRows(env.dataSource, 'payments', `order_id = $1 AND status = 'paid'`, [a.id])).toBe(1);
    expect(await auditRows(env.dataSource, 'order.bank_transfer_recorded', a.id)).toHaveLength(1);
    // The order whose transfer lost is untouched.
    const loser = u?.status === 409 ? b : c;
    expect((await orderOf(loser.id))?.status).toBe('awaiting_payment');
    expect(await countRows(env.dataSource, 'audit_log', 'target_id = $1', [loser.id])).toBe(0);
  });

  it('reclaims an expired order whose number is still free', async () => {
    const buyer = await registerCustomer(env.url);
    const number = take();
    const order = await signedOrder(env, buyer, number);
    await expireOrder(env.dataSource, order.id);
    expect(await numberState(env.dataSource, number)).toMatchObject({ status: 'available' });

    const answer = await transfer(sales, order.id, { amountFen: order.total?.fen, reference: reference() });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      previousStatus: 'expired',
      orderStatus: 'awaiting_documents',
      outcome: 'reclaimed',
      refundId: null,
    });
    expect(await numberState(env.dataSource, number)).toMatchObject({
      status: 'locked',
      holder_order_id: order.id,
    });
    expect((await orderOf(order.id))?.documents_due_at).not.toBeNull();
  });

  it('refunds in full and cancels an expired order whose number someone else took', async () => {
    const [buyer, rival] = await Promise.all([registerCustomer(env.url), registerCustomer(env.url)]);
    const number = take();
    const order = await signedOrder(env, buyer, number);
    await expireOrder(env.dataSource, order.id);
    const rivalOrder = await holdAs(env, rival, number);

    const answer = await transfer(sales, order.id, { amountFen: order.total?.fen, reference: reference() });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      previousStatus: 'expired',
      orderStatus: 'cancelled',
      outcome: 'refunded_number_taken',
      refundId: expect.any(String),
      payment: {
        status: 'paid',
        refunds: [
          { amountFen: order.total?.fen, reason: 'number_taken', status: 'pending', settlement: 'manual' },
        ],
      },
    });
    expect(await numberState(env.dataSource, number)).toMatchObject({
      status: 'held',
      holder_order_id: rivalOrder.id,
    });
    const [event] = (await env.dataSource.query(
      `SELECT actor, data FROM order_events WHERE order_id = $1 AND event = 'late_payment_refunded'`,
      [order.id],
    )) as { actor: string; data: Record<string, unknown> }[];
    expect(event).toMatchObject({ actor: 'system:bank_transfer', data: { recordedBy: `staff:${sales.id}` } });
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'execute-refund' AND payload ->> 'refundId' = $1`,
        [answer.body.refundId],
      ),
    ).toBe(1);
  });

  it('refuses a selecting order (not signed): ORDER_NOT_PAYABLE', async () => {
    const buyer = await registerCustomer(env.url);
    const order = await holdAs(env, buyer, take());
    const answer = await transfer(sales, order.id, { amountFen: 100, reference: reference() });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('ORDER_NOT_PAYABLE');
  });

  it('validates the body and the path', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const bad = async (body: Record<string, unknown>) => (await transfer(sales, id, body)).body;
    expect(await bad({ amountFen: 0, reference: 'R1' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await bad({ amountFen: 100, reference: 'has space' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await bad({ amountFen: 100, reference: 'R1', receivedOn: '2026-13-01' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await bad({ amountFen: 100, reference: 'R1', receivedOn: '2999-01-01' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'receivedOn' }],
    });
    expect(await bad({ amountFen: 100, reference: 'R1', status: 'paid' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await bad({ amountFen: 100, reference: 'R1' })).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    const path = await env.call('POST', '/api/v1/staff/orders/not-a-uuid/bank-transfers', {
      headers: sales.headers,
      body: { amountFen: 100, reference: 'R1', payerName: 'x', receivedOn: '2026-01-01' },
    });
    expect(path.status).toBe(400);
    const refundBody = await env.call<ErrorBody>('POST', `/api/v1/staff/orders/${id}/refunds`, {
      headers: admin.headers,
      body: { amountFen: -5, reason: 'x' },
    });
    expect(refundBody.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 401 to the anonymous and 403 to customers and to roles the route does not name', async () => {
    const customer = await registerCustomer(env.url);
    const id = '00000000-0000-4000-8000-000000000002';
    const body = { amountFen: 100, reference: 'R1', payerName: 'x', receivedOn: '2026-01-01' };
    const status = async (
      path: string,
      headers: Record<string, string>,
      method = 'POST',
      send: unknown = body,
    ) => (await env.call(method, path, { headers, ...(method === 'POST' ? { body: send } : {}) })).status;
    const transfers = `/api/v1/staff/orders/${id}/bank-transfers`;
    const refunds = `/api/v1/staff/orders/${id}/refunds`;
    const list = `/api/v1/staff/orders/${id}/payments`;
    expect(await status(transfers, {})).toBe(401);
    expect(await status(transfers, customer.headers)).toBe(403);
    expect(await status(transfers, reviewer.headers)).toBe(403);
    expect(await status(refunds, {}, 'POST', { amountFen: 1, reason: 'x' })).toBe(401);
    expect(await status(refunds, sales.headers, 'POST', { amountFen: 1, reason: 'x' })).toBe(403);
    expect(await status(refunds, reviewer.headers, 'POST', { amountFen: 1, reason: 'x' })).toBe(403);
    expect(await status(refunds, customer.headers, 'POST', { amountFen: 1, reason: 'x' })).toBe(403);
    expect(await status(list, {}, 'GET')).toBe(401);
    expect(await status(list, customer.headers, 'GET')).toBe(403);
    expect(await status(list, reviewer.headers, 'GET')).toBe(404);
  });
});
