// Structural shapes (runs, alternations, fixed shapes) of the scan window, written to the
// match buffer. Only the scanner uses this; classify() documents the rules.
import { dropContainedShapes, push, WINDOW_END, WINDOW_START } from './match-buffer';
import { patternTagIndex, type PatternTag } from './pattern-tags';

const END = WINDOW_END;
const tagIndex = (tag: PatternTag): number => patternTagIndex(tag);
const AAAAA_PLUS = tagIndex('AAAAA+');
const AAABBB = tagIndex('AAABBB');
const AABBCC = tagIndex('AABBCC');
const ABCABC = tagIndex('ABCABC');
const ABBABB = tagIndex('ABBABB');
const AABAA = tagIndex('AABAA');
const AAABB = tagIndex('AAABB');
const AABBB = tagIndex('AABBB');
const AAAA = tagIndex('AAAA');
const AABB = tagIndex('AABB');
const ABBA = tagIndex('ABBA');
const AAAB = tagIndex('AAAB');
const ABAB = tagIndex('ABAB');
const AAA = tagIndex('AAA');
const RISING = [tagIndex('ABC'), tagIndex('ABCD'), tagIndex('ABCDE+')] as const;
const FALLING = [tagIndex('CBA'), tagIndex('DCBA'), tagIndex('EDCBA+')] as const;

// Returns whether two neighbouring digits are equal anywhere in the window.
function scanEqualRuns(d: string): boolean {
  let pair = false;
  let i = WINDOW_START;
  while (i < END) {
    const a = d.charCodeAt(i);
    let j = i + 1;
    while (j < END && d.charCodeAt(j) === a) j++;
    const length = j - i;
    if (length >= 5) push(AAAAA_PLUS, i, j);
    else if (length === 4) push(AAAA, i, j);
    else if (length === 3) push(AAA, i, j);
    if (length > 1) pair = true;
    i = j;
  }
  return pair;
}

// Runs of consecutive digits (step +1 or -1, no wrap-around from 9 to 0), kept maximal.
function scanSteps(d: string, step: number, tags: readonly [number, number, number]): void {
  let i = WINDOW_START;
  while (i < END - 1) {
    if (d.charCodeAt(i + 1) - d.charCodeAt(i) !== step) {
      i++;
      continue;
    }
    let last = i + 1;
    while (last < END - 1 && d.charCodeAt(last + 1) - d.charCodeAt(last) === step) last++;
    const length = last - i + 1;
    if (length >= 3) push(tags[Math.min(length, 5) - 3] ?? -1, i, last + 1);
    i = last;
  }
}

// ABAB is reported as one maximal alternation (1212121 is one match, not three overlapping).
function scanAlternations(d: string): void {
  let i = WINDOW_START;
  while (i <= END - 4) {
    if (d.charCodeAt(i) === d.charCodeAt(i + 1)) {
      i++;
      continue;
    }
    let k = i + 2;
    while (k < END && d.charCodeAt(k) === d.charCodeAt(k - 2)) k++;
    if (k - i >= 4) {
      push(ABAB, i, k);
      // The last two digits of an alternation can start the next one (1212323).
      i = k - 1;
    } else i++;
  }
}

// Every fixed shape but ABCABC has two equal neighbours; about half of all numbers have
// none, and skipping them is the cheapest speed-up of the importer's hot loop.
function scanFixedShapes(d: string, pair: boolean): void {
  if (!pair) {
    for (let i = WINDOW_START; i + 6 <= END; i++) {
      const a = d.charCodeAt(i);
      const b = d.charCodeAt(i + 1);
      const c = d.charCodeAt(i + 2);
      if (a === d.charCodeAt(i + 3) && b === d.charCodeAt(i + 4) && c === d.charCodeAt(i + 5) && a !== c) {
        push(ABCABC, i, i + 6);
      }
    }
    return;
  }
  for (let i = WINDOW_START; i + 6 <= END; i++) {
    const a = d.charCodeAt(i);
    const b = d.charCodeAt(i + 1);
    const c = d.charCodeAt(i + 2);
    const e = d.charCodeAt(i + 3);
    const f = d.charCodeAt(i + 4);
    const g = d.charCodeAt(i + 5);
    if (a === b && b === c && e === f && f === g && a !== e) push(AAABBB, i, i + 6);
    if (a === b && c === e && f === g && a !== c && c !== f && a !== f) push(AABBCC, i, i + 6);
    if (a === e && b === f && c === g && a !== b && b !== c && a !== c) push(ABCABC, i, i + 6);
    if (b === c && a === e && b === f && b === g && a !== b) push(ABBABB, i, i + 6);
  }
  for (let i = WINDOW_START; i + 5 <= END; i++) {
    const a = d.charCodeAt(i);
    const b = d.charCodeAt(i + 1);
    const c = d.charCodeAt(i + 2);
    const e = d.charCodeAt(i + 3);
    const f = d.charCodeAt(i + 4);
    if (a === b && a === e && a === f && c !== a) push(AABAA, i, i + 5);
    if (a === b && b === c && e === f && a !== e) push(AAABB, i, i + 5);
    if (a === b && c === e && e === f && a !== c) push(AABBB, i, i + 5);
  }
  for (let i = WINDOW_START; i + 4 <= END; i++) {
    const a = d.charCodeAt(i);
    const b = d.charCodeAt(i + 1);
    const c = d.charCodeAt(i + 2);
    const e = d.charCodeAt(i + 3);
    if (a === b && c === e && a !== c) push(AABB, i, i + 4);
    if (b === c && a === e && a !== b) push(ABBA, i, i + 4);
  }
  // AAAB is the tail shape 8889: in the middle any AAA is followed by another digit, so
  // there it says no more than AAA. It is exactly three: after AAAA the run says it all.
  const i = END - 4;
  const a = d.charCodeAt(i);
  if (
    a === d.charCodeAt(i + 1) &&
    a === d.charCodeAt(i + 2) &&
    a !== d.charCodeAt(i + 3) &&
    a !== d.charCodeAt(i - 1)
  ) {
    push(AAAB, i, END);
  }
}

/** Writes the shapes of a canonical number to the match buffer, contained ones dropped. */
export function scanShapes(d: string): void {
  const pair = scanEqualRuns(d);
  scanSteps(d, 1, RISING);
  scanSteps(d, -1, FALLING);
  scanAlternations(d);
  scanFixedShapes(d, pair);
  dropContainedShapes();
}
