import { wordToDigits } from '../numbers/keypad';
import { NUMBER_LENGTH, NUMBER_PREFIX } from '../numbers/parse';
import { MATCH_POSITIONS, type MatchPosition, type PatternTag } from '../numbers/pattern-tags';
import { tryExpandMask } from './mask';
import { LUCKY_TAGS, type NumberQuery, type PatternFilterPosition } from './number-query';

/**
 * Points a number earns for each way it matches a text filter, by where the match sits.
 * The tail — the last digits, what people say and remember of a 400 number — is worth ten
 * in the middle.
 */
export const RELEVANCE_POINTS: Readonly<Record<MatchPosition, number>> = { tail: 10, middle: 1 };

/** The filters `relevance` scores: those about the number's digits and patterns. */
export const TEXT_FILTERS = [
  'startsWith',
  'endsWith',
  'mask',
  'contains',
  'word',
  'patterns',
  'lucky',
] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

/**
 * One way a text filter can match a number: digits at fixed places (`digits`, 10
 * characters with `?` where any digit goes), or a pattern tag at a position (`tag`). A digit
 * placement is at the tail when it fixes the number's last digit.
 */
export type RelevancePlacement = {
  readonly filter: TextFilter;
  readonly position: MatchPosition;
} & (
  { readonly digits: string; readonly tag?: never } | { readonly tag: PatternTag; readonly digits?: never }
);

/** What relevance reads of a number: its digits and its `position:tag` pairs (as `appraise` lists them). */
export interface RelevanceRow {
  readonly number: string;
  readonly tags: readonly string[];
}

const WINDOW_LENGTH = NUMBER_LENGTH - NUMBER_PREFIX.length;

const digitPlacement = (filter: TextFilter, digits: string): RelevancePlacement => ({
  filter,
  digits,
  position: digits.endsWith('?') ? 'middle' : 'tail',
});

// `digits` at each offset of the window, overlapping runs included.
function everyOffset(filter: TextFilter, digits: string): RelevancePlacement[] {
  const placements: RelevancePlacement[] = [];
  for (let start = 0; start + digits.length <= WINDOW_LENGTH; start++) {
    const after = WINDOW_LENGTH - start - digits.length;
    placements.push(digitPlacement(filter, NUMBER_PREFIX + '?'.repeat(start) + digits + '?'.repeat(after)));
  }
  return placements;
}

const positionsOf = (position: PatternFilterPosition): readonly MatchPosition[] =>
  position === 'any' ? MATCH_POSITIONS : [position];

// One row per text filter: the groups of placements it stands for in a query (each pattern
// filter is a group of its own).
const PLACEMENTS: { readonly [F in TextFilter]: (query: NumberQuery) => RelevancePlacement[][] } = {
  startsWith: ({ startsWith }) =>
    startsWith === undefined ? [] : [[digitPlacement('startsWith', startsWith.padEnd(NUMBER_LENGTH, '?'))]],
  endsWith: ({ endsWith }) =>
    endsWith === undefined
      ? []
      : [[digitPlacement('endsWith', NUMBER_PREFIX + endsWith.padStart(WINDOW_LENGTH, '?'))]],
  mask: ({ mask }) => {
    const readings = mask === undefined ? undefined : tryExpandMask(mask);
    return readings?.ok ? [readings.masks.map((reading) => digitPlacement('mask', reading))] : [];
  },
  contains: ({ contains }) => (contains === undefined ? [] : [everyOffset('contains', contains)]),
  word: ({ word }) => {
    const spelled = word === undefined ? undefined : wordToDigits(word);
    return spelled?.ok ? [everyOffset('word', spelled.digits)] : [];
  },
  patterns: ({ patterns }) =>
    (patterns ?? []).map((p) =>
      positionsOf(p.position).map((position) => ({ filter: 'patterns' as const, tag: p.tag, position })),
    ),
  lucky: ({ lucky }) =>
    lucky === true
      ? [
          LUCKY_TAGS.flatMap((tag) =>
            MATCH_POSITIONS.map((position) => ({ filter: 'lucky' as const, tag, position })),
          ),
        ]
      : [],
};

/**
 * The ways each text filter of `query` can match, one group per filter in `TEXT_FILTERS`
 * order (each pattern filter a group of its own): `startsWith` and `endsWith` once; `mask`
 * once per reading (`expandMask`); `contains` and the keypad digits of `word` at each offset
 * of the 7 digits after 400; a pattern filter as its tag at each position it accepts (`any`:
 * tail and middle); `lucky` as every lucky tag at tail and middle. A number that passes the
 * query fits at least one placement of every group. Empty without a text filter.
 */
export function relevancePlacements(query: NumberQuery): RelevancePlacement[][] {
  return TEXT_FILTERS.flatMap((filter) => PLACEMENTS[filter](query));
}

/** Whether a number fits one placement: every fixed digit agrees, or it has the tag there. */
export function fitsPlacement(row: RelevanceRow, placement: RelevancePlacement): boolean {
  if (placement.tag !== undefined) return row.tags.includes(`${placement.position}:${placement.tag}`);
  const { digits } = placement;
  if (row.number.length !== digits.length) return false;
  for (let i = 0; i < digits.length; i++) if (digits[i] !== '?' && digits[i] !== row.number[i]) return false;
  return true;
}

/**
 * How well a number answers the text filters of `query`: `RELEVANCE_POINTS` for every
 * placement (`relevancePlacements`) it fits — 10 at the tail, 1 in the middle. More
 * occurrences score more, and so does a longer run of what was asked for (`contains=88` fits
 * `8888` three times). Filters that are not about digits or patterns score nothing, so
 * without a text filter every number scores 0.
 *
 * Sort `relevance` orders by this score (highest first), then by grade rank (best first) —
 * so without a text filter it is exactly `grade_desc` — then by fee and number ascending.
 */
export function relevanceScore(query: NumberQuery, row: RelevanceRow): number {
  return relevancePlacements(query)
    .flat()
    .filter((placement) => fitsPlacement(row, placement))
    .reduce((score, placement) => score + RELEVANCE_POINTS[placement.position], 0);
}
