import { testBit } from './bitset';
import type { CompiledQuery } from './compiled-query';
import { DIGIT_WEIGHTS, WINDOW_DIGITS } from './index-row';
import type { IndexSegment } from './index-segment';

/**
 * Where the candidates of an enumeration come from: the query's templates (mask,
 * startsWith, endsWith), or one of its substrings (contains, word) at each offset.
 */
export interface Generator {
  /** Candidates are the windows matching one of these; a later one skips earlier matches. */
  readonly templates: readonly Int8Array[];
  readonly candidates: number;
}

// Digits a free position may take: the block digits first, digits not excluded elsewhere.
function choices(query: CompiledQuery, segment: IndexSegment, p: number): number {
  const allowed = 0x3ff & ~query.excludedDigits;
  return p === 0 ? allowed & query.blockDigits & segment.blockDigits : allowed;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

function countOf(templates: readonly Int8Array[], query: CompiledQuery, segment: IndexSegment): number {
  let total = 0;
  for (const template of templates) {
    let count = 1;
    template.forEach((d, p) => (count *= d === -1 ? bitCount(choices(query, segment, p)) : 1));
    total += count;
  }
  return total;
}

function placed(substring: Int8Array): Int8Array[] {
  const templates: Int8Array[] = [];
  for (let start = 0; start + substring.length <= WINDOW_DIGITS; start++) {
    const template = new Int8Array(WINDOW_DIGITS).fill(-1);
    template.set(substring, start);
    templates.push(template);
  }
  return templates;
}

/** The generator with the fewest candidates, or undefined when no digit is pinned. */
export function cheapestGenerator(query: CompiledQuery, segment: IndexSegment): Generator | undefined {
  const options = [...(query.templates ? [query.templates] : []), ...query.substrings.map(placed)];
  let best: Generator | undefined;
  for (const templates of options) {
    const candidates = countOf(templates, query, segment);
    if (best === undefined || candidates < best.candidates) best = { templates, candidates };
  }
  return best;
}

function matches(template: Int8Array, digits: Int8Array): boolean {
  for (let p = 0; p < WINDOW_DIGITS; p++) {
    const d = template[p] ?? -1;
    if (d !== -1 && d !== digits[p]) return false;
  }
  return true;
}

function occurs(substring: Int8Array, digits: Int8Array): boolean {
  const length = substring.length;
  for (let start = 0; start + length <= WINDOW_DIGITS; start++) {
    let k = 0;
    while (k < length && digits[start + k] === substring[k]) k++;
    if (k === length) return true;
  }
  return false;
}

// Whether a window passes the query's digit filters (the generator's own included): plain
// loops, as this runs once per candidate.
function digitsPass(query: CompiledQuery, digits: Int8Array): boolean {
  if ((query.blockDigits & (1 << (digits[0] ?? 0))) === 0) return false;
  for (let p = 0; p < WINDOW_DIGITS; p++)
    if ((query.excludedDigits & (1 << (digits[p] ?? 0))) !== 0) return false;
  const { templates, substrings } = query;
  if (templates !== undefined) {
    let any = false;
    for (let t = 0; t < templates.length && !any; t++) any = matches(templates[t] as Int8Array, digits);
    if (!any) return false;
  }
  for (let s = 0; s < substrings.length; s++) if (!occurs(substrings[s] as Int8Array, digits)) return false;
  return true;
}

// Whether the row at a position passes the non-digit filters; fee is the caller's range.
function rowPasses(segment: IndexSegment, query: CompiledQuery, position: number): boolean {
  const { availableBits, grades, slotBits } = segment.data;
  if (!testBit(availableBits, position)) return false;
  if ((query.grades & (1 << (grades[position] ?? 0))) === 0) return false;
  for (const slots of query.tagClauses) {
    let any = false;
    for (let i = 0; i < slots.length && !any; i++)
      any = testBit(slotBits[slots[i] ?? 0] as Int32Array, position);
    if (!any) return false;
  }
  return true;
}

/**
 * Every position in [from, to) whose row passes all filters, found by generating the
 * windows the generator allows and looking each up; unordered.
 */
export function enumerate(
  segment: IndexSegment,
  query: CompiledQuery,
  generator: Generator,
  from: number,
  to: number,
): number[] {
  const found: number[] = [];
  const digits = new Int8Array(WINDOW_DIGITS);
  generator.templates.forEach((template, index) => {
    const free = [...template.keys()].filter((p) => template[p] === -1);
    const options = free.map((p) => {
      const bits = choices(query, segment, p);
      return [...Array(10).keys()].filter((d) => (bits & (1 << d)) !== 0);
    });
    if (options.some((o) => o.length === 0)) return;
    digits.set(template);
    const counters = new Int8Array(free.length);
    free.forEach((p, i) => (digits[p] = options[i]?.[0] ?? 0));
    for (;;) {
      let earlier = false;
      for (let t = 0; t < index && !earlier; t++)
        earlier = matches(generator.templates[t] as Int8Array, digits);
      if (!earlier && digitsPass(query, digits)) {
        let window = 0;
        for (let p = 0; p < WINDOW_DIGITS; p++) window += (digits[p] ?? 0) * (DIGIT_WEIGHTS[p] ?? 0);
        const position = segment.positionOf(window);
        if (position >= from && position < to && rowPasses(segment, query, position)) found.push(position);
      }
      // Odometer over the free positions, last one fastest.
      let i = free.length - 1;
      for (; i >= 0; i--) {
        const next = (counters[i] ?? 0) + 1;
        const option = options[i] ?? [];
        if (next < option.length) {
          counters[i] = next;
          digits[free[i] ?? 0] = option[next] ?? 0;
          break;
        }
        counters[i] = 0;
        digits[free[i] ?? 0] = option[0] ?? 0;
      }
      if (i < 0) break;
    }
  });
  return found;
}
