// `relevanceScore` (libs/domain) as the index computes it: placements become window
// templates or tag slots, tested on one row (enumeration, page keys) or on 32 rows at once
// over the bitsets (scan).
import {
  RELEVANCE_POINTS,
  patternTagIndex,
  relevancePlacements,
  type NumberQuery,
  type RelevancePlacement,
} from '@haoma/domain';
import { bitsAt, testBit } from './bitset';
import { WINDOW_DIGITS, windowDigit } from './index-row';
import type { IndexSegment } from './index-segment';
import { slotOf } from './tag-slots';

/** One placement a match may or may not fit: window digits (-1 free) or a tag slot. */
export interface ScoredPlacement {
  /** The 7 window digits, -1 where any goes; undefined for a tag placement. */
  readonly digits: Int8Array | undefined;
  /** The tag slot; -1 for a digit placement. */
  readonly slot: number;
  readonly points: number;
}

/**
 * A query's relevance, compiled. A filter with a single placement is fitted by every row
 * that passes the query, so its points go to `base`; the rest are `placements`. None left:
 * every match scores `base` and relevance orders as `grade_desc`.
 */
export interface CompiledRelevance {
  readonly base: number;
  readonly placements: readonly ScoredPlacement[];
}

function compilePlacement(placement: RelevancePlacement): ScoredPlacement {
  const points = RELEVANCE_POINTS[placement.position];
  if (placement.tag !== undefined) {
    return { digits: undefined, slot: slotOf(patternTagIndex(placement.tag), placement.position), points };
  }
  const window = placement.digits.slice(placement.digits.length - WINDOW_DIGITS);
  return { digits: Int8Array.from(window, (c) => (c === '?' ? -1 : Number(c))), slot: -1, points };
}

export function compileRelevance(query: NumberQuery): CompiledRelevance {
  let base = 0;
  const placements: ScoredPlacement[] = [];
  for (const group of relevancePlacements(query)) {
    const [only] = group;
    if (group.length === 1 && only !== undefined) base += RELEVANCE_POINTS[only.position];
    else placements.push(...group.map(compilePlacement));
  }
  return { base, placements };
}

function fits(segment: IndexSegment, placement: ScoredPlacement, window: number, position: number): boolean {
  const { digits } = placement;
  if (digits === undefined) return testBit(bitsAt(segment.data.slotBits, placement.slot), position);
  for (let p = 0; p < WINDOW_DIGITS; p++) {
    const d = digits[p] ?? -1;
    if (d !== -1 && windowDigit(window, p) !== d) return false;
  }
  return true;
}

/** The relevance score of the row at `position`, which passes the query. */
export function scoreAt(segment: IndexSegment, relevance: CompiledRelevance, position: number): number {
  const window = segment.data.windows[position] ?? 0;
  let score = relevance.base;
  for (const placement of relevance.placements) {
    if (fits(segment, placement, window, position)) score += placement.points;
  }
  return score;
}

/**
 * The placements over a segment's bitsets, for 32 rows at a time: a placement is fitted
 * where all of its bitsets are set (none: everywhere).
 */
export interface BoundPlacements {
  readonly bitsets: readonly (readonly Int32Array[])[];
  readonly points: Int32Array;
}

export function bindPlacements(segment: IndexSegment, relevance: CompiledRelevance): BoundPlacements {
  const { digitBits, slotBits } = segment.data;
  const bitsets = relevance.placements.map(({ digits, slot }) =>
    digits === undefined
      ? [bitsAt(slotBits, slot)]
      : [...digits].flatMap((d, p) => (d === -1 ? [] : [bitsAt(digitBits, p * 10 + d)])),
  );
  return { bitsets, points: Int32Array.from(relevance.placements, (p) => p.points) };
}
