import { GRADE_CODES, NUMBER_PREFIX, type GradeCode } from '@haoma/domain';
import { hasSlot, slotKey, slotOfKey, SLOTS_IN_KEY_ORDER } from './tag-slots';

/** One number as the index needs it: what the `numbers` table holds about it. */
export interface IndexRow {
  /** Canonical 10 digits. */
  readonly number: string;
  readonly grade: GradeCode;
  /** `position:tag` pairs such as `tail:AAAA`, as `appraise` lists them. */
  readonly tags: readonly string[];
  readonly selectionFeeFen: number;
  /** Whether it can be bought now (status `available`). */
  readonly available: boolean;
}

/** A number as a search returns it; tags in plain string order. */
export interface IndexedNumber {
  readonly number: string;
  readonly grade: GradeCode;
  readonly tags: readonly string[];
  readonly selectionFeeFen: number;
  readonly available: boolean;
}

/** The 7 digits after `400` read as an integer: the 400 space holds 10^7 numbers. */
export const WINDOW_SPACE = 10_000_000;
export const WINDOW_DIGITS = 7;
export const MAX_FEE_FEN = 2 ** 31 - 1;

const CODE_0 = 48;
/** 10^(6 - p): the weight of window digit p. */
export const DIGIT_WEIGHTS: readonly number[] = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/** The window of a canonical number as an integer, or -1 when `number` is not canonical. */
export function windowOf(number: string): number {
  if (number.length !== 10 || !number.startsWith(NUMBER_PREFIX)) return -1;
  let window = 0;
  for (let i = 3; i < 10; i++) {
    const d = number.charCodeAt(i) - CODE_0;
    if (d < 0 || d > 9) return -1;
    window = window * 10 + d;
  }
  return window;
}

export function numberOfWindow(window: number): string {
  return NUMBER_PREFIX + String(window).padStart(WINDOW_DIGITS, '0');
}

/** Digit `p` (0–6) of a window. */
export function windowDigit(window: number, p: number): number {
  return Math.floor(window / (DIGIT_WEIGHTS[p] ?? 1)) % 10;
}

/** A row reduced to integers: grade as its index in GRADE_CODES, tags as slot bits. */
export interface PackedRow {
  window: number;
  fee: number;
  grade: number;
  tagLow: number;
  tagHigh: number;
  available: boolean;
}

export const emptyPackedRow = (): PackedRow => ({
  window: 0,
  fee: 0,
  grade: 0,
  tagLow: 0,
  tagHigh: 0,
  available: false,
});

/**
 * Packs a row into `into` (reused by the builder: millions of rows, no garbage).
 * @throws RangeError naming the number when a field is not what the table allows.
 */
export function packRow(row: IndexRow, into: PackedRow = emptyPackedRow()): PackedRow {
  const window = windowOf(row.number);
  if (window < 0) throw new RangeError(`not a canonical 400 number: ${JSON.stringify(row.number)}`);
  const grade = GRADE_CODES.indexOf(row.grade);
  if (grade < 0) throw new RangeError(`${row.number}: unknown grade ${JSON.stringify(row.grade)}`);
  const fee = row.selectionFeeFen;
  if (!Number.isInteger(fee) || fee < 0 || fee > MAX_FEE_FEN) {
    throw new RangeError(`${row.number}: selection fee must be whole fen in 0..${MAX_FEE_FEN}, got ${fee}`);
  }
  let tagLow = 0;
  let tagHigh = 0;
  for (const tag of row.tags) {
    const slot = slotOfKey(tag);
    if (slot < 0) throw new RangeError(`${row.number}: unknown tag ${JSON.stringify(tag)}`);
    if (slot < 32) tagLow |= 1 << slot;
    else tagHigh |= 1 << (slot - 32);
  }
  into.window = window;
  into.fee = fee;
  into.grade = grade;
  into.tagLow = tagLow;
  into.tagHigh = tagHigh;
  into.available = row.available;
  return into;
}

/** The row a packed row stands for, tags in plain string order. */
export function unpackRow(row: PackedRow): IndexedNumber {
  return {
    number: numberOfWindow(row.window),
    grade: GRADE_CODES[row.grade] ?? 'standard',
    tags: SLOTS_IN_KEY_ORDER.filter((slot) => hasSlot(row.tagLow, row.tagHigh, slot)).map(slotKey),
    selectionFeeFen: row.fee,
    available: row.available,
  };
}
