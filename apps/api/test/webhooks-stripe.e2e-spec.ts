import { startStripeStandIn, type StripeStandIn } from '@haoma/testing';
import { startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { countRows } from './payments.fixtures';

const CURRENT = 'whsec_current_secret';
const PREVIOUS = 'whsec_previous_secret';

/** Everything a refused delivery must leave untouched. */
async function stored(env: OrdersEnv) {
  return {
    events: await countRows(env.dataSource, 'webhook_events'),
    outbox: await countRows(env.dataSource, 'outbox_messages', `job_name = 'apply-webhook-event'`),
  };
}

describe('POST /api/v1/webhooks/stripe', () => {
  let env: OrdersEnv;
  let stripe: StripeStandIn;

  beforeAll(async () => {
    stripe = await startStripeStandIn();
    env = await startOrdersEnv([], {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_webhooks',
      STRIPE_WEBHOOK_SECRETS: `${CURRENT},${PREVIOUS}`,
      STRIPE_API_URL: stripe.url,
    });
  });
  afterAll(async () => {
    await env.close();
    await stripe.close();
  });

  const post = (body: string, headers: Record<string, string>) =>
    env.call<{ received: boolean; duplicate: boolean } & ErrorBody>('POST', '/api/v1/webhooks/stripe', {
      headers,
      rawBody: body,
    });
  const sessionEvent = (type = 'checkout.session.completed') =>
    stripe.eventFor(stripe.complete(newSession()), type);
  function newSession(): string {
    const id = `cs_test_${Math.random().toString(16).slice(2)}`;
    stripe.sessions.set(id, {
      id,
      object: 'checkout.session',
      mode: 'payment',
      currency: 'cny',
      amount_total: 100_00,
      client_reference_id: null,
      customer_email: null,
      metadata: {},
      payment_intent: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      status: 'open',
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      success_url: null,
      cancel_url: null,
      url: null,
      line_items: [],
      livemode: false,
    });
    return id;
  }

  it('stores a signed event once with its outbox row, and answers duplicates without storing again', async () => {
    const event = sessionEvent();
    const delivery = stripe.signedDelivery(event, CURRENT);
    const first = await post(delivery.body, delivery.headers);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, duplicate: false });
    const id = `stripe:${String(event['id'])}`;
    const rows: {
      provider: string;
      type: string;
      object_id: string;
      payload: unknown;
      processed_at: Date | null;
    }[] = await env.dataSource.query(
      `SELECT provider, type, object_id, payload, processed_at FROM webhook_events WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        provider: 'stripe',
        type: 'checkout.session.completed',
        object_id: (event['data'] as { object: { id: string } }).object.id,
        payload: event,
        processed_at: null,
      },
    ]);
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'apply-webhook-event' AND payload->>'webhookEventId' = $1`,
        [id],
      ),
    ).toBe(1);

    // Redelivered three times, concurrently, re-signed each time (as Stripe's retries are).
    const again = await Promise.all(
      [1, 2, 3].map(() => {
        const resent = stripe.signedDelivery(event, CURRENT);
        return post(resent.body, resent.headers);
      }),
    );
    expect(again.map((a) => [a.status, a.body.duplicate])).toEqual([
      [200, true],
      [200, true],
      [200, true],
    ]);
    expect(await countRows(env.dataSource, 'webhook_events', 'id = $1', [id])).toBe(1);
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'apply-webhook-event' AND payload->>'webhookEventId' = $1`,
        [id],
      ),
    ).toBe(1);
  });

  it('accepts the previous secret during a rotation', async () => {
    const delivery = stripe.signedDelivery(sessionEvent(), PREVIOUS);
    expect((await post(delivery.body, delivery.headers)).body).toEqual({ received: true, duplicate: false });
  });

  it('stores an unknown event type too (the worker records it as ignored)', async () => {
    const event = stripe.eventFor({ ...stripe.complete(newSession()) }, 'customer.created');
    const delivery = stripe.signedDelivery(event, CURRENT);
    expect((await post(delivery.body, delivery.headers)).status).toBe(200);
    expect(
      await countRows(env.dataSource, 'webhook_events', `id = $1 AND type = 'customer.created'`, [
        `stripe:${String(event['id'])}`,
      ]),
    ).toBe(1);
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, () => { body: string; headers: Record<string, string> }, string]>([
    [
      'a wrong secret',
      () => stripe.signedDelivery(sessionEvent(), 'whsec_someone_else'),
      'WEBHOOK_SIGNATURE_INVALID',
    ],
    [
      'a tampered body',
      () => {
        const d = stripe.signedDelivery(sessionEvent(), CURRENT);
        return { ...d, body: d.body.replace('checkout.session.completed', 'checkout.session.expired') };
      },
      'WEBHOOK_SIGNATURE_INVALID',
    ],
    [
      'no signature header',
      () => ({ body: JSON.stringify(sessionEvent()), headers: { 'content-type': 'application/json' } }),
      'WEBHOOK_SIGNATURE_INVALID',
    ],
    [
      'a stale timestamp (10 min)',
      () => stripe.signedDelivery(sessionEvent(), CURRENT, now() - 600),
      'WEBHOOK_SIGNATURE_INVALID',
    ],
    [
      'signed malformed JSON',
      () => stripe.signedDelivery('{"id":"evt_broken",', CURRENT),
      'WEBHOOK_MALFORMED',
    ],
    [
      'signed JSON that is not an event',
      () => stripe.signedDelivery('{"hello":"world"}', CURRENT),
      'WEBHOOK_MALFORMED',
    ],
  ])('refuses %s with 400 and stores nothing', async (_label, make, code) => {
    const delivery = make();
    const before = await stored(env);
    const answer = await post(delivery.body, delivery.headers);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(code);
    expect(await stored(env)).toEqual(before);
  });

  it('has no sandbox page when the provider is Stripe', async () => {
    const page = await env.call('GET', '/sandbox/checkout/00000000-0000-4000-8000-000000000000');
    expect(page.status).toBe(404);
    const pay = await env.call('POST', '/sandbox/checkout/00000000-0000-4000-8000-000000000000/pay');
    expect(pay.status).toBe(404);
  });

  it('still parses other JSON bodies as before (the raw body is only the webhook’s)', async () => {
    const answer = await env.call<ErrorBody>('POST', '/api/v1/auth/login', { rawBody: '{"email":' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('MALFORMED_REQUEST');
    const proto = await env.call<ErrorBody>('POST', '/api/v1/auth/login', {
      rawBody: '{"email":"a@b.cn","password":"x","__proto__":{"admin":true}}',
    });
    expect(proto.status).toBe(400);
  });
});

describe('POST /api/v1/webhooks/stripe while Redis is down', () => {
  let env: OrdersEnv;
  let stripe: StripeStandIn;

  beforeAll(async () => {
    stripe = await startStripeStandIn();
    env = await startOrdersEnv([], {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_webhooks',
      STRIPE_WEBHOOK_SECRETS: CURRENT,
      STRIPE_API_URL: stripe.url,
      // Nothing listens there: any use of the queue would fail or hang.
      REDIS_URL: 'redis://127.0.0.1:1/0',
    });
  });
  afterAll(async () => {
    await env.close();
    await stripe.close();
  });

  it('stores the event and its outbox row and answers 2xx at once', async () => {
    const event = stripe.eventFor(
      {
        id: 'cs_test_redis_down',
        object: 'checkout.session',
        mode: 'payment',
        currency: 'cny',
        amount_total: 100,
        client_reference_id: null,
        customer_email: null,
        metadata: {},
        payment_intent: 'pi_1',
        payment_method_types: ['card'],
        payment_status: 'paid',
        status: 'complete',
        expires_at: 0,
        success_url: null,
        cancel_url: null,
        url: null,
        line_items: [],
        livemode: false,
      },
      'checkout.session.completed',
    );
    const delivery = stripe.signedDelivery(event, CURRENT);
    const started = Date.now();
    const answer = await env.call('POST', '/api/v1/webhooks/stripe', {
      headers: delivery.headers,
      rawBody: delivery.body,
    });
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    const id = `stripe:${String(event['id'])}`;
    expect(await countRows(env.dataSource, 'webhook_events', 'id = $1', [id])).toBe(1);
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'apply-webhook-event' AND payload->>'webhookEventId' = $1`,
        [id],
      ),
    ).toBe(1);
  });
});
