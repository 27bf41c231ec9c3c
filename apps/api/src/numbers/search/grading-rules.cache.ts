import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_GRADING_RULES, validateGradingRules, type GradingRules } from '@haoma/domain';

const TTL_MS = 30_000;

interface RuleSets {
  active: GradingRules;
  byVersion: ReadonlyMap<number, GradingRules>;
  at: number;
}

/**
 * Every grading rule set, the active one first among them: the index orders grades by the
 * active rules, and a number graded by an older set is described (grade names, explanation)
 * by the set that graded it. Re-read at most every 30 s: rules change by an admin's hand.
 */
@Injectable()
export class GradingRulesCache {
  private cached: RuleSets | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async active(): Promise<GradingRules> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.active;
    const rows = (await this.dataSource.query(`SELECT version, rules, active FROM grading_rule_sets`)) as {
      version: number;
      rules: unknown;
      active: boolean;
    }[];
    const byVersion = new Map<number, GradingRules>();
    let active: GradingRules | undefined;
    for (const row of rows) {
      // Rules that do not validate would grade nothing sensibly: they are ignored.
      if (validateGradingRules(row.rules).length > 0) continue;
      const rules = row.rules as GradingRules;
      byVersion.set(row.version, rules);
      if (row.active) active = rules;
    }
    this.cached = { active: active ?? DEFAULT_GRADING_RULES, byVersion, at: Date.now() };
    return this.cached.active;
  }

  /** The active rules from the last read, for the hot path (active() has run at boot). */
  get current(): GradingRules {
    return this.cached?.active ?? DEFAULT_GRADING_RULES;
  }

  /** The rules of one version, falling back to the active ones when that version is unknown. */
  version(version: number | undefined): GradingRules {
    return (version === undefined ? undefined : this.cached?.byVersion.get(version)) ?? this.current;
  }
}
