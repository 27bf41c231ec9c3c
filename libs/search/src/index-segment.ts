import { GRADE_CODES } from '@haoma/domain';
import { bitsAt, clearBit, countBits, setBit, testBit } from './bitset';
import { numberOfWindow, type IndexedNumber, type PackedRow } from './index-row';
import { hasSlot, LUCKY_SLOTS, SLOT_COUNT, SLOTS_IN_KEY_ORDER, slotKey } from './tag-slots';

/** The arrays of a segment, all indexed by position (rows in (fee, number) order). */
export interface SegmentData {
  readonly windows: Int32Array;
  readonly fees: Int32Array;
  readonly grades: Uint8Array;
  /** Bitset per (window digit p, digit d) at `p * 10 + d`. */
  readonly digitBits: readonly Int32Array[];
  readonly slotBits: readonly Int32Array[];
  readonly gradeBits: readonly Int32Array[];
  readonly luckyBits: Int32Array;
  readonly availableBits: Int32Array;
  /** Window → position: dense over the whole 400 space, or a map for small segments. */
  readonly lookup: Int32Array | Map<number, number>;
}

/** Fees are few (one per grade by default); past this many the scan does not split by fee. */
export const MAX_FEE_RUNS = 256;

const luckyLow = LUCKY_SLOTS.reduce((bits, s) => (s < 32 ? bits | (1 << s) : bits), 0);
const luckyHigh = LUCKY_SLOTS.reduce((bits, s) => (s >= 32 ? bits | (1 << (s - 32)) : bits), 0);

/** Whether packed tag words include a lucky tag. */
export const isLucky = (tagLow: number, tagHigh: number): boolean =>
  (tagLow & luckyLow) !== 0 || (tagHigh & luckyHigh) !== 0;

/**
 * Rows in a fixed order with bitsets over their positions. The order never changes after
 * the build; availability, grade and tags of a row may, and a row may be retired (its
 * number then maps to no position and it is never available again).
 */
export class IndexSegment {
  readonly size: number;
  liveCount: number;
  availableCount = 0;
  /** First and last position of each grade (by GRADE_CODES index), -1 when none. */
  readonly gradeFirst = new Int32Array(GRADE_CODES.length).fill(-1);
  readonly gradeLast = new Int32Array(GRADE_CODES.length).fill(-1);
  /** Bit d set when some row's window starts with digit d (its block is 400d). */
  readonly blockDigits: number;
  /** Start of each run of equal fees, when there are at most MAX_FEE_RUNS of them. */
  readonly feeRuns: Int32Array | undefined;
  readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number> | undefined;

  constructor(readonly data: SegmentData) {
    this.size = data.windows.length;
    this.liveCount = this.size;
    this.dense = data.lookup instanceof Int32Array ? data.lookup : undefined;
    this.sparse = data.lookup instanceof Map ? data.lookup : undefined;
    this.availableCount = countBits(data.availableBits);
    for (let p = 0; p < this.size; p++) {
      const grade = data.grades[p] ?? 0;
      if (this.gradeFirst[grade] === -1) this.gradeFirst[grade] = p;
      this.gradeLast[grade] = p;
    }
    let blockDigits = 0;
    for (let d = 0; d < 10; d++) {
      if (bitsAt(data.digitBits, d).some((word) => word !== 0)) blockDigits |= 1 << d;
    }
    this.blockDigits = blockDigits;
    const runs: number[] = [];
    for (let p = 0; p < this.size && runs.length <= MAX_FEE_RUNS; p++) {
      if (p === 0 || data.fees[p] !== data.fees[p - 1]) runs.push(p);
    }
    this.feeRuns = runs.length <= MAX_FEE_RUNS ? Int32Array.from(runs) : undefined;
  }

  /** Position of a live row, or -1. */
  positionOf(window: number): number {
    return this.dense !== undefined ? (this.dense[window] ?? -1) : (this.sparse?.get(window) ?? -1);
  }

  isAvailableAt(position: number): boolean {
    return testBit(this.data.availableBits, position);
  }

  setAvailableAt(position: number, available: boolean): void {
    if (this.isAvailableAt(position) === available) return;
    if (available) setBit(this.data.availableBits, position);
    else clearBit(this.data.availableBits, position);
    this.availableCount += available ? 1 : -1;
  }

  /** Takes a row out for good: its number now lives elsewhere or nowhere. */
  retire(position: number): void {
    const window = this.data.windows[position] ?? -1;
    if (this.positionOf(window) !== position) return;
    this.setAvailableAt(position, false);
    if (this.dense !== undefined) this.dense[window] = -1;
    else this.sparse?.delete(window);
    this.liveCount--;
  }

  /** Changes what may change in place: grade, tags, availability (the fee fixes the position). */
  update(position: number, row: PackedRow): void {
    const { grades, gradeBits, slotBits, luckyBits } = this.data;
    const old = grades[position] ?? 0;
    clearBit(bitsAt(gradeBits, old), position);
    setBit(bitsAt(gradeBits, row.grade), position);
    grades[position] = row.grade;
    const first = this.gradeFirst[row.grade] ?? -1;
    if (first === -1 || position < first) this.gradeFirst[row.grade] = position;
    if (position > (this.gradeLast[row.grade] ?? -1)) this.gradeLast[row.grade] = position;
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const bits = bitsAt(slotBits, slot);
      if (hasSlot(row.tagLow, row.tagHigh, slot)) setBit(bits, position);
      else clearBit(bits, position);
    }
    if (isLucky(row.tagLow, row.tagHigh)) setBit(luckyBits, position);
    else clearBit(luckyBits, position);
    this.setAvailableAt(position, row.available);
  }

  /** First position whose (fee, window) is at least the given key (`inclusive`) or above it. */
  boundOf(fee: number, window: number, inclusive: boolean): number {
    const { fees, windows } = this.data;
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const f = fees[mid] ?? 0;
      const w = windows[mid] ?? 0;
      const before = f < fee || (f === fee && (inclusive ? w < window : w <= window));
      if (before) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The row at a position, tags in plain string order. */
  rowAt(position: number): IndexedNumber {
    const tags: string[] = [];
    for (const slot of SLOTS_IN_KEY_ORDER) {
      if (testBit(bitsAt(this.data.slotBits, slot), position)) tags.push(slotKey(slot));
    }
    return {
      number: numberOfWindow(this.data.windows[position] ?? 0),
      grade: GRADE_CODES[this.data.grades[position] ?? 0] ?? 'standard',
      tags,
      selectionFeeFen: this.data.fees[position] ?? 0,
      available: this.isAvailableAt(position),
    };
  }

  isLive(position: number): boolean {
    return this.positionOf(this.data.windows[position] ?? -1) === position;
  }

  memoryBytes(): number {
    const { windows, fees, grades, digitBits, slotBits, gradeBits, luckyBits, availableBits, lookup } =
      this.data;
    const bitsets = [...digitBits, ...slotBits, ...gradeBits, luckyBits, availableBits];
    // A Map entry costs V8 roughly 50 bytes (hash table slot, key and value).
    const lookupBytes = lookup instanceof Int32Array ? lookup.byteLength : lookup.size * 50;
    return (
      windows.byteLength +
      fees.byteLength +
      grades.byteLength +
      lookupBytes +
      bitsets.reduce((sum, bits) => sum + bits.byteLength, 0)
    );
  }
}
