import { GRADE_CODES } from '@haoma/domain';
import { newBitset, setBit, testBit } from './bitset';
import { numberOfWindow, WINDOW_DIGITS, WINDOW_SPACE, type PackedRow } from './index-row';
import { IndexSegment, isLucky } from './index-segment';
import { SLOT_COUNT } from './tag-slots';

/** From this many rows on, a segment maps numbers to positions with one 40 MB array. */
export const DENSE_LOOKUP_FROM = 65_536;

/**
 * Collects packed rows in arrival order (growing typed arrays, no object per row) and
 * builds a segment: rows ordered by (fee, number), then one bitset per window digit, tag
 * slot and grade, plus lucky and available.
 */
export class SegmentBuilder {
  private count = 0;
  private windows = new Int32Array(1024);
  private fees = new Int32Array(1024);
  private grades = new Uint8Array(1024);
  private tagLow = new Int32Array(1024);
  private tagHigh = new Int32Array(1024);
  private available = new Uint8Array(1024);
  private readonly seen = newBitset(WINDOW_SPACE);

  get size(): number {
    return this.count;
  }

  /** @throws RangeError when the number was added before. */
  add(row: PackedRow): void {
    if (testBit(this.seen, row.window)) {
      throw new RangeError(`${numberOfWindow(row.window)} is listed twice`);
    }
    setBit(this.seen, row.window);
    if (this.count === this.windows.length) this.grow();
    const i = this.count++;
    this.windows[i] = row.window;
    this.fees[i] = row.fee;
    this.grades[i] = row.grade;
    this.tagLow[i] = row.tagLow;
    this.tagHigh[i] = row.tagHigh;
    this.available[i] = row.available ? 1 : 0;
  }

  private grow(): void {
    const grown = <T extends Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(array.length * 2);
      next.set(array);
      return next;
    };
    this.windows = grown(this.windows, (n) => new Int32Array(n));
    this.fees = grown(this.fees, (n) => new Int32Array(n));
    this.grades = grown(this.grades, (n) => new Uint8Array(n));
    this.tagLow = grown(this.tagLow, (n) => new Int32Array(n));
    this.tagHigh = grown(this.tagHigh, (n) => new Int32Array(n));
    this.available = grown(this.available, (n) => new Uint8Array(n));
  }

  /** Builds the segment; `dense` forces (or forbids) the whole-space lookup array. */
  build(dense = this.count >= DENSE_LOOKUP_FROM): IndexSegment {
    const n = this.count;
    const lookup = dense ? new Int32Array(WINDOW_SPACE).fill(-1) : new Map<number, number>();
    const order = dense ? this.countingOrder(lookup as Int32Array) : this.comparisonOrder();
    const windows = new Int32Array(n);
    const fees = new Int32Array(n);
    const grades = new Uint8Array(n);
    const digitBits = Array.from({ length: WINDOW_DIGITS * 10 }, () => newBitset(n));
    const slotBits = Array.from({ length: SLOT_COUNT }, () => newBitset(n));
    const gradeBits = GRADE_CODES.map(() => newBitset(n));
    const luckyBits = newBitset(n);
    const availableBits = newBitset(n);
    for (let p = 0; p < n; p++) {
      const i = order[p] ?? 0;
      const window = this.windows[i] ?? 0;
      const low = this.tagLow[i] ?? 0;
      const high = this.tagHigh[i] ?? 0;
      windows[p] = window;
      fees[p] = this.fees[i] ?? 0;
      grades[p] = this.grades[i] ?? 0;
      if (lookup instanceof Map) lookup.set(window, p);
      else lookup[window] = p;
      const word = p >>> 5;
      const bit = 1 << (p & 31);
      let rest = window;
      for (let digit = WINDOW_DIGITS - 1; digit >= 0; digit--) {
        const d = rest % 10;
        rest = (rest - d) / 10;
        const bits = digitBits[digit * 10 + d] as Int32Array;
        bits[word] = (bits[word] ?? 0) | bit;
      }
      for (let slot = 0; slot < SLOT_COUNT; slot++) {
        if (((slot < 32 ? low : high) & (1 << (slot & 31))) === 0) continue;
        const bits = slotBits[slot] as Int32Array;
        bits[word] = (bits[word] ?? 0) | bit;
      }
      const gradeSet = gradeBits[grades[p] ?? 0] as Int32Array;
      gradeSet[word] = (gradeSet[word] ?? 0) | bit;
      if (isLucky(low, high)) luckyBits[word] = (luckyBits[word] ?? 0) | bit;
      if (this.available[i] === 1) availableBits[word] = (availableBits[word] ?? 0) | bit;
    }
    return new IndexSegment({
      windows,
      fees,
      grades,
      digitBits,
      slotBits,
      gradeBits,
      luckyBits,
      availableBits,
      lookup,
    });
  }

  private comparisonOrder(): Int32Array {
    const { fees, windows } = this;
    const order = Int32Array.from({ length: this.count }, (_, i) => i);
    return order.sort((a, b) => (fees[a] ?? 0) - (fees[b] ?? 0) || (windows[a] ?? 0) - (windows[b] ?? 0));
  }

  // Counting sort: walk the 400 space in number order and drop each row into its fee's
  // bucket. O(10^7 + n) and no comparisons: ~6M rows order in well under a second.
  private countingOrder(byWindow: Int32Array): Int32Array {
    const n = this.count;
    for (let i = 0; i < n; i++) byWindow[this.windows[i] ?? 0] = i;
    const distinct = Float64Array.from(new Set(this.fees.subarray(0, n))).sort();
    const rankOf = new Map<number, number>();
    distinct.forEach((fee, rank) => rankOf.set(fee, rank));
    const feeRank = new Int32Array(n);
    const next = new Int32Array(distinct.length + 1);
    for (let i = 0; i < n; i++) {
      const rank = rankOf.get(this.fees[i] ?? 0) ?? 0;
      feeRank[i] = rank;
      next[rank + 1] = (next[rank + 1] ?? 0) + 1;
    }
    for (let r = 1; r < next.length; r++) next[r] = (next[r] ?? 0) + (next[r - 1] ?? 0);
    const order = new Int32Array(n);
    for (let window = 0; window < WINDOW_SPACE; window++) {
      const i = byWindow[window] ?? -1;
      if (i < 0) continue;
      const rank = feeRank[i] ?? 0;
      order[next[rank] ?? 0] = i;
      next[rank] = (next[rank] ?? 0) + 1;
    }
    return order;
  }
}
