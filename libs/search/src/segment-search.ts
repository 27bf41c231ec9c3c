import { GRADE_CODES } from '@haoma/domain';
import { bitsAt } from './bitset';
import type { CompiledQuery } from './compiled-query';
import { cheapestGenerator, enumerate, type Generator } from './enumerate';
import { WINDOW_SPACE } from './index-row';
import type { IndexSegment } from './index-segment';
import { bindClauses, scanRange, type Clause, type ScanBudget } from './scan';
import { searchScored } from './scored-search';
import { rangesOf, refine, type GradeOrder, type Range } from './search-ranges';

/** How a search may find its rows: let the planner choose, or force a path (for tests). */
export const SEARCH_PLANS = ['auto', 'scan', 'enumerate'] as const;
export type SearchPlan = (typeof SEARCH_PLANS)[number];

/** The path a search took: a bitset scan, an enumeration, or a scan that gave up for one. */
export type SearchPath = 'scan' | 'enumerate' | 'scan-then-enumerate';

/** The planner's two constants (defaults measured on 6M rows, see the README). */
export interface PlannerSettings {
  /** Enumerate at once when the cheapest generator yields at most this many candidates. */
  readonly enumerateAtOnce: number;
  /** A candidate costs about as much as scanning this many bitset words. */
  readonly wordsPerCandidate: number;
}

export const DEFAULT_PLANNER: PlannerSettings = { enumerateAtOnce: 1_024, wordsPerCandidate: 8 };

/** Positions of one segment in the query's order, at most `need` of them. */
export interface SegmentHits {
  readonly positions: readonly number[];
  readonly path: SearchPath;
  readonly candidates: number | undefined;
}

function scan(
  segment: IndexSegment,
  query: CompiledQuery,
  ranges: readonly Range[],
  need: number,
  budget: ScanBudget,
) {
  const clauses = bindClauses(segment, query);
  const backward = query.order === 'fee_desc';
  const out: number[] = [];
  for (const range of ranges) {
    const gradeClause: Clause[] =
      range.grade < 0 ? [] : [{ products: [[bitsAt(segment.data.gradeBits, range.grade)]], negate: false }];
    const all = [...gradeClause, ...clauses];
    for (const part of refine(segment, query, range)) {
      if (scanRange(segment, all, part.from, part.to, backward, need, out, budget) === 'over-budget')
        return undefined;
      if (out.length >= need) return out;
    }
  }
  return out;
}

function enumerated(
  segment: IndexSegment,
  query: CompiledQuery,
  generator: Generator,
  ranges: readonly Range[],
  need: number,
) {
  if (query.order !== 'grade_desc') {
    const range = ranges[0];
    if (range === undefined) return [];
    const found = enumerate(segment, query, generator, range.from, range.to);
    found.sort((a, b) => (query.order === 'fee_asc' ? a - b : b - a));
    return found.slice(0, need);
  }
  // Sort by (grade, best first; position) within each grade's range.
  const place = new Int32Array(GRADE_CODES.length).fill(-1);
  const from = new Int32Array(GRADE_CODES.length);
  const to = new Int32Array(GRADE_CODES.length);
  ranges.forEach((range, i) => {
    place[range.grade] = i;
    from[range.grade] = range.from;
    to[range.grade] = range.to;
  });
  const keys: number[] = [];
  for (const position of enumerate(segment, query, generator, 0, segment.size)) {
    const grade = segment.data.grades[position] ?? 0;
    const at = place[grade] ?? -1;
    if (at >= 0 && position >= (from[grade] ?? 0) && position < (to[grade] ?? 0)) {
      keys.push(at * WINDOW_SPACE + position);
    }
  }
  keys.sort((a, b) => a - b);
  return keys.slice(0, need).map((key) => key % WINDOW_SPACE);
}

/**
 * The first `need` positions of a segment that match `query` after its cursor, in the
 * query's order. The planner enumerates at once when the cheapest generator pins enough
 * digits (≤ `enumerateAtOnce` candidates); otherwise it scans with a budget of what the
 * enumeration would cost and switches to enumerating when the scan runs over. `relevance`
 * with points that vary from row to row is answered by `searchScored`.
 */
export function searchSegment(
  segment: IndexSegment,
  query: CompiledQuery,
  grades: GradeOrder,
  need: number,
  plan: SearchPlan = 'auto',
  planner: PlannerSettings = DEFAULT_PLANNER,
): SegmentHits {
  if (query.impossible || segment.liveCount === 0) return { positions: [], path: 'scan', candidates: 0 };
  if (query.order === 'scored') return searchScored(segment, query, grades, need, plan, planner);
  const ranges = rangesOf(segment, query, grades);
  const generator = plan === 'scan' ? undefined : cheapestGenerator(query, segment);
  const candidates = generator?.candidates;
  if (generator === undefined) {
    return {
      positions: scan(segment, query, ranges, need, { words: Infinity }) ?? [],
      path: 'scan',
      candidates,
    };
  }
  if (plan === 'enumerate' || generator.candidates <= planner.enumerateAtOnce) {
    return { positions: enumerated(segment, query, generator, ranges, need), path: 'enumerate', candidates };
  }
  const scanned = scan(segment, query, ranges, need, {
    words: generator.candidates * planner.wordsPerCandidate,
  });
  if (scanned !== undefined) return { positions: scanned, path: 'scan', candidates };
  const positions = enumerated(segment, query, generator, ranges, need);
  return { positions, path: 'scan-then-enumerate', candidates };
}
