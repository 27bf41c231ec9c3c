import {
  bestGrouping,
  CARRIERS,
  DEFAULT_GRADING_RULES,
  formatNumber,
  isPatternTag,
  MATCH_POSITIONS,
  type GradingRules,
  type MatchPosition,
} from '@haoma/domain';
import { toMoney } from '../catalog/money.response';
import type {
  CarrierResponse,
  GradeResponse,
  NumberSummaryResponse,
  PatternTagResponse,
  PlanSummaryResponse,
} from './number.response';

/** What the inventory knows of a number, however it was read (a row, the search index). */
export interface NumberFacts {
  number: string;
  carrier: string;
  grade: string;
  /** Grade names from the rule set that graded it, when known. */
  gradeName?: { name: string; nameZh: string } | undefined;
  tags: readonly string[];
  explanation: string;
  selectionFeeFen: number;
  cheapestPlan: PlanSummaryResponse | null;
}

/** The storefront's description of a number: lookup and search answer alike. */
export function toNumberSummary(facts: NumberFacts): NumberSummaryResponse {
  const grouping = bestGrouping(facts.number);
  return {
    digits: facts.number,
    display: formatNumber(facts.number),
    grouping,
    patternDisplay: formatNumber(facts.number, grouping),
    block: facts.number.slice(0, 4),
    carrier: carrierOf(facts.carrier),
    grade: gradeOf(facts.grade, facts.gradeName),
    tags: facts.tags.flatMap(toTag),
    explanation: facts.explanation,
    selectionFee: toMoney(facts.selectionFeeFen),
    cheapestPlan: facts.cheapestPlan,
  };
}

function carrierOf(code: string): CarrierResponse {
  const carrier = Object.values(CARRIERS).find((c) => c.code === code);
  return carrier ? { ...carrier } : { code, name: code, nameZh: code };
}

// A number graded by a rule set that is gone falls back to today's default names.
function gradeOf(
  code: string,
  names: NumberFacts['gradeName'],
  rules: GradingRules = DEFAULT_GRADING_RULES,
): GradeResponse {
  const fallback = rules.grades.find((g) => g.code === code);
  return {
    code,
    name: names?.name ?? fallback?.name ?? code,
    nameZh: names?.nameZh ?? fallback?.nameZh ?? code,
  };
}

// Stored as `position:tag` (e.g. `tail:AAAA`); anything else did not come from the
// classifier and is not a tag a customer can search for, so it is left out.
function toTag(stored: string): PatternTagResponse[] {
  const colon = stored.indexOf(':');
  const position = stored.slice(0, colon);
  const tag = stored.slice(colon + 1);
  if (colon < 0 || !isPosition(position) || !isPatternTag(tag)) return [];
  return [{ tag, position }];
}

function isPosition(value: string): value is MatchPosition {
  return (MATCH_POSITIONS as readonly string[]).includes(value);
}
