import { bitsAt } from './bitset';
import type { CompiledQuery } from './compiled-query';
import { ALL_GRADES } from './compiled-query';
import type { IndexSegment } from './index-segment';

/**
 * One condition over 32 positions at a time: the OR of products, each product the AND of
 * some bitsets; `negate` turns it into "none of the products".
 */
export interface Clause {
  readonly products: readonly (readonly Int32Array[])[];
  readonly negate: boolean;
}

const anyOf = (bitsets: readonly Int32Array[]): Clause => ({
  products: bitsets.map((b) => [b]),
  negate: false,
});

/** The query's filters as clauses over a segment's bitsets, most selective kinds first. */
export function bindClauses(segment: IndexSegment, query: CompiledQuery): Clause[] {
  const { digitBits, slotBits, gradeBits } = segment.data;
  const digit = (p: number, d: number): Int32Array => bitsAt(digitBits, p * 10 + d);
  const clauses: Clause[] = query.tagClauses.map((slots) => anyOf(slots.map((s) => bitsAt(slotBits, s))));
  if (query.grades !== ALL_GRADES) {
    const grades = gradeBits.filter((_, g) => (query.grades & (1 << g)) !== 0);
    clauses.push(anyOf(grades));
  }
  if (query.templates !== undefined) {
    const products = query.templates.map((t) => [...t].flatMap((d, p) => (d === -1 ? [] : [digit(p, d)])));
    clauses.push({ products, negate: false });
  }
  for (const substring of query.substrings) {
    const products: Int32Array[][] = [];
    for (let start = 0; start + substring.length <= 7; start++) {
      products.push([...substring].map((d, k) => digit(start + k, d)));
    }
    clauses.push({ products, negate: false });
  }
  const blocks = query.blockDigits & segment.blockDigits;
  if (blocks !== segment.blockDigits) {
    const allowed = [...Array(10).keys()].filter((d) => (blocks & (1 << d)) !== 0);
    clauses.push(anyOf(allowed.map((d) => digit(0, d))));
  }
  if (query.excludedDigits !== 0) {
    const excluded = [...Array(10).keys()].filter((d) => (query.excludedDigits & (1 << d)) !== 0);
    const bitsets = [...Array(7).keys()].flatMap((p) => excluded.map((d) => digit(p, d)));
    clauses.push({ products: bitsets.map((b) => [b]), negate: true });
  }
  return clauses;
}

/** The positions among `candidates` (bits of word `w`) that pass every clause. */
export function evaluate(clauses: readonly Clause[], w: number, candidates: number): number {
  let acc = candidates;
  for (let c = 0; c < clauses.length && acc !== 0; c++) {
    const { products, negate } = clauses[c] as Clause;
    let any = 0;
    for (let i = 0; i < products.length && any !== acc; i++) {
      const product = products[i] as readonly Int32Array[];
      let all = acc;
      for (let j = 0; j < product.length && all !== 0; j++) all &= (product[j] as Int32Array)[w] ?? 0;
      any |= all;
    }
    acc = negate ? acc & ~any : any;
  }
  return acc;
}

/** Why a scan stopped: it found what was needed or reached the end, or ran out of budget. */
export type ScanResult = 'done' | 'over-budget';

/** A scan's allowance in words, shared by the ranges of one search. */
export interface ScanBudget {
  words: number;
}

/**
 * Appends to `out` the available positions of [from, to) that pass `clauses`, ascending
 * (or descending when `backward`), until `out` holds `need`.
 */
export function scanRange(
  segment: IndexSegment,
  clauses: readonly Clause[],
  from: number,
  to: number,
  backward: boolean,
  need: number,
  out: number[],
  budget: ScanBudget,
): ScanResult {
  if (from >= to || out.length >= need) return 'done';
  if (budget.words <= 0) return 'over-budget';
  const available = segment.data.availableBits;
  const first = from >>> 5;
  const last = (to - 1) >>> 5;
  const words = last - first + 1;
  for (let k = 0; k < words; k++) {
    if ((k & 255) === 255 && (budget.words -= 256) <= 0) return 'over-budget';
    const w = backward ? last - k : first + k;
    let acc = available[w] ?? 0;
    if (w === first) acc &= -1 << (from & 31);
    if (w === last && (to & 31) !== 0) acc &= (1 << (to & 31)) - 1;
    if (acc === 0) continue;
    acc = evaluate(clauses, w, acc);
    while (acc !== 0) {
      const bit = backward ? 31 - Math.clz32(acc) : 31 - Math.clz32(acc & -acc);
      out.push((w << 5) + bit);
      if (out.length >= need) return 'done';
      acc &= ~(1 << bit);
    }
  }
  budget.words -= words & 255;
  return 'done';
}
