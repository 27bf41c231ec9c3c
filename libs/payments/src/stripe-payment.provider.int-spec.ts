import { startStripeStandIn, type StripeStandIn } from '@haoma/testing';
import { createStripeClient } from './stripe-client';
import { StripePaymentProvider } from './stripe-payment.provider';
import type { CreateCheckoutInput } from './payment-provider';

describe('StripePaymentProvider against the Stripe stand-in (real stripe client)', () => {
  let standIn: StripeStandIn;
  let provider: StripePaymentProvider;

  beforeAll(async () => {
    standIn = await startStripeStandIn();
    provider = new StripePaymentProvider(createStripeClient('sk_test_provider', standIn.url));
  });
  afterAll(() => standIn.close());

  const input = (overrides: Partial<CreateCheckoutInput> = {}): CreateCheckoutInput => ({
    paymentId: '11111111-1111-4111-8111-111111111111',
    orderId: '22222222-2222-4222-8222-222222222222',
    orderNo: '1001',
    amountFen: 320_000,
    lines: [
      { label: '选号费 Selection fee', amountFen: 200_000 },
      { label: '标准套餐 Standard', amountFen: 120_000 },
      { label: '来电分析 Call analytics', amountFen: 0 },
    ],
    expiresAt: new Date(Math.floor(Date.now() / 1000 + 40 * 60) * 1000),
    idempotencyKey: `checkout:test:${Math.random()}`,
    customerEmail: 'buyer@example.com',
    successUrl: 'http://shop.test/orders/2?checkout=success',
    cancelUrl: 'http://shop.test/orders/2?checkout=cancelled',
    ...overrides,
  });

  it('creates a CNY session with card, Alipay and WeChat Pay, one line per paid line, ids in metadata', async () => {
    const request = input();
    const session = await provider.createCheckout(request);
    expect(session).toMatchObject({ status: 'open', paymentStatus: 'unpaid', amountFen: 320_000 });
    expect(session.checkoutUrl).toContain(session.providerSessionId);
    expect(session.expiresAt).toEqual(request.expiresAt);

    const sent = standIn.requests.at(-1);
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      idempotencyKey: request.idempotencyKey,
    });
    expect(sent?.body).toMatchObject({
      mode: 'payment',
      currency: 'cny',
      allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      client_reference_id: request.orderId,
      metadata: { orderId: request.orderId, paymentId: request.paymentId },
      payment_intent_data: { metadata: { orderId: request.orderId, paymentId: request.paymentId } },
      expires_at: String(request.expiresAt.getTime() / 1000),
    });
    expect(standIn.sessions.get(session.providerSessionId)?.line_items).toEqual([
      { name: '选号费 Selection fee', unit_amount: 200_000, quantity: 1 },
      { name: '标准套餐 Standard', unit_amount: 120_000, quantity: 1 },
    ]);
  });

  it('returns the same session for the same idempotency key', async () => {
    const request = input();
    const first = await provider.createCheckout(request);
    const again = await provider.createCheckout(request);
    expect(again.providerSessionId).toBe(first.providerSessionId);
  });

  it('expires an open session, and reports one that is already complete as it is', async () => {
    const open = await provider.createCheckout(input());
    expect((await provider.expireCheckout(open.providerSessionId)).status).toBe('expired');
    const paid = await provider.createCheckout(input());
    standIn.complete(paid.providerSessionId);
    const answer = await provider.expireCheckout(paid.providerSessionId);
    expect(answer).toMatchObject({ status: 'complete', paymentStatus: 'paid' });
    expect(answer.providerPaymentId).toMatch(/^pi_/);
  });

  it('refunds with the idempotency key: a repeat does not refund twice', async () => {
    const session = await provider.createCheckout(input());
    const paid = standIn.complete(session.providerSessionId);
    const refund = {
      paymentId: '11111111-1111-4111-8111-111111111111',
      providerPaymentId: paid.payment_intent,
      amountFen: 300_000,
      idempotencyKey: `refund:test:${paid.id}`,
      reason: 'cancelled_after_review',
    };
    const first = await provider.refund(refund);
    const again = await provider.refund(refund);
    expect(first).toEqual({ providerRefundId: expect.stringMatching(/^re_/), status: 'succeeded' });
    expect(again.providerRefundId).toBe(first.providerRefundId);
    expect(
      [...standIn.refunds.values()].filter((r) => r.payment_intent === paid.payment_intent),
    ).toHaveLength(1);
    // More than is left is Stripe's refusal, not a second refund.
    await expect(
      provider.refund({ ...refund, idempotencyKey: `${refund.idempotencyKey}:2`, amountFen: 30_000 }),
    ).rejects.toThrow(/greater/);
  });

  it('refuses a session that would expire in less than 30 minutes (as Stripe does)', async () => {
    await expect(
      provider.createCheckout(input({ expiresAt: new Date(Date.now() + 10 * 60_000) })),
    ).rejects.toThrow(/expires_at/);
  });
});
