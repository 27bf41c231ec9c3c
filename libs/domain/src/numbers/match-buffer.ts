// The buffer the scanners write matches into, kept out of the barrel. Matches are packed
// ints (tag << 8 | start << 4 | end) in one reused array: the importer classifies millions
// of numbers, and sorting packed ints orders by value, then start, then end for free.
import { NUMBER_LENGTH } from './parse';
import { PATTERN_TAGS, type PatternTag } from './pattern-tags';

/**
 * First index of the scan window. The window is the 7 digits after `400`, the block's
 * fourth digit included, because 4008-888-888 reads as "400 8888888".
 */
export const WINDOW_START = 3;
/** End (exclusive) of the scan window: the number's end. */
export const WINDOW_END = NUMBER_LENGTH;

// 64 is above the most candidates 7 digits can produce.
const MAX_CANDIDATES = 64;
const keys = new Int32Array(MAX_CANDIDATES);
let count = 0;

export function push(tag: number, start: number, end: number): void {
  if (count < MAX_CANDIDATES) keys[count++] = (tag << 8) | (start << 4) | end;
}

export const keyTag = (key: number): number => key >> 8;
export const keyStart = (key: number): number => (key >> 4) & 15;
export const keyEnd = (key: number): number => key & 15;

/** The tag at an index of PATTERN_TAGS. */
export function tagAt(index: number): PatternTag {
  const tag = PATTERN_TAGS[index];
  if (tag === undefined) throw new Error(`no pattern tag at index ${index}`);
  return tag;
}

/** Empties the buffer before a scan. */
export function resetMatches(): void {
  count = 0;
}

/** How many matches the buffer holds. */
export function matchCount(): number {
  return count;
}

/** The i-th packed match of the last scan. */
export function scannedKey(i: number): number {
  return keys[i] ?? 0;
}

// A seller advertises the most valuable reading of a stretch of digits, so a shape lying
// wholly inside a more valuable shape is dropped (AAA inside AAABB, AABB inside AABBCC).
// Shapes that only overlap are both kept: 1111222 is AAAA in the middle and AAABBB at the tail.
export function dropContainedShapes(): void {
  let kept = 0;
  for (let x = 0; x < count; x++) {
    const key = keys[x] ?? 0;
    let contained = false;
    for (let y = 0; y < count && !contained; y++) {
      const other = keys[y] ?? 0;
      contained =
        keyTag(other) < keyTag(key) && keyStart(other) <= keyStart(key) && keyEnd(key) <= keyEnd(other);
    }
    if (!contained) keys[kept++] = key;
  }
  count = kept;
}

export function sortKeys(): void {
  for (let i = 1; i < count; i++) {
    const key = keys[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (keys[j] ?? 0) > key) {
      keys[j + 1] = keys[j] ?? 0;
      j--;
    }
    keys[j + 1] = key;
  }
}
