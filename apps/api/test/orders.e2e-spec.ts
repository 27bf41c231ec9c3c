import { parseNumber } from '@haoma/domain';
import { registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import {
  customerApi,
  holdAs,
  numberState,
  startOrdersEnv,
  type ErrorBody,
  type OrdersEnv,
} from './orders.fixtures';
import type { AgreementListResponse } from '../src/orders/agreement.response';
import type { OrderListResponse } from '../src/orders/order.response';
import type { NumberResponse } from '../src/numbers/number.response';
import type { NumberSearchResponse } from '../src/numbers/search/number-search.response';

const GOLD = '4009292888'; // gold, selection fee ¥5,000
const GOLD_HELD = '4008208888'; // gold
// Like GOLD_HELD: the same tail in another block, one digit off (suggestions for its 409).
const LOOKALIKES = ['4006208888', '4008208887'];
const STANDARD = '4001357902';
const MINUTE = 60_000;

describe('orders API: the way to awaiting payment, and bad input', () => {
  let env: OrdersEnv;

  beforeAll(async () => {
    env = await startOrdersEnv([GOLD, GOLD_HELD, ...LOOKALIKES, STANDARD]);
  });
  afterAll(async () => {
    await env.close();
  });

  const customer = () => registerCustomer(env.url);
  const as = (who: RegisteredCustomer) => customerApi(env, who);
  const hold = (who: RegisteredCustomer, number: string) => holdAs(env, who, number);

  it('takes a customer from search to awaiting payment, with the whole timeline', async () => {
    const buyer = await customer();
    const api = as(buyer);
    const search = await env.call<NumberSearchResponse>('GET', '/api/v1/numbers?endsWith=2888&grade=gold');
    expect(search.body.items.map((n) => n.digits)).toContain(GOLD);

    const created = await api.post('/api/v1/orders', { number: '400-929-2888' });
    expect(created.status).toBe(201);
    const order = created.body;
    expect(order).toMatchObject({
      number: { digits: GOLD, display: '400-929-2888' },
      status: 'selecting',
      grade: 'gold',
      nextStep: { step: 'choose_plan_and_sign', deadline: order.holdUntil },
      selectionFee: { fen: 500_000, display: '¥5,000.00' },
      price: null,
      total: null,
      holdExtensionsLeft: 1,
      signatures: [],
    });
    const holdMs = Date.parse(order.holdUntil ?? '') - Date.now();
    expect(holdMs).toBeGreaterThan(29 * MINUTE);
    expect(holdMs).toBeLessThanOrEqual(30 * MINUTE);
    const lookup = await env.call<NumberResponse>('GET', `/api/v1/numbers/${GOLD}`);
    expect(lookup.body).toMatchObject({ availability: 'held', heldUntil: order.holdUntil });

    const priced = await api.put(`/api/v1/orders/${order.id}/selection`, {
      planCode: 'business',
      featureCodes: ['recording', 'ivr'],
    });
    expect(priced.status).toBe(200);
    expect(priced.body.price?.lines.map((l) => [l.kind, l.code, l.version, l.amount.fen])).toEqual([
      ['selection_fee', 'selection_fee', null, 500_000],
      ['plan', 'business', 1, 600_000],
      ['feature', 'ivr', 1, 60_000],
      ['feature', 'recording', 1, 50_000],
    ]);
    expect(priced.body.price?.total).toEqual({ fen: 1_210_000, display: '¥12,100.00' });
    expect(priced.body.total).toEqual(priced.body.price?.total);

    const agreements = (await env.call<AgreementListResponse>('GET', '/api/v1/agreements')).body.items;
    const signed = await api.post(`/api/v1/orders/${order.id}/signature`, {
      signerName: '李伟',
      signerTitle: '总经理',
      agreements: agreements.map((a) => ({ kind: a.kind, version: a.version })),
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'awaiting_payment',
      nextStep: { step: 'pay', deadline: order.holdUntil },
    });
    expect(signed.body.signatures).toEqual(
      agreements.map((a) => ({
        agreementKind: a.kind,
        agreementVersion: a.version,
        agreementSha256: a.sha256,
        signerName: '李伟',
        signerTitle: '总经理',
        signedAt: expect.any(String),
      })),
    );
    const me = { kind: 'customer', id: buyer.id };
    expect(signed.body.timeline).toEqual([
      {
        type: 'created',
        event: null,
        from: null,
        to: 'selecting',
        actor: me,
        reason: expect.any(String),
        at: order.createdAt,
      },
      expect.objectContaining({ type: 'priced', actor: me, reason: 'plan business v1 with recording, ivr' }),
      expect.objectContaining({
        type: 'transition',
        event: 'sign',
        from: 'selecting',
        to: 'awaiting_payment',
        actor: me,
        at: expect.any(String),
      }),
    ]);
    expect((await api.get(`/api/v1/orders/${order.id}`)).body).toEqual(signed.body);
    const rows: { ip: string; user_agent: string }[] = await env.dataSource.query(
      `SELECT ip, user_agent FROM order_signatures WHERE order_id = $1`,
      [order.id],
    );
    expect(rows).toEqual([
      { ip: '127.0.0.1', user_agent: expect.any(String) },
      { ip: '127.0.0.1', user_agent: expect.any(String) },
    ]);

    const list = await api.get<OrderListResponse>('/api/v1/orders');
    expect(list.body).toEqual({
      items: [
        expect.objectContaining({ id: order.id, status: 'awaiting_payment', total: priced.body.total }),
      ],
      limit: 20,
      nextCursor: null,
    });
  });

  it('answers a taken number with 409, when it frees up, and suggestions', async () => {
    const first = await customer();
    const held = await hold(first, GOLD_HELD);
    const answer = await as(await customer()).post<ErrorBody>('/api/v1/orders', { number: GOLD_HELD });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'NUMBER_UNAVAILABLE', heldUntil: held.holdUntil });
    const suggestions = answer.body['suggestions'] as { digits: string; reason: string }[];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.digits)).not.toContain(GOLD_HELD);
    expect(suggestions.map((s) => s.digits)).toEqual(expect.arrayContaining(LOOKALIKES));
    expect(await numberState(env.dataSource, GOLD_HELD)).toMatchObject({ holder_order_id: held.id });
  });

  it('refuses bad input with a code and the field, never a 500', async () => {
    const caller = await customer();
    const api = as(caller);
    const order = await hold(await customer(), STANDARD);
    const cases: [string, string, unknown, number, string, string?][] = [
      ['POST', '/api/v1/orders', {}, 400, 'VALIDATION_FAILED', 'number'],
      ['POST', '/api/v1/orders', { number: 4001234567 }, 400, 'VALIDATION_FAILED', 'number'],
      ['POST', '/api/v1/orders', { number: '4001234567', price: 1 }, 400, 'VALIDATION_FAILED', 'price'],
      ['POST', '/api/v1/orders', { number: '12345' }, 400, 'INVALID_NUMBER'],
      ['POST', '/api/v1/orders', { number: '4000000001' }, 404, 'NUMBER_NOT_FOUND'],
      ['GET', '/api/v1/orders/not-a-uuid', undefined, 400, 'VALIDATION_FAILED', 'id'],
      ['GET', '/api/v1/orders?limit=0', undefined, 400, 'VALIDATION_FAILED', 'limit'],
      ['GET', '/api/v1/orders?limit=101', undefined, 400, 'VALIDATION_FAILED', 'limit'],
      ['GET', '/api/v1/orders?limit=ten', undefined, 400, 'VALIDATION_FAILED', 'limit'],
      ['GET', '/api/v1/orders?status=paid', undefined, 400, 'VALIDATION_FAILED', 'status'],
      ['GET', '/api/v1/orders?cursor=garbage', undefined, 400, 'INVALID_QUERY', 'cursor'],
      ['GET', '/api/v1/orders?sort=asc', undefined, 400, 'VALIDATION_FAILED', 'sort'],
      [
        'PUT',
        '/api/v1/orders/x/selection',
        { planCode: 'basic', featureCodes: [] },
        400,
        'VALIDATION_FAILED',
        'id',
      ],
    ];
    const selection = `/api/v1/orders/${order.id}/selection`;
    const signature = `/api/v1/orders/${order.id}/signature`;
    cases.push(
      [
        'PUT',
        selection,
        { planCode: 'basic', featureCodes: [], totalFen: 1 },
        400,
        'VALIDATION_FAILED',
        'totalFen',
      ],
      [
        'PUT',
        selection,
        { planCode: 'basic', featureCodes: ['ivr', 'ivr'] },
        400,
        'VALIDATION_FAILED',
        'featureCodes',
      ],
      [
        'PUT',
        selection,
        { planCode: 'basic', featureCodes: 'ivr' },
        400,
        'VALIDATION_FAILED',
        'featureCodes',
      ],
      ['PUT', selection, { planCode: 'Basic Plan', featureCodes: [] }, 400, 'VALIDATION_FAILED', 'planCode'],
      ['PUT', selection, { featureCodes: [] }, 400, 'VALIDATION_FAILED', 'planCode'],
      ['POST', signature, { signerTitle: 'CEO', agreements: [] }, 400, 'VALIDATION_FAILED', 'signerName'],
      [
        'POST',
        signature,
        { signerName: ' ', signerTitle: 'CEO', agreements: [{ kind: 'service', version: 1 }] },
        400,
        'VALIDATION_FAILED',
        'signerName',
      ],
      [
        'POST',
        signature,
        { signerName: 'Li', signerTitle: 'CEO', agreements: [{ kind: 'privacy', version: 1 }] },
        400,
        'VALIDATION_FAILED',
        'agreements.0.kind',
      ],
      [
        'POST',
        signature,
        { signerName: 'Li', signerTitle: 'CEO', agreements: [{ kind: 'service', version: '1' }] },
        400,
        'VALIDATION_FAILED',
        'agreements.0.version',
      ],
      ['POST', `/api/v1/orders/${order.id}/cancel`, { reason: 5 }, 400, 'VALIDATION_FAILED', 'reason'],
    );
    for (const [method, path, body, status, code, field] of cases) {
      const answer = await env.call<ErrorBody>(method, path, { headers: caller.headers, body });
      expect([method, path, answer.status, answer.body.code]).toEqual([method, path, status, code]);
      if (field) expect(answer.body.fields?.map((f) => f.field)).toContain(field);
    }
    const invalid = await api.post<ErrorBody>('/api/v1/orders', { number: '12345' });
    const parsed = parseNumber('12345');
    expect(invalid.body['reason']).toBe(parsed.ok ? undefined : parsed.reason);
    const broken = await env.call<ErrorBody>('POST', '/api/v1/orders', {
      headers: caller.headers,
      rawBody: '{"number":',
    });
    expect(broken.status).toBe(400);
    expect((await env.call<ErrorBody>('GET', '/api/v1/orders')).status).toBe(401);
  });

  it('documents every order endpoint in the OpenAPI document', async () => {
    const doc = await env.call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/docs/openapi.json',
    );
    expect(doc.status).toBe(200);
    const routes = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/orders',
        'GET /api/v1/orders',
        'GET /api/v1/orders/{id}',
        'PUT /api/v1/orders/{id}/selection',
        'POST /api/v1/orders/{id}/hold-extension',
        'POST /api/v1/orders/{id}/cancel',
        'POST /api/v1/orders/{id}/signature',
        'GET /api/v1/agreements',
      ]),
    );
  });
});
