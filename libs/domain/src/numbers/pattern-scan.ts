// The scanner behind classify() and appraise(), kept out of the barrel: shapes, then the
// groups and digit counts of the pattern config, into the shared match buffer.
import { matchCount, push, resetMatches, sortKeys, WINDOW_END, WINDOW_START } from './match-buffer';
import { isCanonicalNumber } from './parse';
import { patternTagIndex, type PatternConfig } from './pattern-tags';
import { scanShapes } from './shape-scan';

const END = WINDOW_END;
const CODE_0 = 48;

// Config entries with their tag index resolved once per config object, not per number.
interface CompiledConfig {
  readonly groups: readonly { readonly index: number; readonly group: string; readonly first: number }[];
  readonly digitCounts: readonly {
    readonly index: number;
    readonly value: number;
    readonly minCount: number;
    readonly exceptInGroups: boolean;
  }[];
}
const compiledConfigs = new WeakMap<PatternConfig, CompiledConfig>();

function compileConfig(config: PatternConfig): CompiledConfig {
  let compiled = compiledConfigs.get(config);
  if (compiled === undefined) {
    // Entries with an unknown tag or an unusable digit/group are ignored rather than
    // failing every number: the config is data and may come from an admin screen.
    compiled = {
      groups: config.groups
        .map(({ tag, group }) => ({ index: patternTagIndex(tag), group, first: group.charCodeAt(0) }))
        .filter(({ index, group }) => index >= 0 && group.length > 0 && group.length <= END - WINDOW_START),
      digitCounts: config.digitCounts
        .filter(({ digit }) => /^[0-9]$/.test(digit))
        .map(({ tag, digit, minCount, exceptInGroups }) => ({
          index: patternTagIndex(tag),
          value: digit.charCodeAt(0) - CODE_0,
          minCount,
          exceptInGroups,
        }))
        .filter(({ index }) => index >= 0),
    };
    compiledConfigs.set(config, compiled);
  }
  return compiled;
}

// Bit i set when digit i lies in a group match, for digit counts that skip group digits.
let groupCover = 0;

// Overlapping occurrences of one group merge into a single match (88888 is one G888);
// adjacent ones stay separate (520520 is two G520).
function scanGroups(d: string, config: CompiledConfig): void {
  groupCover = 0;
  for (const { index, group, first } of config.groups) {
    const length = group.length;
    let start = -1;
    let end = -1;
    for (let i = WINDOW_START; i + length <= END; i++) {
      if (d.charCodeAt(i) !== first || !d.startsWith(group, i)) continue;
      groupCover |= ((1 << length) - 1) << i;
      if (start >= 0 && i < end) end = i + length;
      else {
        if (start >= 0) push(index, start, end);
        start = i;
        end = i + length;
      }
    }
    if (start >= 0) push(index, start, end);
  }
}

// Per digit value: occurrences, first and last index in the window, counted once over all
// digits and once over the digits outside group matches. Reused between numbers.
const seenAll = new Int8Array(10);
const firstAll = new Int8Array(10);
const lastAll = new Int8Array(10);
const seenOutside = new Int8Array(10);
const firstOutside = new Int8Array(10);
const lastOutside = new Int8Array(10);

// A digit-count match spans from the digit's first to its last counted occurrence, so it
// is `tail` exactly when the number ends in that digit.
function scanDigitCounts(d: string, config: CompiledConfig): void {
  // Most numbers have no group, and then the second count would equal the first.
  const outside = groupCover === 0 ? null : seenOutside;
  seenAll.fill(0);
  outside?.fill(0);
  for (let i = END - 1; i >= WINDOW_START; i--) {
    const value = d.charCodeAt(i) - CODE_0;
    if (seenAll[value] === 0) lastAll[value] = i;
    firstAll[value] = i;
    seenAll[value] = (seenAll[value] ?? 0) + 1;
    if (outside === null || (groupCover & (1 << i)) !== 0) continue;
    if (seenOutside[value] === 0) lastOutside[value] = i;
    firstOutside[value] = i;
    seenOutside[value] = (seenOutside[value] ?? 0) + 1;
  }
  for (const { index, value, minCount, exceptInGroups } of config.digitCounts) {
    const skipGroups = exceptInGroups && outside !== null;
    const seen = (skipGroups ? seenOutside : seenAll)[value] ?? 0;
    if (seen === 0 || seen < minCount) continue;
    const first = (skipGroups ? firstOutside : firstAll)[value] ?? 0;
    const last = (skipGroups ? lastOutside : lastAll)[value] ?? 0;
    push(index, first, last + 1);
  }
}

/**
 * Scans a canonical number and leaves its matches in the shared buffer, sorted by tag
 * index, start, end; returns how many. Read them with `scannedKey` before the next scan.
 * @throws RangeError when `digits` is not canonical.
 */
export function scanPatterns(digits: string, config: PatternConfig): number {
  if (!isCanonicalNumber(digits)) {
    throw new RangeError(`expected 10 digits starting 400, got ${JSON.stringify(digits)}`);
  }
  const compiled = compileConfig(config);
  resetMatches();
  scanShapes(digits);
  scanGroups(digits, compiled);
  scanDigitCounts(digits, compiled);
  sortKeys();
  return matchCount();
}
