import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import {
  allowedGrades,
  FEATURE_SEEDS,
  includedMinutes,
  monthlyMinimumFen,
  PLAN_SEEDS,
  seedCatalog,
} from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import { DEFAULT_GRADING_RULES } from '@haoma/domain';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';
import type { FeatureListResponse } from '../src/catalog/feature.response';
import type { PlanListResponse } from '../src/catalog/plan.response';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('GET /api/v1/plans and /api/v1/features', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await createDataSource({ url: db.url }).initialize();
    await seedCatalog(dataSource);
    // A repriced plan: version 1 retired, version 2 current and now dearer than business.
    await dataSource.query(`UPDATE plans SET retired_at = now() WHERE code = 'standard'`);
    await dataSource.query(
      `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen,
                          included_minutes, monthly_minimum_fen, allowed_grades)
       VALUES ('standard', 2, 'Standard', '标准套餐', 700000, 12, 29, 24137, 58334, '{standard,silver}')`,
    );
    // A plan and a feature that are no longer sold at all.
    await dataSource.query(
      `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen,
                          included_minutes, monthly_minimum_fen, allowed_grades, retired_at)
       VALUES ('legacy', 1, 'Legacy', '旧套餐', 1, 12, 1, 1, 1, '{standard}', now())`,
    );
    await dataSource.query(
      `INSERT INTO features (code, version, name, name_zh, description, annual_fee_fen, retired_at)
       VALUES ('fax', 1, 'Fax', '传真', 'Fax to e-mail.', 5, now())`,
    );
    ({ app, url } = await startApi(testConfig(db.url)));
  });
  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await db.drop();
  });

  async function get<T>(path: string): Promise<T> {
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    return (await response.json()) as T;
  }

  it('lists the current version of each plan, cheapest first, with terms and prices', async () => {
    const { plans } = await get<PlanListResponse>('/api/v1/plans');
    expect(plans.map((p) => `${p.code}@${p.version}`)).toEqual([
      'basic@1',
      'business@1',
      'standard@2',
      'premium@1',
      'enterprise@1',
    ]);
    const order = PLAN_SEEDS.map((p) => p.code);
    const basic = PLAN_SEEDS.find((p) => p.code === 'basic');
    if (!basic) throw new Error('the seed has no basic plan');
    const [id] = (await dataSource.query(`SELECT id FROM plans WHERE code = 'basic'`)) as { id: string }[];
    expect(plans[0]).toEqual({
      id: id?.id,
      code: 'basic',
      version: 1,
      name: 'Basic',
      nameZh: '基础套餐',
      annualFee: { fen: 120_000, display: '¥1,200.00' },
      termMonths: 12,
      perMinuteRate: { fen: 36, display: '¥0.36' },
      includedMinutes: includedMinutes(basic.annualFeeFen, basic.perMinuteFen),
      monthlyMinimum: { fen: 10_000, display: '¥100.00' },
      allowedGrades: allowedGrades('basic', order, DEFAULT_GRADING_RULES),
    });
    for (const plan of plans) {
      expect(plan.id).toMatch(UUID);
      expect(plan.monthlyMinimum.fen).toBe(monthlyMinimumFen(plan.annualFee.fen));
    }
    expect(plans.find((p) => p.code === 'enterprise')?.annualFee).toEqual({
      fen: 3_000_000,
      display: '¥30,000.00',
    });
    expect(plans.find((p) => p.code === 'premium')?.allowedGrades).toEqual([
      'standard',
      'silver',
      'gold',
      'platinum',
      'diamond',
    ]);
  });

  it('gives the id of the current version, which is what an order will reference', async () => {
    const { plans } = await get<PlanListResponse>('/api/v1/plans');
    const rows = (await dataSource.query(
      `SELECT id, version FROM plans WHERE code = 'standard' ORDER BY version`,
    )) as { id: string; version: number }[];
    expect(rows).toHaveLength(2);
    expect(plans.find((p) => p.code === 'standard')).toMatchObject({
      id: rows[1]?.id,
      version: 2,
      annualFee: { fen: 700_000, display: '¥7,000.00' },
      perMinuteRate: { fen: 29, display: '¥0.29' },
      monthlyMinimum: { fen: 58_334, display: '¥583.34' },
    });
    expect(plans.map((p) => p.id)).not.toContain(rows[0]?.id);
    expect(plans.map((p) => p.code)).not.toContain('legacy');
  });

  it('lists the current features, cheapest first (ties by code), with exclusions', async () => {
    const { features } = await get<FeatureListResponse>('/api/v1/features');
    const expected = [...FEATURE_SEEDS].sort(
      (a, b) => a.annualFeeFen - b.annualFeeFen || (a.code < b.code ? -1 : 1),
    );
    expect(features.map((f) => f.code)).toEqual(expected.map((f) => f.code));
    expect(features.map((f) => f.code)).not.toContain('fax');
    expect(features[0]).toMatchObject({
      code: 'call_analytics',
      version: 1,
      annualFee: { fen: 0, display: '¥0.00' },
      excludes: [],
    });
    const [ivrRow] = (await dataSource.query(`SELECT id FROM features WHERE code = 'ivr'`)) as {
      id: string;
    }[];
    expect(features.find((f) => f.code === 'ivr')).toEqual({
      id: ivrRow?.id,
      code: 'ivr',
      version: 1,
      name: 'IVR voice menu',
      nameZh: '语音导航',
      description: 'Callers choose a department from a spoken menu, up to 5 levels.',
      annualFee: { fen: 60_000, display: '¥600.00' },
      excludes: ['ringback'],
    });
    expect(features.find((f) => f.code === 'ringback')?.excludes).toEqual(['ivr']);
  });

  it('documents both endpoints and their response types in the OpenAPI document', async () => {
    const document = await get<{
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    }>('/docs/openapi.json');
    expect(document.paths['/api/v1/plans']?.get?.responses['200']).toBeDefined();
    expect(document.paths['/api/v1/features']?.get?.responses['200']).toBeDefined();
    expect(Object.keys(document.components.schemas['PlanResponse']?.properties ?? {})).toEqual([
      'id',
      'code',
      'version',
      'name',
      'nameZh',
      'annualFee',
      'termMonths',
      'perMinuteRate',
      'includedMinutes',
      'monthlyMinimum',
      'allowedGrades',
    ]);
    expect(Object.keys(document.components.schemas['FeatureResponse']?.properties ?? {})).toContain(
      'excludes',
    );
    expect(Object.keys(document.components.schemas['MoneyResponse']?.properties ?? {})).toEqual([
      'fen',
      'display',
    ]);
  });
});
