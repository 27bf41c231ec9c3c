import { startStripeStandIn, type StripeStandIn } from '@haoma/testing';
import { registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import { customerApi, holdAs, startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { countRows, setHold, signedOrder, STANDARD_NUMBERS } from './payments.fixtures';
import type { CheckoutResponse, PaymentListResponse } from '../src/payments/payment.response';

const MINUTE = 60_000;

describe('checkout through Stripe (the real client against the stand-in)', () => {
  let env: OrdersEnv;
  let stripe: StripeStandIn;
  const spare = [...STANDARD_NUMBERS];
  const take = () => spare.shift() as string;

  beforeAll(async () => {
    stripe = await startStripeStandIn();
    env = await startOrdersEnv([...STANDARD_NUMBERS], {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_checkout',
      STRIPE_WEBHOOK_SECRETS: 'whsec_checkout',
      STRIPE_API_URL: stripe.url,
      PUBLIC_URL: 'https://shop.example',
    });
  });
  afterAll(async () => {
    await env.close();
    await stripe.close();
  });

  const as = (who: RegisteredCustomer) => customerApi(env, who);
  const checkout = (who: RegisteredCustomer, orderId: string) =>
    as(who).post<CheckoutResponse & ErrorBody>(`/api/v1/orders/${orderId}/checkout`);
  const sessionCreates = () => stripe.requests.filter((r) => r.path === '/v1/checkout/sessions');

  it('creates one CNY session for the order’s lines and hands the same one out again', async () => {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, take());
    const before = sessionCreates().length;

    const first = await checkout(buyer, order.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ provider: 'stripe', currency: 'CNY', amount: order.total });
    const session = [...stripe.sessions.values()].find(
      (s) => s.metadata['paymentId'] === first.body.paymentId,
    );
    expect(session).toMatchObject({
      currency: 'cny',
      amount_total: order.total?.fen,
      client_reference_id: order.id,
      customer_email: buyer.email,
      metadata: { orderId: order.id, paymentId: first.body.paymentId, orderNo: expect.any(String) },
      payment_method_types: ['card', 'alipay', 'wechat_pay'],
      success_url: `https://shop.example/orders/${order.id}?checkout=success`,
    });
    expect(first.body.checkoutUrl).toBe(session?.url);
    expect(session?.line_items.map((l) => l.unit_amount)).toEqual(
      order.price?.lines.filter((l) => l.amount.fen > 0).map((l) => l.amount.fen),
    );
    expect(new Date(first.body.expiresAt).getTime()).toBe((session?.expires_at ?? 0) * 1000);
    expect(sessionCreates().at(-1)?.idempotencyKey).toBe(`checkout:${order.id}:${order.total?.fen}:0`);

    const again = await checkout(buyer, order.id);
    expect(again.body).toEqual(first.body);
    expect(sessionCreates().length).toBe(before + 1);
    const rows: { status: string; provider_session_id: string }[] = await env.dataSource.query(
      `SELECT status, provider_session_id FROM payments WHERE order_id = $1`,
      [order.id],
    );
    expect(rows).toEqual([{ status: 'open', provider_session_id: session?.id }]);
  });

  it('answers concurrent checkouts of one order with one session', async () => {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, take());
    const answers = await Promise.all([1, 2, 3, 4].map(() => checkout(buyer, order.id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.checkoutUrl)).size).toBe(1);
    expect(await countRows(env.dataSource, 'payments', 'order_id = $1', [order.id])).toBe(1);
  });

  it('replaces the session when the amount changed: the old one is expired and superseded', async () => {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, take());
    const first = await checkout(buyer, order.id);
    const lines = (order.price?.lines ?? []).map((l) => ({
      kind: l.kind,
      code: l.code,
      version: l.version,
      name: l.name,
      nameZh: l.nameZh,
      amountFen: l.amount.fen,
    }));
    lines.push({
      kind: 'feature',
      code: 'recording',
      version: 1,
      name: 'Recording',
      nameZh: '录音',
      amountFen: 50_000,
    });
    const total = lines.reduce((sum, l) => sum + l.amountFen, 0);
    await env.dataSource.query(`UPDATE orders SET price_lines = $2, total_fen = $3 WHERE id = $1`, [
      order.id,
      JSON.stringify(lines),
      total,
    ]);

    const second = await checkout(buyer, order.id);
    expect(second.status).toBe(200);
    expect(second.body.paymentId).not.toBe(first.body.paymentId);
    expect(second.body.amount.fen).toBe(total);
    const old = [...stripe.sessions.values()].find((s) => s.metadata['paymentId'] === first.body.paymentId);
    expect(old?.status).toBe('expired');
    expect(sessionCreates().at(-1)?.idempotencyKey).toBe(`checkout:${order.id}:${total}:1`);
    const rows: { id: string; status: string; amount_fen: number }[] = await env.dataSource.query(
      `SELECT id, status, amount_fen FROM payments WHERE order_id = $1 ORDER BY created_at`,
      [order.id],
    );
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [first.body.paymentId, 'superseded'],
      [second.body.paymentId, 'open'],
    ]);

    // Completed at Stripe before its event arrived, then the amount changes: refused, nothing replaced.
    const current = [...stripe.sessions.values()].find(
      (s) => s.metadata['paymentId'] === second.body.paymentId,
    );
    stripe.complete(current?.id ?? '');
    await env.dataSource.query(`UPDATE orders SET total_fen = total_fen + 100 WHERE id = $1`, [order.id]);
    const refused = await checkout(buyer, order.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PAYMENT_IN_PROGRESS');
    expect(await countRows(env.dataSource, 'payments', `order_id = $1 AND status = 'open'`, [order.id])).toBe(
      1,
    );
  });

  it('extends a hold ending within 31 minutes to cover the session, not as one of the customer’s extensions', async () => {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, take());
    await setHold(env.dataSource, order.id, new Date(Date.now() + 5 * MINUTE));

    const answer = await checkout(buyer, order.id);
    expect(answer.status).toBe(200);
    const holdUntil = new Date(answer.body.holdUntil).getTime();
    expect(holdUntil - Date.now()).toBeGreaterThan(30 * MINUTE);
    expect(holdUntil - Date.now()).toBeLessThan(32 * MINUTE);
    expect(new Date(answer.body.expiresAt).getTime()).toBeLessThanOrEqual(holdUntil);
    const session = [...stripe.sessions.values()].find(
      (s) => s.metadata['paymentId'] === answer.body.paymentId,
    );
    expect(session?.expires_at).toBe(Math.floor(holdUntil / 1000));

    const [state]: { hold_until: Date; hold_extensions: number; held_until: Date }[] =
      await env.dataSource.query(
        `SELECT o.hold_until, o.hold_extensions, n.held_until FROM orders o JOIN numbers n ON n.holder_order_id = o.id
        WHERE o.id = $1`,
        [order.id],
      );
    expect(state?.hold_until.getTime()).toBe(holdUntil);
    expect(state?.held_until.getTime()).toBe(holdUntil);
    expect(state?.hold_extensions).toBe(0);
    const events: { actor: string; data: { to: string } }[] = await env.dataSource.query(
      `SELECT actor, data FROM order_events WHERE order_id = $1 AND type = 'hold_extended'`,
      [order.id],
    );
    expect(events).toEqual([
      { actor: 'system:checkout', data: expect.objectContaining({ to: answer.body.holdUntil }) },
    ]);
    const jobs: { payload: { holdUntil: string }; run_at: Date }[] = await env.dataSource.query(
      `SELECT payload, run_at FROM outbox_messages WHERE job_name = 'expire-hold' AND payload->>'orderId' = $1
        ORDER BY id DESC LIMIT 1`,
      [order.id],
    );
    expect(jobs[0]?.payload.holdUntil).toBe(answer.body.holdUntil);
    // The customer's own extension is still there.
    const extended = await as(buyer).post(`/api/v1/orders/${order.id}/hold-extension`);
    expect(extended.status).toBe(200);
  });

  it('refuses orders that cannot be paid, with their codes', async () => {
    const buyer = await registerCustomer(env.url);
    const selecting = await holdAs(env, buyer, take());
    const notSigned = await checkout(buyer, selecting.id);
    expect(notSigned.status).toBe(409);
    expect(notSigned.body).toMatchObject({ code: 'ORDER_NOT_PAYABLE', status: 'selecting' });

    const lapsed = await signedOrder(env, buyer, take());
    await setHold(env.dataSource, lapsed.id, new Date(Date.now() - 1000));
    const expired = await checkout(buyer, lapsed.id);
    expect(expired.status).toBe(409);
    expect(expired.body.code).toBe('ORDER_HOLD_EXPIRED');
    expect(
      await countRows(env.dataSource, 'payments', 'order_id = ANY($1::uuid[])', [[selecting.id, lapsed.id]]),
    ).toBe(0);

    const bad = await as(buyer).post<ErrorBody>('/api/v1/orders/not-a-uuid/checkout');
    expect(bad.status).toBe(400);
  });

  it('lets no customer pay for, or see the payments of, another customer’s order', async () => {
    const owner = await registerCustomer(env.url);
    const other = await registerCustomer(env.url);
    const order = await signedOrder(env, owner, take());
    const paid = await checkout(owner, order.id);

    const intruder = await checkout(other, order.id);
    expect(intruder.status).toBe(404);
    expect(intruder.body.code).toBe('ORDER_NOT_FOUND');
    const peek = await as(other).get<ErrorBody>(`/api/v1/orders/${order.id}/payments`);
    expect(peek.status).toBe(404);
    expect(peek.body.code).toBe('ORDER_NOT_FOUND');
    const anonymous = await env.call('GET', `/api/v1/orders/${order.id}/payments`);
    expect(anonymous.status).toBe(401);

    const own = await as(owner).get<PaymentListResponse>(`/api/v1/orders/${order.id}/payments`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      items: [
        {
          id: paid.body.paymentId,
          provider: 'stripe',
          status: 'open',
          amount: order.total,
          refunded: { fen: 0 },
          checkoutUrl: paid.body.checkoutUrl,
          refunds: [],
        },
      ],
      nextCursor: null,
    });
    expect(own.body.items[0]?.lines.map((l) => l.amount.fen)).toEqual(
      order.price?.lines.map((l) => l.amount.fen),
    );
  });

  it('pages an order’s payments newest first, and shows refunds', async () => {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, take());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      await env.dataSource.query(`UPDATE orders SET total_fen = total_fen + 100 WHERE id = $1`, [order.id]);
      ids.push((await checkout(buyer, order.id)).body.paymentId);
    }
    await env.dataSource.query(
      `INSERT INTO refunds (payment_id, order_id, amount_fen, reason, idempotency_key, created_by)
       VALUES ($1, $2, 100, 'staff', 'refund:test:page', 'staff:test')`,
      [ids[0], order.id],
    );
    const first = await as(buyer).get<PaymentListResponse>(`/api/v1/orders/${order.id}/payments?limit=2`);
    expect(first.body.items.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    const second = await as(buyer).get<PaymentListResponse>(
      `/api/v1/orders/${order.id}/payments?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((p) => p.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items[0]?.refunds).toEqual([
      expect.objectContaining({ amount: { fen: 100, display: '¥1.00' }, status: 'pending', reason: 'staff' }),
    ]);
    const broken = await as(buyer).get<ErrorBody>(`/api/v1/orders/${order.id}/payments?cursor=nope`);
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('INVALID_QUERY');
  });
});
