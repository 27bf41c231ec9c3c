import type { DataSource } from 'typeorm';
import { agreementSha256, seedCatalog } from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { currentAgreements } from './agreements';
import { OrderError } from './order-errors';
import { holdNumber } from './order-hold';
import { findOrder, InvalidOrderCursorError, listOrders } from './order-queries';
import { chooseSelection } from './order-selection';
import { signOrder } from './order-signing';
import { transitionOrder } from './order-transitions';
import {
  eventsOf,
  insertCustomer,
  insertNumber,
  nextNumber,
  orderRow,
  TEST_HOLD_SETTINGS as settings,
} from './orders.spec-helper';

describe('selection, signing and queries', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    await seedCatalog(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof OrderError ? { code: e.code, ...e.details } : e),
    );

  async function heldOrder(grade = 'standard', feeFen = 0, customerId?: string) {
    const customer = customerId ?? (await insertCustomer(ds));
    const number = nextNumber('4000');
    await insertNumber(ds, number, { grade, feeFen });
    // Room for more than MAX_HOLDS orders per customer in the listing tests.
    const { orderId } = await holdNumber(ds, {
      customerId: customer,
      number,
      settings: { ...settings, maxHolds: 10 },
    });
    return { customerId: customer, orderId, number };
  }
  const choose = (orderId: string, customerId: string, planCode: string, featureCodes: string[]) =>
    ds.transaction((m) => chooseSelection(m, { orderId, customerId, planCode, featureCodes }));
  const current = async () =>
    (await currentAgreements(ds.manager)).map((a) => ({ kind: a.kind, version: a.version }));
  const sign = async (
    orderId: string,
    customerId: string,
    agreements?: { kind: string; version: number }[],
  ) =>
    ds.transaction(async (m) =>
      signOrder(m, {
        orderId,
        customerId,
        signerName: '张三',
        signerTitle: '经理',
        agreements: agreements ?? (await current()),
        ip: '127.0.0.1',
        userAgent: 'jest',
      }),
    );

  describe('chooseSelection', () => {
    it('prices from the current catalog versions and stores the quote with them', async () => {
      const { orderId, customerId } = await heldOrder('gold', 880_000);
      const result = await choose(orderId, customerId, 'business', ['recording', 'ivr']);
      expect(result.totalFen).toBe(880_000 + 600_000 + 60_000 + 50_000);
      const order = await orderRow(ds, orderId);
      const [plan]: { id: string }[] = await ds.query(`SELECT id FROM plans WHERE code = 'business'`);
      const features: { id: string; code: string }[] = await ds.query(
        `SELECT id, code FROM features WHERE code IN ('ivr', 'recording') ORDER BY code`,
      );
      expect(order).toMatchObject({ total_fen: result.totalFen, plan_id: plan?.id });
      const stored: { feature_ids: string[]; price_lines: unknown[]; priced_at: Date }[] = await ds.query(
        `SELECT feature_ids, price_lines, priced_at FROM orders WHERE id = $1`,
        [orderId],
      );
      expect(new Set(stored[0]?.feature_ids)).toEqual(new Set(features.map((f) => f.id)));
      expect(stored[0]?.price_lines).toEqual(result.lines);
      expect(stored[0]?.priced_at).toBeInstanceOf(Date);
      expect(result.lines.map((l) => [l.kind, l.code, l.version])).toEqual([
        ['selection_fee', 'selection_fee', null],
        ['plan', 'business', 1],
        ['feature', 'ivr', 1],
        ['feature', 'recording', 1],
      ]);
      expect((await eventsOf(ds, orderId)).map((e) => e.type)).toEqual(['created', 'priced']);
    });

    it('prices a repriced plan at its new version', async () => {
      await ds.query(`UPDATE plans SET retired_at = now() WHERE code = 'enterprise'`);
      await ds.query(
        `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen,
                            included_minutes, monthly_minimum_fen, allowed_grades)
         VALUES ('enterprise', 2, 'Enterprise', '企业套餐', 3500000, 36, 15, 233333, 291667,
                 '{standard,silver,gold,platinum,diamond}')`,
      );
      const { orderId, customerId } = await heldOrder();
      const result = await choose(orderId, customerId, 'enterprise', []);
      expect(result.lines[1]).toMatchObject({ code: 'enterprise', version: 2, amountFen: 3_500_000 });
    });

    it.each([
      [
        'gold',
        'basic',
        [],
        {
          code: 'PLAN_NOT_ALLOWED_FOR_GRADE',
          grade: 'gold',
          planCode: 'basic',
          cheapestPlanCode: 'business',
        },
      ],
      [
        'standard',
        'basic',
        ['ivr', 'ringback'],
        { code: 'FEATURES_CONFLICT', featureCodes: ['ivr', 'ringback'] },
      ],
      [
        'standard',
        'basic',
        ['ringback', 'ivr'],
        { code: 'FEATURES_CONFLICT', featureCodes: ['ivr', 'ringback'] },
      ],
      ['standard', 'basic', ['fax', 'ivr'], { code: 'FEATURE_NOT_FOUND', featureCodes: ['fax'] }],
      ['standard', 'gratis', [], { code: 'PLAN_NOT_FOUND', planCode: 'gratis' }],
    ])('refuses a %s number on %s with %j', async (grade, plan, features, expected) => {
      const { orderId, customerId } = await heldOrder(grade);
      expect(await refusal(choose(orderId, customerId, plan, features))).toEqual(expected);
      expect(await orderRow(ds, orderId)).toMatchObject({ total_fen: null });
    });

    it('refuses once the order left selecting, and another customer’s order', async () => {
      const { orderId, customerId } = await heldOrder();
      expect(await refusal(choose(orderId, await insertCustomer(ds), 'basic', []))).toMatchObject({
        code: 'ORDER_NOT_FOUND',
      });
      await ds.transaction((m) =>
        transitionOrder(m, { orderId, event: 'cancel', actor: { kind: 'customer', id: customerId } }),
      );
      expect(await refusal(choose(orderId, customerId, 'basic', []))).toMatchObject({
        code: 'ORDER_NOT_EDITABLE',
      });
    });
  });

  describe('signOrder', () => {
    it('refuses to sign before a plan is chosen', async () => {
      const { orderId, customerId } = await heldOrder();
      expect(await refusal(sign(orderId, customerId))).toMatchObject({ code: 'ORDER_PLAN_REQUIRED' });
    });

    it('refuses versions other than the current ones, naming them', async () => {
      const { orderId, customerId } = await heldOrder();
      await choose(orderId, customerId, 'basic', []);
      const cases = [
        [{ kind: 'service', version: 1 }],
        [
          { kind: 'service', version: 1 },
          { kind: 'supplement_400', version: 2 },
        ],
        [
          { kind: 'service', version: 1 },
          { kind: 'service', version: 1 },
        ],
        [...(await current()), { kind: 'privacy', version: 1 }],
      ];
      for (const agreements of cases) {
        const result = await refusal(sign(orderId, customerId, agreements));
        expect(result).toMatchObject({ code: 'AGREEMENT_OUTDATED' });
        expect((result as { current: unknown[] }).current).toEqual([
          { kind: 'service', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
          { kind: 'supplement_400', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        ]);
      }
      expect(await orderRow(ds, orderId)).toMatchObject({ status: 'selecting' });
    });

    it('records what was signed and moves on to awaiting payment; a new version changes nothing signed', async () => {
      const { orderId, customerId } = await heldOrder();
      await choose(orderId, customerId, 'basic', ['recording']);
      const signed = await sign(orderId, customerId);
      expect(signed).toMatchObject({ changed: true, from: 'selecting', to: 'awaiting_payment' });
      expect(await sign(orderId, customerId)).toEqual({ changed: false, status: 'awaiting_payment' });

      const signatures: Record<string, unknown>[] = await ds.query(
        `SELECT agreement_kind, agreement_version, agreement_sha256, signer_name, signer_title, ip, user_agent
           FROM order_signatures WHERE order_id = $1 ORDER BY agreement_kind`,
        [orderId],
      );
      const texts: { kind: string; body: string }[] = await ds.query(
        `SELECT kind, body FROM agreements ORDER BY kind`,
      );
      expect(signatures).toEqual(
        texts.map((t) => ({
          agreement_kind: t.kind,
          agreement_version: 1,
          agreement_sha256: agreementSha256(t.body),
          signer_name: '张三',
          signer_title: '经理',
          ip: '127.0.0.1',
          user_agent: 'jest',
        })),
      );
      const timeline = await eventsOf(ds, orderId);
      expect(timeline.at(-1)).toMatchObject({
        type: 'transition',
        event: 'sign',
        to_status: 'awaiting_payment',
      });
      expect(timeline.at(-1)?.data).toMatchObject({ signerName: '张三', agreements: expect.any(Array) });

      await ds.query(`UPDATE agreements SET retired_at = now() WHERE kind = 'service'`);
      await ds.query(
        `INSERT INTO agreements (kind, version, title, body, sha256) VALUES ('service', 2, 'v2', 'v2 text', $1)`,
        [agreementSha256('v2 text')],
      );
      const detail = await findOrder(ds.manager, { orderId, customerId });
      expect(detail?.signatures.map((s) => [s.agreementKind, s.agreementVersion])).toEqual([
        ['service', 1],
        ['supplement_400', 1],
      ]);
      // Orders signing from now on need version 2.
      const next = await heldOrder();
      await choose(next.orderId, next.customerId, 'basic', []);
      expect(
        await refusal(
          sign(next.orderId, next.customerId, [
            { kind: 'service', version: 1 },
            { kind: 'supplement_400', version: 1 },
          ]),
        ),
      ).toMatchObject({ code: 'AGREEMENT_OUTDATED' });
      await expect(sign(next.orderId, next.customerId)).resolves.toMatchObject({ changed: true });
    });
  });

  describe('queries', () => {
    it('pages through the customer’s own orders newest first, filtered by status', async () => {
      const customerId = await insertCustomer(ds);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await heldOrder('standard', 0, customerId)).orderId);
      await ds.transaction((m) =>
        transitionOrder(m, {
          orderId: ids[1] as string,
          event: 'cancel',
          actor: { kind: 'customer', id: customerId },
        }),
      );
      for (let i = 0; i < 2; i++) ids.push((await heldOrder('standard', 0, customerId)).orderId);
      await heldOrder(); // someone else's

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listOrders(ds.manager, { customerId, limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());

      const cancelled = await listOrders(ds.manager, { customerId, limit: 10, status: 'cancelled' });
      expect(cancelled).toEqual({
        items: [expect.objectContaining({ id: ids[1], status: 'cancelled' })],
        nextCursor: null,
      });
      await expect(listOrders(ds.manager, { customerId, limit: 2, cursor: 'bogus' })).rejects.toBeInstanceOf(
        InvalidOrderCursorError,
      );
    });

    it('breaks ties of creation time by id, without skipping or repeating', async () => {
      const customerId = await insertCustomer(ds);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await heldOrder('standard', 0, customerId)).orderId);
      await ds.query(`UPDATE orders SET created_at = '2031-01-01T00:00:00.123456Z' WHERE customer_id = $1`, [
        customerId,
      ]);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listOrders(ds.manager, { customerId, limit: 2, cursor });
        seen.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...ids].sort().reverse());
    });

    it('finds the customer’s own order with its timeline, and nobody else’s', async () => {
      const { orderId, customerId } = await heldOrder();
      const detail = await findOrder(ds.manager, { orderId, customerId });
      expect(detail).toMatchObject({ id: orderId, status: 'selecting', signatures: [] });
      expect(detail?.timeline).toEqual([
        expect.objectContaining({ type: 'created', toStatus: 'selecting', actor: `customer:${customerId}` }),
      ]);
      expect(detail?.timeline[0]?.at).toBeInstanceOf(Date);
      expect(await findOrder(ds.manager, { orderId, customerId: await insertCustomer(ds) })).toBeUndefined();
    });
  });
});
