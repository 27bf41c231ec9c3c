import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { agreementSha256, seedAgreements } from './agreement-seed';
import { AGREEMENT_SEEDS } from './agreements.data';
import { seedCatalog } from './catalog-seed';

interface AgreementRow {
  kind: string;
  version: number;
  title: string;
  body: string;
  sha256: string;
  pg_sha256: string;
  retired_at: Date | null;
}

describe('agreement seeds', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const rows = (): Promise<AgreementRow[]> =>
    ds.query(
      `SELECT kind, version, title, body, sha256, encode(sha256(convert_to(body, 'UTF8')), 'hex') AS pg_sha256,
              retired_at
         FROM agreements ORDER BY kind, version`,
    );

  it('publishes version 1 of the service and 400 supplement agreements with the sha256 of the body', async () => {
    const result = await seedCatalog(ds);
    expect(result.agreementsAdded).toEqual(['service', 'supplement_400']);
    const stored = await rows();
    expect(stored.map((r) => [r.kind, r.version, r.retired_at])).toEqual([
      ['service', 1, null],
      ['supplement_400', 1, null],
    ]);
    for (const row of stored) {
      // Postgres hashes the stored text itself: the fingerprint is of exactly what is kept.
      expect(row.sha256).toBe(row.pg_sha256);
      expect(row.sha256).toBe(agreementSha256(row.body));
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('words the supplement as DESIGN.md requires, in Chinese and English', () => {
    const supplement = AGREEMENT_SEEDS.find((a) => a.kind === 'supplement_400')?.body ?? '';
    for (const phrase of [
      '实名信息真实',
      '合法使用',
      '不得外呼显示 400 号码',
      'True real-name data',
      'Lawful use',
      'No outbound calls showing the 400 number',
    ])
      expect(supplement).toContain(phrase);
    const service = AGREEMENT_SEEDS.find((a) => a.kind === 'service')?.body ?? '';
    expect(service).toContain('号码 400 服务协议');
    expect(service).toContain('Haoma 400 Service Agreement');
  });

  it('adds nothing on a re-run and leaves a newer published version alone', async () => {
    await ds.query(`UPDATE agreements SET retired_at = now() WHERE kind = 'service'`);
    await ds.query(
      `INSERT INTO agreements (kind, version, title, body, sha256) VALUES ('service', 2, 't', 'v2', $1)`,
      [agreementSha256('v2')],
    );
    expect(await ds.transaction((m) => seedAgreements(m))).toEqual([]);
    expect((await rows()).map((r) => [r.kind, r.version, r.retired_at === null])).toEqual([
      ['service', 1, false],
      ['service', 2, true],
      ['supplement_400', 1, true],
    ]);
  });
});
