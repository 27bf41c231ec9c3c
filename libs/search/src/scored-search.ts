// Sort `relevance` when points vary from row to row: no position order follows the score,
// so every match of the segment is visited (by scan or enumeration), scored, and kept only
// while it is among the best `need` after the cursor (a bounded heap, no full sort).
import type { CompiledQuery } from './compiled-query';
import { cheapestGenerator, enumerate } from './enumerate';
import type { IndexSegment } from './index-segment';
import { bindPlacements, scoreAt, type CompiledRelevance } from './relevance-scorer';
import { bindClauses, evaluate } from './scan';
import { boundsOf, refine, type GradeOrder, type Range } from './search-ranges';
import type { PlannerSettings, SearchPlan, SegmentHits } from './segment-search';
import { TopRows } from './top-rows';

// A row's place as one number, larger = earlier: score, then grade level, then position
// (fee, then number) ascending. Positions stay below 2^24 (the 400 space holds 10^7
// numbers), levels below 8, so scores up to 2^26 keep the key an exact double.
const POSITION_SPAN = 2 ** 24;
const LEVEL_SPAN = 8;
const SCORE_UNIT = POSITION_SPAN * LEVEL_SPAN;

/** Keeps the best rows after the cursor, in relevance order. */
class Ranking {
  private readonly top: TopRows;
  private readonly pastCursor: number;

  constructor(
    private readonly segment: IndexSegment,
    private readonly query: CompiledQuery,
    private readonly grades: GradeOrder,
    need: number,
  ) {
    this.top = new TopRows(need);
    const { after } = query;
    this.pastCursor = after ? segment.boundOf(after.feeFen, after.window, false) : 0;
  }

  /** Whether a row scoring `score` could still make the page. */
  wants(score: number): boolean {
    return !this.top.full || score >= Math.floor(this.top.worst / SCORE_UNIT);
  }

  offer(position: number, score: number): void {
    const grade = this.segment.data.grades[position] ?? 0;
    if (this.onEarlierPage(score, grade, position)) return;
    const level = this.grades.level[grade] ?? 0;
    this.top.offer(score * SCORE_UNIT + level * POSITION_SPAN + (POSITION_SPAN - 1 - position));
  }

  // Whether the row sorts before the cursor's key, or is it.
  private onEarlierPage(score: number, grade: number, position: number): boolean {
    const { after } = this.query;
    if (after === undefined) return false;
    const points = after.score ?? 0;
    if (score !== points) return score > points;
    const rank = this.grades.rank[grade] ?? 0;
    return rank !== after.gradeRank ? rank > after.gradeRank : position < this.pastCursor;
  }

  positions(): number[] {
    return this.top.sorted().map((key) => POSITION_SPAN - 1 - (key % POSITION_SPAN));
  }
}

const wordsIn = (parts: readonly Range[]): number =>
  parts.reduce((sum, { from, to }) => sum + (from < to ? ((to - 1) >>> 5) - (from >>> 5) + 1 : 0), 0);

// Visits 32 rows at a time: the rows passing every clause, then which placements each
// fits; a word whose best possible score cannot make the page is skipped unscored.
function scanScored(
  segment: IndexSegment,
  query: CompiledQuery,
  relevance: CompiledRelevance,
  parts: readonly Range[],
  ranking: Ranking,
): void {
  const clauses = bindClauses(segment, query);
  const { bitsets, points } = bindPlacements(segment, relevance);
  const fitted = new Int32Array(bitsets.length);
  const available = segment.data.availableBits;
  for (const { from, to } of parts) {
    if (from >= to) continue;
    const first = from >>> 5;
    const last = (to - 1) >>> 5;
    for (let w = first; w <= last; w++) {
      let acc = available[w] ?? 0;
      if (w === first) acc &= -1 << (from & 31);
      if (w === last && (to & 31) !== 0) acc &= (1 << (to & 31)) - 1;
      if (acc !== 0) acc = evaluate(clauses, w, acc);
      if (acc === 0) continue;
      let best = relevance.base;
      for (let i = 0; i < bitsets.length; i++) {
        const placement = bitsets[i] as readonly Int32Array[];
        let fits = acc;
        for (let j = 0; j < placement.length && fits !== 0; j++) fits &= (placement[j] as Int32Array)[w] ?? 0;
        fitted[i] = fits;
        if (fits !== 0) best += points[i] ?? 0;
      }
      if (!ranking.wants(best)) continue;
      for (; acc !== 0; acc &= acc - 1) {
        const bit = 31 - Math.clz32(acc & -acc);
        let score = relevance.base;
        for (let i = 0; i < bitsets.length; i++) if (((fitted[i] ?? 0) >>> bit) & 1) score += points[i] ?? 0;
        ranking.offer((w << 5) + bit, score);
      }
    }
  }
}

/**
 * The best `need` positions of a segment after the cursor in `relevance` order (score,
 * grade rank, fee, number). Every match is visited: the planner enumerates when the
 * cheapest generator's candidates cost less than scanning the query's stretches, or when
 * they are at most `enumerateAtOnce`; otherwise it scans.
 */
export function searchScored(
  segment: IndexSegment,
  query: CompiledQuery,
  grades: GradeOrder,
  need: number,
  plan: SearchPlan,
  planner: PlannerSettings,
): SegmentHits {
  const relevance = query.relevance;
  if (relevance === undefined) throw new RangeError('a scored search needs the relevance of its query');
  const bounds = boundsOf(segment, query, grades);
  const generator = plan === 'scan' ? undefined : cheapestGenerator(query, segment);
  const candidates = generator?.candidates;
  if (bounds.from >= bounds.to) return { positions: [], path: 'scan', candidates };
  const parts = refine(segment, query, bounds);
  const ranking = new Ranking(segment, query, grades, need);
  const enumerates =
    generator !== undefined &&
    (plan === 'enumerate' ||
      generator.candidates <= planner.enumerateAtOnce ||
      generator.candidates * planner.wordsPerCandidate < wordsIn(parts));
  if (generator === undefined || !enumerates) {
    scanScored(segment, query, relevance, parts, ranking);
    return { positions: ranking.positions(), path: 'scan', candidates };
  }
  for (const position of enumerate(segment, query, generator, bounds.from, bounds.to)) {
    const score = scoreAt(segment, relevance, position);
    if (ranking.wants(score)) ranking.offer(position, score);
  }
  return { positions: ranking.positions(), path: 'enumerate', candidates };
}
