import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** A request the stand-in received, as tests assert on it (form bodies decoded). */
export interface RecordedStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
}

/** A Checkout Session as the stand-in keeps it (the fields our code reads, Stripe's names). */
export interface StandInSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  currency: string;
  amount_total: number;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  expires_at: number;
  success_url: string | null;
  cancel_url: string | null;
  url: string | null;
  line_items: { name: string; unit_amount: number; quantity: number }[];
  livemode: false;
}

export interface StandInRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  metadata: Record<string, string>;
  created: number;
}

/** A signed webhook delivery, ready to POST: the exact body and its headers. */
export interface SignedDelivery {
  body: string;
  headers: Record<string, string>;
}

export interface StripeStandIn {
  /** Base URL for STRIPE_API_URL. */
  url: string;
  /** Every API request received, in order. */
  requests: RecordedStripeRequest[];
  sessions: Map<string, StandInSession>;
  refunds: Map<string, StandInRefund>;
  /** What new refunds report (Stripe answers `pending` for some methods). */
  refundStatus: StandInRefund['status'];
  /** The customer paid: the session completes with a PaymentIntent. */
  complete(sessionId: string, paymentStatus?: 'paid' | 'unpaid'): StandInSession;
  /** A Stripe event about `object` (a session or a refund), with a fresh id unless given. */
  eventFor(object: StandInSession | StandInRefund, type: string, id?: string): Record<string, unknown>;
  /** Signs `event` as Stripe would, with the library's own test helper. */
  signedDelivery(event: object | string, secret: string, timestamp?: number): SignedDelivery;
  close(): Promise<void>;
}

const MIN_EXPIRY_S = 30 * 60;
const MAX_EXPIRY_S = 24 * 60 * 60;

/**
 * A local stand-in for the Stripe endpoints we call (Checkout Sessions create / retrieve /
 * expire, refunds), driven by the real `stripe` client (STRIPE_API_URL). It decodes the
 * client's form bodies, honours Idempotency-Key (same key and parameters → the same object;
 * other parameters → Stripe's idempotency error), enforces Stripe's 30 min – 24 h session
 * expiry, and records every request for assertions.
 */
