import type { EntityManager } from 'typeorm';
import { DEFAULT_GRADING_RULES, validateGradingRules, type GradingRules } from '@haoma/domain';
import { recordAudit } from '@haoma/audit';
import { InventoryAdminError } from './inventory-admin-errors';

/** One stored version of the grading rules. */
export interface GradingRuleSetView {
  version: number;
  active: boolean;
  rules: unknown;
  createdAt: Date;
}

interface RuleSetRow {
  version: number;
  active: boolean;
  rules: unknown;
  created_at: Date;
}

const toView = (row: RuleSetRow): GradingRuleSetView => ({
  version: row.version,
  active: row.active,
  rules: row.rules,
  createdAt: row.created_at,
});

// The stored JSON stamped with its row's version, which is the one numbers carry.
function stamped(version: number, rules: unknown): unknown {
  return typeof rules === 'object' && rules !== null ? { ...rules, version } : rules;
}

/**
 * The grading rules of version `version` (the active set when omitted), checked; the domain
 * defaults when no set exists at all (a fresh database). Stored rules that no longer validate
 * are refused rather than used.
 */
export async function loadRuleSet(manager: EntityManager, version?: number): Promise<GradingRules> {
  const rows: { version: number; rules: unknown }[] = await manager.query(
    version === undefined
      ? 'SELECT version, rules FROM grading_rule_sets WHERE active'
      : 'SELECT version, rules FROM grading_rule_sets WHERE version = $1',
    version === undefined ? [] : [version],
  );
  const row = rows[0];
  if (row === undefined) {
    if (version === undefined) return DEFAULT_GRADING_RULES;
    throw new InventoryAdminError('GRADING_RULES_INVALID', `No grading rules of version ${version}.`);
  }
  const rules = stamped(row.version, row.rules);
  const problems = validateGradingRules(rules);
  if (problems.length > 0)
    throw new InventoryAdminError(
      'GRADING_RULES_INVALID',
      `The grading rules of version ${row.version} are invalid.`,
      { problems },
    );
  return rules as GradingRules;
}

/** Every stored version, newest first (there are few: one per change of the rules). */
export async function listRuleSets(manager: EntityManager): Promise<GradingRuleSetView[]> {
  const rows: RuleSetRow[] = await manager.query(
    'SELECT version, active, rules, created_at FROM grading_rule_sets ORDER BY version DESC',
  );
  return rows.map(toView);
}

/**
 * Stores `rules` as the next version, not active yet: checked with validateGradingRules first
 * (GRADING_RULES_INVALID with every problem). The version in the body is ignored: versions are
 * given here, one more than the highest, under a table lock so two admins cannot take the same.
 */
export async function createRuleSet(manager: EntityManager, rules: unknown): Promise<GradingRuleSetView> {
  await manager.query('LOCK TABLE grading_rule_sets IN SHARE ROW EXCLUSIVE MODE');
  const [{ next }] = (await manager.query(
    'SELECT coalesce(max(version), 0) + 1 AS next FROM grading_rule_sets',
  )) as [{ next: number }];
  const candidate = stamped(next, rules);
  const problems =
    typeof rules === 'object' && rules !== null
      ? validateGradingRules(candidate)
      : ['rules must be an object'];
  if (problems.length > 0)
    throw new InventoryAdminError('GRADING_RULES_INVALID', 'The grading rules are invalid.', { problems });
  const rows: RuleSetRow[] = await manager.query(
    `INSERT INTO grading_rule_sets (version, rules, active) VALUES ($1, $2::jsonb, false)
     RETURNING version, active, rules, created_at`,
    [next, JSON.stringify(candidate)],
  );
  const view = toView(rows[0] as RuleSetRow);
  await recordAudit(manager, {
    action: 'grading_rules.created',
    targetType: 'grading_rule_set',
    targetId: String(next),
    before: null,
    after: { version: next, rules: candidate },
  });
  return view;
}
