import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createStripeClient, SANDBOX_WEBHOOK_SECRET } from './stripe-client';
import { SandboxPaymentProvider } from './sandbox-payment.provider';
import { verifyStripeWebhook } from './webhook-verification';

interface Delivery {
  body: Buffer;
  signature: string | undefined;
}

describe('SandboxPaymentProvider.refund', () => {
  const webhooks = createStripeClient('sk_test_sandbox').webhooks;
  let server: Server;
  let url: string;
  const received: Delivery[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const signature = request.headers['stripe-signature'];
        received.push({
          body: Buffer.concat(chunks),
          signature: typeof signature === 'string' ? signature : undefined,
        });
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/webhooks/stripe`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('succeeds at once, the same id for the same key, and posts a signed refund.created', async () => {
    const provider = new SandboxPaymentProvider({} as DataSource, {
      webhookUrl: url,
      secret: SANDBOX_WEBHOOK_SECRET,
      webhooks,
    });
    const input = {
      paymentId: 'p1',
      providerPaymentId: 'pi_sandbox_1',
      amountFen: 12_300,
      idempotencyKey: 'refund:cancel:42',
      reason: 'cancelled_before_review',
    };
    const first = await provider.refund(input);
    const again = await provider.refund(input);
    expect(first).toEqual({ providerRefundId: expect.stringMatching(/^re_sandbox_/), status: 'succeeded' });
    expect(again.providerRefundId).toBe(first.providerRefundId);
    expect((await provider.refund({ ...input, idempotencyKey: 'other' })).providerRefundId).not.toBe(
      first.providerRefundId,
    );

    const deadline = Date.now() + 3_000;
    while (received.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(received).toHaveLength(3);
    const [first0, first1] = received as [Delivery, Delivery];
    const verified = verifyStripeWebhook(webhooks, first0.body, first0.signature, [SANDBOX_WEBHOOK_SECRET]);
    expect(verified).toMatchObject({
      ok: true,
      event: {
        type: 'refund.created',
        objectId: first.providerRefundId,
        payload: {
          data: { object: { amount: 12_300, status: 'succeeded', payment_intent: 'pi_sandbox_1' } },
        },
      },
    });
    // The same refund's event has the same id: a repeat is a duplicate delivery, not a new event.
    const second = verifyStripeWebhook(webhooks, first1.body, first1.signature, [SANDBOX_WEBHOOK_SECRET]);
    expect(second.ok && verified.ok && second.event.id === verified.event.id).toBe(true);
  });
});
