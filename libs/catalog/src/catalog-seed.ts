import type { DataSource } from 'typeorm';
import { DEFAULT_GRADING_RULES, validateGradingRules, type GradingRules } from '@haoma/domain';
import { seedAgreements } from './agreement-seed';
import { FEATURE_SEEDS, PLAN_SEEDS } from './catalog.data';
import { allowedGrades, includedMinutes, monthlyMinimumFen } from './plan-terms';

export interface CatalogSeedResult {
  plansAdded: string[];
  featuresAdded: string[];
  gradingRulesAdded: number | null;
  /** Agreement kinds whose first version was published. */
  agreementsAdded: string[];
}

/**
 * Fills an empty catalog: each plan and feature code is added (as version 1) only when the
 * code does not exist at all, the default grading rules only when there are none, and each
 * agreement kind only when it has no version, so a re-run never changes what admins have
 * edited since.
 */
export async function seedCatalog(
  dataSource: DataSource,
  rules: GradingRules = DEFAULT_GRADING_RULES,
): Promise<CatalogSeedResult> {
  const problems = validateGradingRules(rules);
  if (problems.length) throw new Error(`default grading rules are invalid: ${problems.join('; ')}`);
  const order = PLAN_SEEDS.map((p) => p.code);

  return dataSource.transaction(async (manager) => {
    const plansAdded: string[] = [];
    for (const plan of PLAN_SEEDS) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen,
                            included_minutes, monthly_minimum_fen, allowed_grades)
         SELECT $1::varchar, 1, $2, $3, $4, $5, $6, $7, $8, $9
          WHERE NOT EXISTS (SELECT 1 FROM plans WHERE code = $1::varchar)
         RETURNING code`,
        [
          plan.code,
          plan.name,
          plan.nameZh,
          plan.annualFeeFen,
          plan.termMonths,
          plan.perMinuteFen,
          includedMinutes(plan.annualFeeFen, plan.perMinuteFen),
          monthlyMinimumFen(plan.annualFeeFen),
          allowedGrades(plan.code, order, rules),
        ],
      );
      if (rows.length) plansAdded.push(plan.code);
    }

    const featuresAdded: string[] = [];
    for (const feature of FEATURE_SEEDS) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO features (code, version, name, name_zh, description, annual_fee_fen, excludes)
         SELECT $1::varchar, 1, $2, $3, $4, $5, $6
          WHERE NOT EXISTS (SELECT 1 FROM features WHERE code = $1::varchar)
         RETURNING code`,
        [
          feature.code,
          feature.name,
          feature.nameZh,
          feature.description,
          feature.annualFeeFen,
          feature.excludes,
        ],
      );
      if (rows.length) featuresAdded.push(feature.code);
    }

    const ruleRows: unknown[] = await manager.query(
      `INSERT INTO grading_rule_sets (version, rules, active)
       SELECT $1, $2::jsonb, true WHERE NOT EXISTS (SELECT 1 FROM grading_rule_sets)
       RETURNING version`,
      [rules.version, JSON.stringify(rules)],
    );
    const agreementsAdded = await seedAgreements(manager);
    return {
      plansAdded,
      featuresAdded,
      gradingRulesAdded: ruleRows.length ? rules.version : null,
      agreementsAdded,
    };
  });
}
