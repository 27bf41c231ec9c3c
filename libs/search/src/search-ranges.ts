// The stretches of positions a search visits: fee bounds, the wanted grades' first and last
// rows and the cursor become positions, and each stretch splits by fee run and window
// interval so that a scan skips what the query cannot match.
import type { CompiledQuery } from './compiled-query';
import { WINDOW_SPACE } from './index-row';
import type { IndexSegment } from './index-segment';

/** Most binary searches a scan spends on splitting a range by fee run and window interval. */
export const MAX_SPLITS = 1_024;

/**
 * Grades best first (GRADE_CODES indexes), each grade's rank, and its level: how many
 * distinct ranks lie below it (grades of equal rank share a level).
 */
export interface GradeOrder {
  readonly best: readonly number[];
  readonly rank: readonly number[];
  readonly level: readonly number[];
}

/** A stretch of positions [from, to) to visit, for one grade when sorting by grade (else -1). */
export interface Range {
  readonly from: number;
  readonly to: number;
  readonly grade: number;
}

/**
 * The positions the query's fee bounds allow, narrowed to the first and last rows of the
 * wanted grades (which skips most of the index when grades and fees go together, as they
 * do by default). `grade_desc` narrows per grade instead.
 */
export function boundsOf(segment: IndexSegment, query: CompiledQuery, grades: GradeOrder): Range {
  let from = segment.boundOf(query.feeMin, -1, true);
  let to = segment.boundOf(query.feeMax, WINDOW_SPACE, true);
  if (query.order !== 'grade_desc') {
    const wanted = grades.best.filter(
      (g) => (query.grades & (1 << g)) !== 0 && (segment.gradeFirst[g] ?? -1) >= 0,
    );
    from = Math.max(from, Math.min(...wanted.map((g) => segment.gradeFirst[g] ?? 0)));
    to = Math.min(to, Math.max(...wanted.map((g) => (segment.gradeLast[g] ?? 0) + 1)));
  }
  return { from, to, grade: -1 };
}

/** The ranges a query visits in its order, after its cursor (not for the scored order). */
export function rangesOf(segment: IndexSegment, query: CompiledQuery, grades: GradeOrder): Range[] {
  const { from: low, to: high } = boundsOf(segment, query, grades);
  const after = query.after;
  const pastCursor = after ? segment.boundOf(after.feeFen, after.window, false) : 0;
  if (query.order === 'fee_asc') return [{ from: Math.max(low, pastCursor), to: high, grade: -1 }];
  if (query.order === 'fee_desc') {
    const beforeCursor = after ? segment.boundOf(after.feeFen, after.window, true) : high;
    return [{ from: low, to: Math.min(high, beforeCursor), grade: -1 }];
  }
  const ranges: Range[] = [];
  for (const grade of grades.best) {
    const first = segment.gradeFirst[grade] ?? -1;
    const rank = grades.rank[grade] ?? 0;
    if ((query.grades & (1 << grade)) === 0 || first < 0 || (after && rank > after.gradeRank)) continue;
    const start = after && rank === after.gradeRank ? pastCursor : 0;
    const to = Math.min(high, (segment.gradeLast[grade] ?? -1) + 1);
    ranges.push({ from: Math.max(low, start, first), to, grade });
  }
  return ranges;
}

/**
 * Splits a range into the stretches of each fee run that hold the query's window
 * intervals, in visiting order; unsplit when that would cost more than it saves.
 */
export function refine(segment: IndexSegment, query: CompiledQuery, range: Range): Range[] {
  const { feeRuns } = segment;
  const { intervals } = query;
  if (!feeRuns || !intervals || feeRuns.length * intervals.length > MAX_SPLITS) return [range];
  const out: Range[] = [];
  for (let r = 0; r < feeRuns.length; r++) {
    const runFrom = Math.max(range.from, feeRuns[r] ?? 0);
    const runTo = Math.min(range.to, feeRuns[r + 1] ?? segment.size);
    if (runFrom >= runTo) continue;
    const fee = segment.data.fees[runFrom] ?? 0;
    for (const [low, high] of intervals) {
      const from = Math.max(runFrom, segment.boundOf(fee, low, true));
      const to = Math.min(runTo, segment.boundOf(fee, high, true));
      if (from < to) out.push({ from, to, grade: range.grade });
    }
  }
  return query.order === 'fee_desc' ? out.reverse() : out;
}
