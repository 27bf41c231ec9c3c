import { keyEnd, keyStart, keyTag, scannedKey, tagAt, WINDOW_END } from './match-buffer';
import { scanPatterns } from './pattern-scan';
import { DEFAULT_PATTERN_CONFIG, type PatternConfig, type PatternMatch } from './pattern-tags';

export { WINDOW_END, WINDOW_START } from './match-buffer';

/**
 * Finds the vanity patterns of a canonical number in its window: the 7 digits after `400`
 * (indexes 3..9), the block's fourth digit included, since 4008-888-888 reads as
 * "400 8888888". A match is `tail` when it ends with the last digit, else `middle`.
 *
 * - Runs are maximal: 888888 is one `AAAAA+`, 12345 one `ABCDE+`, 1212121 one `ABAB`.
 * - Fixed shapes are exact (letters are distinct digits). `AAAB` is a tail shape (8889)
 *   with exactly three A: in the middle, AAA followed by another digit is just `AAA`.
 * - A shape lying wholly inside a more valuable shape is dropped (AAA inside AAABB, AABB
 *   inside AABBCC); shapes that only overlap are all kept (1111222 is middle AAAA and
 *   tail AAABBB), since a seller could advertise either reading.
 * - Groups (`G520`…, overlapping occurrences merged into one match) and digit counts
 *   (`LUCKY8`… at 3 or more, `HAS4` at 1 or more not counting the 4 of a group like 1314;
 *   a match spans the digit's first to last counted occurrence) come from `config` and
 *   are independent of the shapes.
 *
 * Matches are ordered by value (the order of `PATTERN_TAGS`), then start, then end.
 * @throws RangeError when `digits` is not canonical (10 ASCII digits starting `400`).
 */
export function classify(digits: string, config: PatternConfig = DEFAULT_PATTERN_CONFIG): PatternMatch[] {
  const count = scanPatterns(digits, config);
  const matches: PatternMatch[] = [];
  for (let i = 0; i < count; i++) {
    const key = scannedKey(i);
    const start = keyStart(key);
    const end = keyEnd(key);
    matches.push({
      tag: tagAt(keyTag(key)),
      position: end === WINDOW_END ? 'tail' : 'middle',
      start,
      end,
      digits: digits.slice(start, end),
    });
  }
  return matches;
}
