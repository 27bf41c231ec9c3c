import { registerCustomer } from './accounts.fixtures';
import { customerApi, startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { countRows, signedOrder, STANDARD_NUMBERS } from './payments.fixtures';
import type { CheckoutResponse } from '../src/payments/payment.response';

interface StoredEvent {
  id: string;
  provider: string;
  type: string;
  object_id: string;
  payload: {
    type: string;
    data: {
      object: {
        id: string;
        payment_status: string;
        status: string;
        amount_total: number;
        metadata: Record<string, string>;
      };
    };
  };
}

describe('the sandbox provider (no Stripe): checkout page and signed events through the webhook', () => {
  let env: OrdersEnv;
  const spare = [...STANDARD_NUMBERS];

  beforeAll(async () => {
    // No Stripe key and no provider named: the sandbox, with its fixed dev secret.
    env = await startOrdersEnv([...STANDARD_NUMBERS]);
  });
  afterAll(async () => {
    await env.close();
  });

  async function sandboxCheckout() {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, spare.shift() as string);
    const answer = await customerApi(env, buyer).post<CheckoutResponse>(
      `/api/v1/orders/${order.id}/checkout`,
    );
    expect(answer.status).toBe(200);
    return { buyer, order, checkout: answer.body };
  }
  const eventsOf = (sessionId: string): Promise<StoredEvent[]> =>
    env.dataSource.query(
      `SELECT id, provider, type, object_id, payload FROM webhook_events WHERE object_id = $1 ORDER BY received_at`,
      [sessionId],
    );
  const press = (paymentId: string, outcome: string) =>
    fetch(`${env.url}/sandbox/checkout/${paymentId}/${outcome}`, { method: 'POST', redirect: 'manual' });

  it('serves a bilingual page with the lines and total, under a strict CSP', async () => {
    const { order, checkout } = await sandboxCheckout();
    expect(checkout.provider).toBe('sandbox');
    expect(checkout.checkoutUrl).toBe(`${env.url}/sandbox/checkout/${checkout.paymentId}`);
    const page = await fetch(checkout.checkoutUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*style-src 'sha256-/);
    const html = await page.text();
    expect(html).toContain('沙盒收银台');
    expect(html).toContain('Sandbox checkout');
    expect(html).toContain(order.total?.display ?? 'missing');
    for (const outcome of ['pay', 'fail', 'abandon'])
      expect(html).toContain(`action="/sandbox/checkout/${checkout.paymentId}/${outcome}"`);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('Pay posts a signed checkout.session.completed to our webhook; pressing twice stores it once', async () => {
    const { order, checkout } = await sandboxCheckout();
    const [payment]: { provider_session_id: string }[] = await env.dataSource.query(
      `SELECT provider_session_id FROM payments WHERE id = $1`,
      [checkout.paymentId],
    );
    const sessionId = payment?.provider_session_id ?? '';
    const pressed = await press(checkout.paymentId, 'pay');
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get('location')).toBe(`/sandbox/checkout/${checkout.paymentId}?result=pay`);
    // Like Stripe's success URL, the page leads back to the order in the web app.
    const after = await (await fetch(`${env.url}/sandbox/checkout/${checkout.paymentId}?result=pay`)).text();
    expect(after).toContain(`href="/orders/${order.id}?checkout=success"`);
    await press(checkout.paymentId, 'pay');

    const events = await eventsOf(sessionId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      provider: 'sandbox',
      type: 'checkout.session.completed',
      payload: {
        data: {
          object: {
            id: sessionId,
            payment_status: 'paid',
            status: 'complete',
            amount_total: order.total?.fen,
            metadata: { orderId: order.id, paymentId: checkout.paymentId },
          },
        },
      },
    });
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'apply-webhook-event' AND payload->>'webhookEventId' = $1`,
        [events[0]?.id],
      ),
    ).toBe(1);
  });

  it.each([
    ['fail', 'checkout.session.async_payment_failed', 'unpaid'],
    ['abandon', 'checkout.session.expired', 'unpaid'],
  ])('%s posts %s', async (outcome, type, paymentStatus) => {
    const { checkout } = await sandboxCheckout();
    expect((await press(checkout.paymentId, outcome)).status).toBe(303);
    const [payment]: { provider_session_id: string }[] = await env.dataSource.query(
      `SELECT provider_session_id FROM payments WHERE id = $1`,
      [checkout.paymentId],
    );
    const events = await eventsOf(payment?.provider_session_id ?? '');
    expect(events.map((e) => [e.type, e.payload.data.object.payment_status])).toEqual([
      [type, paymentStatus],
    ]);
  });

  it('refuses to act on a session that is no longer open, and on unknown payments or actions', async () => {
    const { checkout } = await sandboxCheckout();
    await env.dataSource.query(`UPDATE payments SET status = 'superseded' WHERE id = $1`, [
      checkout.paymentId,
    ]);
    const late = await press(checkout.paymentId, 'pay');
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorBody).code).toBe('PAYMENT_NOT_OPEN');
    const html = await (await fetch(checkout.checkoutUrl)).text();
    expect(html).not.toContain('/pay"');

    const unknown = await press('00000000-0000-4000-8000-000000000000', 'pay');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).code).toBe('PAYMENT_NOT_FOUND');
    expect((await press(checkout.paymentId, 'refund-everything')).status).toBe(404);
    expect((await fetch(`${env.url}/sandbox/checkout/not-a-uuid`)).status).toBe(400);
  });
});
