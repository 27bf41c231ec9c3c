import type { GradeCode, GradingRules } from '@haoma/domain';

/** Included minutes = annual fee ÷ per-minute rate; unused credit lapses (DOMAIN.md). */
export function includedMinutes(annualFeeFen: number, perMinuteFen: number): number {
  return Math.floor(annualFeeFen / perMinuteFen);
}

/** Monthly minimum = annual fee ÷ 12, rounded up to the fen. */
export function monthlyMinimumFen(annualFeeFen: number): number {
  return Math.ceil(annualFeeFen / 12);
}

/**
 * The grades a plan may be sold with, derived from the grading rules' minimum plan per grade
 * so that plans and rules can never disagree: a grade is allowed on its minimum plan and on
 * every dearer one. `planOrder` lists plan codes cheapest first.
 */
export function allowedGrades(
  planCode: string,
  planOrder: readonly string[],
  rules: GradingRules,
): GradeCode[] {
  const rank = planOrder.indexOf(planCode);
  if (rank < 0) throw new Error(`unknown plan "${planCode}"`);
  return [...rules.grades]
    .sort((a, b) => a.rank - b.rank)
    .filter((grade) => {
      const minimum = planOrder.indexOf(grade.minPlanCode);
      if (minimum < 0) throw new Error(`grade "${grade.code}" requires unknown plan "${grade.minPlanCode}"`);
      return minimum <= rank;
    })
    .map((grade) => grade.code);
}
