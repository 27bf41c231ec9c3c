import Stripe from 'stripe';
import { verifyStripeWebhook } from './webhook-verification';

const stripe = new Stripe('sk_test_verify');
const SECRET = 'whsec_current';
const OLD = 'whsec_previous';
const event = {
  id: 'evt_1',
  object: 'event',
  type: 'checkout.session.completed',
  data: { object: { id: 'cs_1' } },
};

function signed(payload: string, secret = SECRET, timestamp?: number) {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
}

describe('verifyStripeWebhook', () => {
  const body = JSON.stringify(event);
  const now = Math.floor(Date.now() / 1000);

  it.each([
    ['a good signature', body, signed(body), [SECRET], { ok: true }],
    ['the old secret during rotation', body, signed(body, OLD), [SECRET, OLD], { ok: true }],
    ['a wrong secret', body, signed(body, 'whsec_other'), [SECRET, OLD], { failure: 'signature_invalid' }],
    [
      'a tampered body',
      body.replace('cs_1', 'cs_2'),
      signed(body),
      [SECRET],
      { failure: 'signature_invalid' },
    ],
    ['no header', body, undefined, [SECRET], { failure: 'signature_invalid' }],
    ['a garbage header', body, 'nonsense', [SECRET], { failure: 'signature_invalid' }],
    [
      'a stale timestamp (301 s)',
      body,
      signed(body, SECRET, now - 301),
      [SECRET],
      { failure: 'timestamp_stale' },
    ],
    ['a timestamp within tolerance (290 s)', body, signed(body, SECRET, now - 290), [SECRET], { ok: true }],
    ['signed non-JSON', '{"id": "evt_1",', signed('{"id": "evt_1",'), [SECRET], { failure: 'malformed' }],
    ['signed JSON that is no event', '[1,2]', signed('[1,2]'), [SECRET], { failure: 'malformed' }],
    [
      'an event without data.object',
      '{"id":"evt_2","type":"x"}',
      signed('{"id":"evt_2","type":"x"}'),
      [SECRET],
      { failure: 'malformed' },
    ],
  ])('%s', (_label, payload, header, secrets, expected) => {
    const result = verifyStripeWebhook(stripe.webhooks, Buffer.from(payload), header, secrets);
    expect(result).toMatchObject(expected);
  });

  it('checks the signature before the timestamp: a stale forgery is a bad signature', () => {
    const result = verifyStripeWebhook(
      stripe.webhooks,
      Buffer.from(body),
      signed(body, 'whsec_x', now - 1000),
      [SECRET],
    );
    expect(result).toMatchObject({ ok: false, failure: 'signature_invalid' });
  });

  it('returns the event id, type and object id', () => {
    const result = verifyStripeWebhook(stripe.webhooks, Buffer.from(body), signed(body), [SECRET]);
    expect(result).toEqual({
      ok: true,
      event: { id: 'evt_1', type: 'checkout.session.completed', objectId: 'cs_1', payload: event },
    });
  });
});
