// The deliveries of the webhook benchmark: one Stripe-shaped `checkout.session.completed`
// (paid) per checkout session, plus duplicates — most of them Stripe re-delivering the same
// event, some a second, distinct event about the same session — in a random order.
import { randomInt } from 'node:crypto';
import Stripe from 'stripe';
import { sandboxSessionEvent } from '@haoma/payments';

/** An open checkout session of the benchmark's database (a payments row and its order). */
export interface BenchPayment {
  orderId: string;
  paymentId: string;
  sessionId: string;
  amountFen: number;
}

/** One POST to the webhook endpoint; repeats of an event share the object. */
export interface Delivery {
  eventId: string;
  type: string;
  sessionId: string;
  /** The event's JSON, exactly the bytes that are signed and sent. */
  body: string;
}

/**
 * Of the duplicates, the share that are a second event of their own (another id, type
 * `checkout.session.async_payment_succeeded`) about a session that already has one; the
 * rest repeat an event id. Both must leave the payment applied once.
 */
export const SECOND_EVENT_SHARE = 1 / 3;

const COMPLETED = 'checkout.session.completed';
const ASYNC_SUCCEEDED = 'checkout.session.async_payment_succeeded';

function eventOf(payment: BenchPayment, type: string, index: number): Delivery {
  // The sandbox's own builder makes the same Stripe shape the sandbox delivers (metadata
  // orderId / paymentId, payment_intent, amount_total, cny, payment_status paid).
  const event = sandboxSessionEvent(
    {
      paymentId: payment.paymentId,
      orderId: payment.orderId,
      providerSessionId: payment.sessionId,
      amountFen: payment.amountFen,
      expiresAt: null,
    },
    'pay',
  );
  const eventId = `evt_bench_${type === COMPLETED ? 'c' : 'a'}${String(index).padStart(6, '0')}`;
  return {
    eventId,
    type,
    sessionId: payment.sessionId,
    body: JSON.stringify({ ...event, id: eventId, type }),
  };
}

/** `items` in a uniformly random order (a random key per item, then sorted by it). */
export function inRandomOrder<T>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ key: Math.random(), item }));
  keyed.sort((a, b) => a.key - b.key);
  return keyed.map((k) => k.item);
}

export interface DeliveryPlan {
  deliveries: Delivery[];
  /** Distinct event ids among the deliveries: the rows webhook_events ends up with. */
  distinctEvents: number;
  /** Deliveries that repeat an event id delivered before (the API answers duplicate: true). */
  repeats: number;
}

/** Every session's paid event once, then `duplicates` more deliveries, shuffled. */
export function planDeliveries(payments: readonly BenchPayment[], duplicates: number): DeliveryPlan {
  const firsts = payments.map((p, i) => eventOf(p, COMPLETED, i));
  const secondCount = Math.min(payments.length, Math.round(duplicates * SECOND_EVENT_SHARE));
  const seconds = inRandomOrder(payments.map((p, i) => ({ p, i })))
    .slice(0, secondCount)
    .map(({ p, i }) => eventOf(p, ASYNC_SUCCEEDED, i));
  const distinct = [...firsts, ...seconds];
  const repeats = Array.from(
    { length: duplicates - secondCount },
    () => distinct[randomInt(distinct.length)] as Delivery,
  );
  return {
    deliveries: inRandomOrder([...distinct, ...repeats]),
    distinctEvents: distinct.length,
    repeats: repeats.length,
  };
}

/**
 * Signs deliveries as Stripe does, with the library's own test helper. Called at send time:
 * the endpoint refuses signatures older than 300 s, and Stripe signs every retry afresh.
 */
export function deliverySigner(secret: string): (delivery: Delivery) => string {
  const webhooks = new Stripe('sk_test_bench_signer').webhooks;
  return (delivery) => webhooks.generateTestHeaderString({ payload: delivery.body, secret });
}
