import { Injectable } from '@nestjs/common';
import { appraise, carrierOf, parseNumberQuery, type QueryError, type RawNumberQuery } from '@haoma/domain';
import type { IndexedNumber } from '@haoma/search';
import { ApiError, type FieldError } from '../../common/api-error';
import type { NumberSummaryResponse } from '../number.response';
import { toNumberSummary } from '../number-summary.mapper';
import { CheapestPlanCache } from './cheapest-plan.cache';
import { GradingRulesCache } from './grading-rules.cache';
import { NumberIndexHolder } from './number-index.holder';
import type { NumberSearchResponse } from './number-search.response';

/** Groups a search's errors by the parameter they concern, each with its code. */
export function queryErrorFields(errors: readonly QueryError[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of errors) {
    const field = byField.get(error.field) ?? { field: error.field, errors: [], codes: [] };
    field.errors.push(error.message);
    field.codes?.push(error.code);
    byField.set(error.field, field);
  }
  return [...byField.values()];
}

/** Number search over the in-memory index: validation, the page, and each number described. */
@Injectable()
export class NumberSearchService {
  constructor(
    private readonly holder: NumberIndexHolder,
    private readonly rules: GradingRulesCache,
    private readonly plans: CheapestPlanCache,
  ) {}

  search(raw: RawNumberQuery): NumberSearchResponse {
    const parsed = parseNumberQuery(raw);
    if (!parsed.ok) {
      const fields = queryErrorFields(parsed.errors);
      throw new ApiError('INVALID_QUERY', `Invalid search: ${fields.map((f) => f.field).join(', ')}`, fields);
    }
    const page = this.holder.index.search(parsed.query);
    return {
      items: page.items.map((item) => this.describe(item)),
      limit: parsed.query.limit,
      nextCursor: page.nextCursor ?? null,
    };
  }

  describe(item: IndexedNumber): NumberSummaryResponse {
    // The explanation is recomputed (pure, microseconds) with the rules that graded the
    // number, rather than kept in memory for millions of numbers.
    const rules = this.rules.version(this.holder.gradingVersionOf(item.number));
    const appraisal = appraise(item.number, rules);
    const grade = rules.grades.find((g) => g.code === item.grade);
    return toNumberSummary({
      number: item.number,
      carrier: carrierOf(item.number) ?? '',
      grade: item.grade,
      gradeName: grade ? { name: grade.name, nameZh: grade.nameZh } : undefined,
      tags: item.tags,
      explanation: appraisal.explanation,
      selectionFeeFen: item.selectionFeeFen,
      cheapestPlan: this.plans.forGrade(item.grade),
    });
  }
}
