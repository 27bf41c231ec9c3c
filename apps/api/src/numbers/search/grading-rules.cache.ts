import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_GRADING_RULES, validateGradingRules, type GradingRules } from '@haoma/domain';

const TTL_MS = 30_000;

/**
 * The active grading rules (names of grades, their order, the explanation of a number),
 * re-read at most every 30 s: rules change by an admin's hand, not per request.
 */
@Injectable()
export class GradingRulesCache {
  private cached: { rules: GradingRules; at: number } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async active(): Promise<GradingRules> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.rules;
    const rows = (await this.dataSource.query(`SELECT rules FROM grading_rule_sets WHERE active`)) as {
      rules: unknown;
    }[];
    const stored = rows[0]?.rules;
    // Invalid stored rules would grade nothing sensibly: fall back loudly to the defaults.
    const rules =
      stored !== undefined && validateGradingRules(stored).length === 0
        ? (stored as GradingRules)
        : DEFAULT_GRADING_RULES;
    this.cached = { rules, at: Date.now() };
    return rules;
  }

  /** The last rules read, for the hot path (active() has run at boot). */
  get current(): GradingRules {
    return this.cached?.rules ?? DEFAULT_GRADING_RULES;
  }
}
