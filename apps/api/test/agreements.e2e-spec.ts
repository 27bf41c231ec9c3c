import { createHash } from 'node:crypto';
import { registerCustomer } from './accounts.fixtures';
import { startOrdersEnv, type OrdersEnv } from './orders.fixtures';
import type { AgreementListResponse } from '../src/orders/agreement.response';
import type { OrderResponse } from '../src/orders/order.response';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('GET /api/v1/agreements and signing across versions', () => {
  let env: OrdersEnv;

  beforeAll(async () => {
    env = await startOrdersEnv(['4001357902', '4007102938']);
  });
  afterAll(async () => {
    await env.close();
  });

  const agreements = async () => {
    const answer = await env.call<AgreementListResponse>('GET', '/api/v1/agreements');
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  it('shows the current service and 400 supplement agreements to anyone, with the sha256 of each text', async () => {
    const items = await agreements();
    expect(items.map((a) => [a.kind, a.version])).toEqual([
      ['service', 1],
      ['supplement_400', 1],
    ]);
    for (const item of items) {
      expect(item.sha256).toBe(sha256(item.body));
      expect(item.title).toMatch(/[\u4e00-\u9fff]/);
      expect(Date.parse(item.publishedAt)).not.toBeNaN();
    }
    const supplement = items[1]?.body ?? '';
    expect(supplement).toContain('不得外呼显示 400 号码');
    expect(supplement).toContain('No outbound calls showing the 400 number');
  });

  it('keeps what an order signed when a new version is published, and asks new signers for it', async () => {
    const buyer = await registerCustomer(env.url);
    const order = async (number: string) => {
      const created = await env.call<OrderResponse>('POST', '/api/v1/orders', {
        headers: buyer.headers,
        body: { number },
      });
      expect(created.status).toBe(201);
      await env.call('PUT', `/api/v1/orders/${created.body.id}/selection`, {
        headers: buyer.headers,
        body: { planCode: 'basic', featureCodes: [] },
      });
      return created.body.id;
    };
    const sign = (orderId: string, versions: { kind: string; version: number }[]) =>
      env.call<OrderResponse & { code?: string; current?: unknown }>(
        'POST',
        `/api/v1/orders/${orderId}/signature`,
        {
          headers: buyer.headers,
          body: { signerName: 'Li Wei', signerTitle: 'Director', agreements: versions },
        },
      );
    const v1 = await agreements();
    const first = await order('4001357902');
    const second = await order('4007102938');
    expect(
      (
        await sign(
          first,
          v1.map(({ kind, version }) => ({ kind, version })),
        )
      ).status,
    ).toBe(200);

    await env.dataSource.query(`UPDATE agreements SET retired_at = now() WHERE kind = 'service'`);
    await env.dataSource.query(
      `INSERT INTO agreements (kind, version, title, body, sha256) VALUES ('service', 2, $1, $2, $3)`,
      ['号码 400 服务协议 v2', 'Version 2 text', sha256('Version 2 text')],
    );
    const v2 = await agreements();
    expect(v2.map((a) => [a.kind, a.version])).toEqual([
      ['service', 2],
      ['supplement_400', 1],
    ]);

    const signed = await env.call<OrderResponse>('GET', `/api/v1/orders/${first}`, {
      headers: buyer.headers,
    });
    expect(
      signed.body.signatures.map((s) => [s.agreementKind, s.agreementVersion, s.agreementSha256]),
    ).toEqual(v1.map((a) => [a.kind, a.version, a.sha256]));

    const stale = await sign(
      second,
      v1.map(({ kind, version }) => ({ kind, version })),
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'AGREEMENT_OUTDATED',
      current: v2.map((a) => ({ kind: a.kind, version: a.version, sha256: a.sha256 })),
    });
    const fresh = await sign(
      second,
      v2.map(({ kind, version }) => ({ kind, version })),
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body.signatures.find((s) => s.agreementKind === 'service')?.agreementSha256).toBe(
      sha256('Version 2 text'),
    );
  });
});
