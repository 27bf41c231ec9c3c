import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { DEFAULT_GRADING_RULES } from '@haoma/domain';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { FEATURE_SEEDS, PLAN_SEEDS } from './catalog.data';
import { seedCatalog } from './catalog-seed';

describe('seedCatalog', () => {
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

  it('fills an empty catalog with every plan, feature and the active grading rules', async () => {
    const result = await seedCatalog(ds);
    expect(result.plansAdded).toEqual(PLAN_SEEDS.map((p) => p.code));
    expect(result.featuresAdded).toEqual(FEATURE_SEEDS.map((f) => f.code));
    expect(result.gradingRulesAdded).toBe(DEFAULT_GRADING_RULES.version);

    const basic = await ds.query(`SELECT * FROM plans WHERE code = 'basic'`);
    expect(basic).toEqual([
      expect.objectContaining({
        version: 1,
        annual_fee_fen: 120_000,
        per_minute_fen: 36,
        included_minutes: 3_333,
        monthly_minimum_fen: 10_000,
        allowed_grades: ['standard'],
        retired_at: null,
      }),
    ]);
    const ivr = await ds.query(`SELECT excludes FROM features WHERE code = 'ivr'`);
    expect(ivr).toEqual([{ excludes: ['ringback'] }]);
    const rules = await ds.query(`SELECT version, active, rules FROM grading_rule_sets`);
    expect(rules).toEqual([
      { version: 1, active: true, rules: JSON.parse(JSON.stringify(DEFAULT_GRADING_RULES)) },
    ]);
  });

  it('adds nothing on a re-run and leaves edited versions alone', async () => {
    await ds.query(`UPDATE plans SET retired_at = now() WHERE code = 'basic'`);
    await ds.query(
      `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen, included_minutes, monthly_minimum_fen, allowed_grades)
       VALUES ('basic', 2, 'Basic', '基础套餐', 150000, 12, 36, 4166, 12500, '{standard}')`,
    );
    expect(await seedCatalog(ds)).toEqual({
      plansAdded: [],
      featuresAdded: [],
      gradingRulesAdded: null,
      agreementsAdded: [],
    });
    const basics = await ds.query(
      `SELECT version, annual_fee_fen FROM plans WHERE code = 'basic' ORDER BY version`,
    );
    expect(basics).toEqual([
      { version: 1, annual_fee_fen: 120_000 },
      { version: 2, annual_fee_fen: 150_000 },
    ]);
  });

  it('keeps one current version per code', async () => {
    await expect(
      ds.query(
        `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen, included_minutes, monthly_minimum_fen, allowed_grades)
         VALUES ('basic', 3, 'Basic', '基础套餐', 1, 12, 36, 0, 1, '{standard}')`,
      ),
    ).rejects.toThrow(/plans_current_code_key/);
  });
});