export async function startStripeStandIn(): Promise<StripeStandIn> {
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, StandInSession>();
  const refunds = new Map<string, StandInRefund>();
  const idempotent = new Map<string, { params: string; status: number; body: unknown }>();
  const signer = new Stripe('sk_test_standin');
  let base = '';

  const standIn: StripeStandIn = {
    url: '',
    requests,
    sessions,
    refunds,
    refundStatus: 'succeeded',
    complete(sessionId, paymentStatus = 'paid') {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      session.status = 'complete';
      session.payment_status = paymentStatus;
      session.payment_intent ??= id('pi');
      return { ...session };
    },
    eventFor(object, type, eventId) {
      return {
        id: eventId ?? id('evt'),
        object: 'event',
        api_version: '2026-10-28.endive',
        created: Math.floor(Date.now() / 1000),
        type,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        data: { object: { ...object } },
      };
    },
    signedDelivery(event, secret, timestamp) {
      const body = typeof event === 'string' ? event : JSON.stringify(event);
      const signature = signer.webhooks.generateTestHeaderString({
        payload: body,
        secret,
        ...(timestamp === undefined ? {} : { timestamp }),
      });
      return {
        body,
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The stripe client keeps connections alive; they would hold the server open.
        server.closeAllConnections();
      }),
  };

  const routes: { method: string; pattern: RegExp; handle: (match: string[], body: Params) => Answer }[] = [
    { method: 'POST', pattern: /^\/v1\/checkout\/sessions$/, handle: (_m, body) => createSession(body) },
    {
      method: 'GET',
      pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
      handle: ([sessionId]) => withSession(sessionId, (session) => ok(session)),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
      handle: ([sessionId]) =>
        withSession(sessionId, (session) => {
          if (session.status !== 'open')
            return invalid(
              `Only Checkout Sessions with a status in [open] can be expired.`,
              'session_not_open',
            );
          session.status = 'expired';
          session.url = null;
          return ok(session);
        }),
    },
    { method: 'POST', pattern: /^\/v1\/refunds$/, handle: (_m, body) => createRefund(body) },
  ];

  function createSession(body: Params): Answer {
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = Number(body['expires_at'] ?? now + MAX_EXPIRY_S);
    if (!Number.isInteger(expiresAt) || expiresAt < now + MIN_EXPIRY_S - 5 || expiresAt > now + MAX_EXPIRY_S)
      return invalid(
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from now.',
        'parameter_invalid_integer',
        'expires_at',
      );
    if (body['mode'] !== 'payment') return invalid('mode must be payment here', 'parameter_missing', 'mode');
    const lines = asArray(body['line_items']).map((raw) => {
      const item = raw as Params;
      const price = (item['price_data'] ?? {}) as Params;
      const product = (price['product_data'] ?? {}) as Params;
      return {
        name: String(product['name'] ?? ''),
        unit_amount: Number(price['unit_amount']),
        quantity: Number(item['quantity'] ?? 1),
        currency: String(price['currency'] ?? ''),
      };
    });
    if (lines.length === 0) return invalid('line_items is required', 'parameter_missing', 'line_items');
    if (
      lines.some(
        (line) =>
          !Number.isInteger(line.unit_amount) || line.unit_amount < 0 || line.currency !== body['currency'],
      )
    )
      return invalid('Invalid line item', 'parameter_invalid_integer', 'line_items');
    const sessionId = id('cs_test');
    const session: StandInSession = {
      id: sessionId,
      object: 'checkout.session',
      mode: 'payment',
      currency: String(body['currency'] ?? ''),
      amount_total: lines.reduce((sum, line) => sum + line.unit_amount * line.quantity, 0),
      client_reference_id: (body['client_reference_id'] as string | undefined) ?? null,
      customer_email: (body['customer_email'] as string | undefined) ?? null,
      metadata: { ...((body['metadata'] ?? {}) as Record<string, string>) },
      payment_intent: null,
      payment_method_types: asArray(body['allowed_payment_method_types']).map(String),
      payment_status: 'unpaid',
      status: 'open',
      expires_at: expiresAt,
      success_url: (body['success_url'] as string | undefined) ?? null,
      cancel_url: (body['cancel_url'] as string | undefined) ?? null,
      url: `${base}/c/pay/${sessionId}`,
      line_items: lines.map(({ name, unit_amount, quantity }) => ({ name, unit_amount, quantity })),
      livemode: false,
    };
    sessions.set(sessionId, session);
    return ok(session);
  }

  function createRefund(body: Params): Answer {
    const intent = String(body['payment_intent'] ?? '');
    const paid = [...sessions.values()].find(
      (s) => s.payment_intent === intent && s.payment_status === 'paid',
    );
    if (!paid) return invalid(`No such payment_intent: '${intent}'`, 'resource_missing', 'payment_intent');
    const refunded = [...refunds.values()]
      .filter((r) => r.payment_intent === intent && r.status !== 'failed' && r.status !== 'canceled')
      .reduce((sum, r) => sum + r.amount, 0);
    const amount = body['amount'] === undefined ? paid.amount_total - refunded : Number(body['amount']);
    if (!Number.isInteger(amount) || amount <= 0 || amount > paid.amount_total - refunded)
      return invalid('Refund amount is greater than the unrefunded amount.', 'amount_too_large', 'amount');
    const refund: StandInRefund = {
      id: id('re'),
      object: 'refund',
      amount,
      currency: paid.currency,
      payment_intent: intent,
      status: standIn.refundStatus,
      metadata: { ...((body['metadata'] ?? {}) as Record<string, string>) },
      created: Math.floor(Date.now() / 1000),
    };
    refunds.set(refund.id, refund);
    return ok(refund);
  }

  function withSession(sessionId: string | undefined, act: (session: StandInSession) => Answer): Answer {
    const session = sessionId ? sessions.get(sessionId) : undefined;
    if (!session)
      return {
        status: 404,
        body: stripeError(`No such checkout.session: '${sessionId}'`, 'resource_missing'),
      };
    return act(session);
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = decodeForm(text);
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const key = header(request, 'idempotency-key');
      requests.push({ method: request.method ?? 'GET', path, idempotencyKey: key, body });
      const answer = answerFor(request.method ?? 'GET', path, body, text, key);
      response.writeHead(answer.status, {
        'content-type': 'application/json',
        'request-id': id('req'),
        ...(key ? { 'idempotency-key': key } : {}),
      });
      response.end(JSON.stringify(answer.body));
    });
  });

  function answerFor(method: string, path: string, body: Params, text: string, key: string | null): Answer {
    const scope = `${method} ${path} ${key}`;
    if (key && method === 'POST') {
      const previous = idempotent.get(scope);
      if (previous) {
        if (previous.params !== text)
          return {
            status: 400,
            body: {
              error: {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
              },
            },
          };
        return { status: previous.status, body: previous.body };
      }
    }
    const route = routes.find((r) => r.method === method && r.pattern.test(path));
    const answer = route
      ? route.handle((route.pattern.exec(path) ?? []).slice(1), body)
      : {
          status: 404,
          body: stripeError(`Unrecognized request URL (${method}: ${path})`, 'resource_missing'),
        };
    // Stripe replays the stored answer, errors included, for the same key.
    if (key && method === 'POST')
      idempotent.set(scope, {
        params: text,
        status: answer.status,
        body: JSON.parse(JSON.stringify(answer.body)),
      });
    return answer;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.url = base;
  return standIn;
}

type Params = Record<string, unknown>;
interface Answer {
  status: number;
  body: unknown;
}

const ok = (object: object): Answer => ({ status: 200, body: JSON.parse(JSON.stringify(object)) });
const invalid = (message: string, code: string, param?: string): Answer => ({
  status: 400,
  body: stripeError(message, code, param),
});

function stripeError(message: string, code: string, param?: string) {
  return { error: { type: 'invalid_request_error', code, message, ...(param ? { param } : {}) } };
}

function id(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') return Object.values(value);
  return [];
}

/** Decodes Stripe's form encoding (`a[b][0][c]=v`) into nested objects; indexes become arrays. */
export function decodeForm(text: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = rawKey.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: Params | unknown[] = root;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      const container = node as Record<string, unknown>;
      if (last) {
        container[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1] ?? '');
      container[part] ??= nextIsIndex ? [] : {};
      node = container[part] as Params | unknown[];
    });
  }
  return root;
}
