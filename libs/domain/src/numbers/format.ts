import { classify } from './classify';
import { isCanonicalNumber } from './parse';
import { DEFAULT_PATTERN_CONFIG, patternTagIndex, tagKind, type PatternConfig } from './pattern-tags';

/** How the 10 digits are split for display. `3-3-4` is the default. */
export const GROUPINGS = ['3-3-4', '4-3-3', '3-4-3'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Group lengths of each grouping (data: display conventions, not logic). */
export const GROUP_LENGTHS: Readonly<Record<Grouping, readonly number[]>> = {
  '3-3-4': [3, 3, 4],
  '4-3-3': [4, 3, 3],
  '3-4-3': [3, 4, 3],
};

/**
 * Formats canonical digits for display: `3-3-4` → `400-123-4567`, `4-3-3` → `4001-234-567`,
 * `3-4-3` → `400-1234-567`. Input that is not canonical is returned unchanged, so display
 * code never throws on odd data.
 */
export function formatNumber(digits: string, grouping: Grouping = '3-3-4', separator = '-'): string {
  if (!isCanonicalNumber(digits)) return digits;
  const [first = 3, second = 3] = GROUP_LENGTHS[grouping];
  return (
    digits.slice(0, first) +
    separator +
    digits.slice(first, first + second) +
    separator +
    digits.slice(first + second)
  );
}

// Indexes where a grouping puts a separator.
function cuts(grouping: Grouping): [number, number] {
  const [first = 3, second = 3] = GROUP_LENGTHS[grouping];
  return [first, first + second];
}

// Tag indexes (lower = more valuable) of the matches a grouping shows whole, best first. A
// match is shown whole when no separator falls strictly inside it: it fits in one group or
// covers whole groups (888888 as 888-888 reads fine).
function shownWhole(grouping: Grouping, spans: readonly (readonly [number, number, number])[]): number[] {
  const [cut1, cut2] = cuts(grouping);
  return spans
    .filter(([, start, end]) => !(start < cut1 && cut1 < end) && !(start < cut2 && cut2 < end))
    .map(([tag]) => tag)
    .sort((a, b) => a - b);
}

// Lexicographic on value: the grouping showing the more valuable match wins; if equal,
// compare the next one; showing more matches beats showing a prefix of them.
function compareShown(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return b.length - a.length;
}

/**
 * Picks the grouping that shows the number's pattern off best. Only shapes and groups count
 * (lucky-digit and HAS4 matches are scattered digits no grouping can show). Groupings are
 * compared by the matches they show whole — no separator inside — most valuable first; a
 * tie goes to the earlier of `3-3-4`, `4-3-3`, `3-4-3`. So `4009292888` → `3-4-3`
 * (400-9292-888 keeps ABAB 9292 and 888 whole), `4000887322` (no pattern) → `3-3-4`.
 */
export function bestGrouping(digits: string, config: PatternConfig = DEFAULT_PATTERN_CONFIG): Grouping {
  if (!isCanonicalNumber(digits)) return '3-3-4';
  const spans = classify(digits, config)
    .filter((match) => tagKind(match.tag) !== 'digitCount')
    .map((match) => [patternTagIndex(match.tag), match.start, match.end] as const);
  let best: Grouping = '3-3-4';
  let bestShown = shownWhole(best, spans);
  for (const grouping of GROUPINGS) {
    const shown = shownWhole(grouping, spans);
    if (compareShown(shown, bestShown) < 0) {
      best = grouping;
      bestShown = shown;
    }
  }
  return best;
}
