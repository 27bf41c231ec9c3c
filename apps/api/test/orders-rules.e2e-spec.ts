import { appraise } from '@haoma/domain';
import { registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import {
  currentAgreementRefs,
  customerApi,
  eventually,
  holdAs,
  numberState,
  numberSupply,
  startOrdersEnv,
  type ErrorBody,
  type OrdersEnv,
} from './orders.fixtures';
import type { OrderListResponse, OrderResponse } from '../src/orders/order.response';
import type { NumberResponse } from '../src/numbers/number.response';
import type { NumberSearchResponse } from '../src/numbers/search/number-search.response';

const GOLD = '4007208888';
const STANDARD = [
  '4001357902',
  '4007102938',
  '4008571049',
  '4000827143',
  '4006468013',
  '4006182735',
  '4007283910',
  '4001173940',
  '4001234567',
  '4000887322',
];
const MINUTE = 60_000;

describe('orders API: holds, cancels, who sees what, pricing and signing rules', () => {
  let env: OrdersEnv;
  // Each test takes its own numbers, so tests do not depend on each other.
  const takeNumber = numberSupply(STANDARD);

  beforeAll(async () => {
    env = await startOrdersEnv([GOLD, ...STANDARD]);
  });
  afterAll(async () => {
    await env.close();
  });

  const customer = () => registerCustomer(env.url);
  const as = (who: RegisteredCustomer) => customerApi(env, who);
  const hold = (who: RegisteredCustomer, number: string) => holdAs(env, who, number);
  const currentAgreements = () => currentAgreementRefs(env);

  it('holds at most MAX_HOLDS numbers per customer; a cancel frees a place', async () => {
    const squatter = await customer();
    const orders: OrderResponse[] = [];
    for (let i = 0; i < 3; i++) orders.push(await hold(squatter, takeNumber()));
    const fourth = takeNumber();
    const refused = await as(squatter).post<ErrorBody>('/api/v1/orders', { number: fourth });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'HOLD_LIMIT_REACHED', maxHolds: 3 });
    expect(await numberState(env.dataSource, fourth)).toMatchObject({ status: 'available' });
    expect((await as(squatter).post(`/api/v1/orders/${orders[0]?.id}/cancel`)).status).toBe(200);
    await hold(squatter, fourth);
  });

  it('extends a hold once, moving the number’s deadline with it', async () => {
    const owner = await customer();
    const number = takeNumber();
    const order = await hold(owner, number);
    const extended = await as(owner).post(`/api/v1/orders/${order.id}/hold-extension`);
    expect(extended.status).toBe(200);
    const holdUntil = new Date(Date.parse(order.holdUntil ?? '') + 15 * MINUTE).toISOString();
    expect(extended.body).toMatchObject({
      holdUntil,
      holdExtensionsLeft: 0,
      nextStep: { step: 'choose_plan_and_sign', deadline: holdUntil },
    });
    expect(extended.body.timeline.at(-1)).toMatchObject({ type: 'hold_extended', event: null });
    expect((await numberState(env.dataSource, number)).held_until?.toISOString()).toBe(holdUntil);
    const lookup = await env.call<NumberResponse>('GET', `/api/v1/numbers/${number}`);
    expect(lookup.body.heldUntil).toBe(holdUntil);

    const again = await as(owner).post<ErrorBody>(`/api/v1/orders/${order.id}/hold-extension`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'HOLD_EXTENSION_LIMIT', maxExtensions: 1 });
    expect((await as(owner).get(`/api/v1/orders/${order.id}`)).body.holdUntil).toBe(holdUntil);
  });

  it('cancels at once: the number is available again in lookup and search, and can be held', async () => {
    const owner = await customer();
    const number = takeNumber();
    const order = await hold(owner, number);
    const cancelled = await as(owner).post(`/api/v1/orders/${order.id}/cancel`, {
      reason: 'Chose another number',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      nextStep: { step: 'none', deadline: null },
      closedReason: 'cancelled by the customer: Chose another number',
      holdExtensionsLeft: 0,
    });
    expect(cancelled.body.timeline.at(-1)).toMatchObject({
      event: 'cancel',
      from: 'selecting',
      to: 'cancelled',
    });
    expect(await numberState(env.dataSource, number)).toEqual({
      status: 'available',
      holder_order_id: null,
      held_until: null,
    });
    const lookup = await env.call<NumberResponse>('GET', `/api/v1/numbers/${number}`);
    expect(lookup.body).toMatchObject({ availability: 'available', heldUntil: null });
    await eventually(async () => {
      const found = await env.call<NumberSearchResponse>(
        'GET',
        `/api/v1/numbers?endsWith=${number.slice(3)}`,
      );
      expect(found.body.items.map((n) => n.digits)).toContain(number);
    });
    // Cancelling again changes nothing; the number goes to the next customer.
    expect((await as(owner).post(`/api/v1/orders/${order.id}/cancel`)).body).toMatchObject({
      status: 'cancelled',
    });
    await hold(await customer(), number);
  });

  it('hides one customer’s orders from another: read, change and cancel are 404', async () => {
    const a = await customer();
    const b = await customer();
    const order = await hold(b, takeNumber());
    const base = `/api/v1/orders/${order.id}`;
    const attempts: Promise<{ status: number; body: OrderResponse | ErrorBody }>[] = [
      as(a).get(base),
      as(a).put(`${base}/selection`, { planCode: 'basic', featureCodes: [] }),
      as(a).post(`${base}/hold-extension`),
      as(a).post(`${base}/cancel`),
      as(a).post(`${base}/signature`, {
        signerName: 'A',
        signerTitle: 'A',
        agreements: await currentAgreements(),
      }),
      as(a).get('/api/v1/orders/00000000-0000-4000-8000-000000000000'),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(404);
      expect((answer.body as ErrorBody).code).toBe('ORDER_NOT_FOUND');
    }
    expect((await as(a).get<OrderListResponse>('/api/v1/orders')).body.items).toEqual([]);
    const untouched = await as(b).get(base);
    expect(untouched.body).toMatchObject({ status: 'selecting', price: null, holdExtensionsLeft: 1 });
    expect(untouched.body.timeline).toHaveLength(1);
  });

  it('refuses a plan the number’s grade does not allow, naming the cheapest that fits', async () => {
    const buyer = await customer();
    expect(appraise(GOLD).grade).not.toBe('standard');
    const gold = await hold(buyer, GOLD);
    const answer = await as(buyer).put<ErrorBody>(`/api/v1/orders/${gold.id}/selection`, {
      planCode: 'basic',
      featureCodes: [],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'PLAN_NOT_ALLOWED_FOR_GRADE', planCode: 'basic' });
    expect(answer.body['cheapestPlanCode']).toEqual(expect.any(String));
    expect(answer.body['cheapestPlanCode']).not.toBe('basic');
  });

  it('refuses features that exclude each other (IVR and ringback tone)', async () => {
    const buyer = await customer();
    const order = await hold(buyer, takeNumber());
    const answer = await as(buyer).put<ErrorBody>(`/api/v1/orders/${order.id}/selection`, {
      planCode: 'basic',
      featureCodes: ['ringback', 'recording', 'ivr'],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'FEATURES_CONFLICT', featureCodes: ['ivr', 'ringback'] });
    expect((await as(buyer).get(`/api/v1/orders/${order.id}`)).body.price).toBeNull();
  });

  it('refuses to sign other agreement versions than the current ones, or without a plan', async () => {
    const buyer = await customer();
    const order = await hold(buyer, takeNumber());
    const sign = (agreements: unknown) =>
      as(buyer).post<ErrorBody>(`/api/v1/orders/${order.id}/signature`, {
        signerName: '李伟',
        signerTitle: '经理',
        agreements,
      });
    expect((await sign(await currentAgreements())).body.code).toBe('ORDER_PLAN_REQUIRED');
    await as(buyer).put(`/api/v1/orders/${order.id}/selection`, { planCode: 'basic', featureCodes: [] });
    const outdated = await sign([
      { kind: 'service', version: 2 },
      { kind: 'supplement_400', version: 1 },
    ]);
    expect(outdated.status).toBe(409);
    expect(outdated.body).toMatchObject({
      code: 'AGREEMENT_OUTDATED',
      current: [
        { kind: 'service', version: 1, sha256: expect.any(String) },
        { kind: 'supplement_400', version: 1, sha256: expect.any(String) },
      ],
    });
    expect((await sign([{ kind: 'service', version: 1 }])).body.code).toBe('AGREEMENT_OUTDATED');
    expect((await sign(await currentAgreements())).status).toBe(200);
  });
});
