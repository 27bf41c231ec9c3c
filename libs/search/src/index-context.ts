// What an index needs besides its rows, resolved once: the block table, the grades in
// rank order for grade_desc and relevance, the planner settings.
import {
  BLOCKS,
  DEFAULT_GRADING_RULES,
  GRADE_CODES,
  gradeRanks,
  type BlockInfo,
  type GradingRules,
} from '@haoma/domain';
import { packRow, type IndexRow, type PackedRow } from './index-row';
import type { GradeOrder } from './search-ranges';
import { DEFAULT_PLANNER, type PlannerSettings } from './segment-search';

/** Data the index depends on besides the rows. */
export interface NumberIndexOptions {
  /** Block → carrier table for the `carriers` filter; defaults to `BLOCKS`. */
  readonly blocks?: readonly BlockInfo[];
  /** The rules the rows were graded with: their ranks order `grade_desc`. */
  readonly rules?: GradingRules;
  /** Map numbers to positions with one array over the 400 space (default: from 65,536 rows). */
  readonly denseLookup?: boolean;
  /** Tuning of the planner; both paths return the same rows whatever the values. */
  readonly planner?: Partial<PlannerSettings>;
}

export interface IndexContext {
  readonly options: NumberIndexOptions;
  readonly blocks: readonly BlockInfo[];
  readonly grades: GradeOrder;
  readonly planner: PlannerSettings;
}

export function contextOf(options: NumberIndexOptions): IndexContext {
  const ranks = gradeRanks(options.rules ?? DEFAULT_GRADING_RULES);
  const rank = GRADE_CODES.map((code) => ranks.get(code) ?? Number.NaN);
  const best = [...GRADE_CODES.keys()]
    .filter((g) => !Number.isNaN(rank[g]))
    .sort((a, b) => (rank[b] ?? 0) - (rank[a] ?? 0));
  const distinct = [...new Set(best.map((g) => rank[g] ?? 0))].reverse();
  const level = rank.map((r) => distinct.indexOf(r));
  const planner = { ...DEFAULT_PLANNER, ...options.planner };
  return { options, blocks: options.blocks ?? BLOCKS, grades: { best, rank, level }, planner };
}

/** Packs a row, refusing a grade the rules do not rank. */
export function packRanked(row: IndexRow, context: IndexContext, into?: PackedRow): PackedRow {
  const packed = packRow(row, into);
  if (Number.isNaN(context.grades.rank[packed.grade])) {
    throw new RangeError(`${row.number}: grade ${row.grade} is not in the grading rules`);
  }
  return packed;
}
