import { classify, tryExpandMask, wordToDigits, type PatternMatch } from '@haoma/domain';
import type { SearchFilters } from './search-filters';

/** A piece of a displayed number: `hit` when its digits answer the search. */
export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

const WINDOW_START = 3;
const onlyDigits = (text: string) => text.replace(/\D/g, '');

function mark(hits: boolean[], start: number, end: number): void {
  for (let i = Math.max(0, start); i < Math.min(hits.length, end); i++) hits[i] = true;
}

function markAll(hits: boolean[], digits: string, needle: string, from: number): void {
  if (needle === '') return;
  for (let i = digits.indexOf(needle, from); i >= 0; i = digits.indexOf(needle, i + 1))
    mark(hits, i, i + needle.length);
}

// The literal digits of a mask, located with a regular expression whose groups are the
// literal runs (`d` flag: their indices). `?`/x is one digit, `*` any run.
function markMask(hits: boolean[], digits: string, mask: string): void {
  const glob = mask.replace(/[xX]/g, '?').replace(/[^0-9?*]/g, '');
  if (glob === '' || tryExpandMask(glob).ok === false) return;
  const source = glob.replace(/\d+|\?|\*/g, (part) =>
    part === '?' ? '\\d' : part === '*' ? '\\d*?' : `(${part})`,
  );
  const match = new RegExp(`^${source}$`, 'd').exec(digits);
  for (const [start, end] of match?.indices?.slice(1) ?? []) mark(hits, start, end);
}

function patternMatches(digits: string): PatternMatch[] {
  try {
    return classify(digits);
  } catch {
    return []; // not a canonical number: nothing to show
  }
}

/**
 * Which of the 10 digits answer the text filters of `filters`: the prefix, the suffix, each
 * occurrence of `contains` or the keypad word after 400, the literal digits of the mask,
 * and the span of the chosen pattern (from the same `classify` the API grades with).
 */
export function matchingDigits(digits: string, filters: SearchFilters): boolean[] {
  const hits = Array.from(digits, () => false);
  const startsWith = onlyDigits(filters.startsWith);
  if (startsWith !== '') {
    const prefix = startsWith.startsWith('400') ? startsWith : `400${startsWith}`;
    if (digits.startsWith(prefix)) mark(hits, 0, prefix.length);
  }
  const endsWith = onlyDigits(filters.endsWith);
  if (endsWith !== '' && digits.endsWith(endsWith))
    mark(hits, digits.length - endsWith.length, digits.length);
  markAll(hits, digits, onlyDigits(filters.contains), WINDOW_START);
  if (filters.word.trim() !== '') {
    const word = wordToDigits(filters.word);
    if (word.ok) markAll(hits, digits, word.digits, WINDOW_START);
  }
  if (filters.mask.trim() !== '') markMask(hits, digits, filters.mask);
  if (filters.pattern !== '') {
    for (const m of patternMatches(digits)) {
      const position = filters.patternPosition === 'any' || m.position === filters.patternPosition;
      if (m.tag === filters.pattern && position) mark(hits, m.start, m.end);
    }
  }
  return hits;
}

/**
 * Splits a display form (`400-820-8888`, `4008-208-888`) into runs of hit and plain
 * characters; separators take the state of the digit before them when both sides are hits,
 * so a highlighted 888-888 stays one piece.
 */
export function highlightSegments(display: string, hits: readonly boolean[]): Segment[] {
  const segments: Segment[] = [];
  let digit = 0;
  for (let i = 0; i < display.length; i++) {
    const ch = display[i] ?? '';
    let hit: boolean;
    if (/\d/.test(ch)) hit = hits[digit++] ?? false;
    else hit = (hits[digit - 1] ?? false) && (hits[digit] ?? false);
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) segments[segments.length - 1] = { text: last.text + ch, hit };
    else segments.push({ text: ch, hit });
  }
  return segments;
}
