/** How many numbers the 400 range holds: `400` followed by any 7 digits. */
export const NUMBER_SPACE_SIZE = 10_000_000;

const CODE_0 = 48;
const PREFIX = '400';

/**
 * Position of a canonical number (`400` + 7 digits) in the 400 range, 0 … 9,999,999, or -1
 * when the string is not canonical. Reads char codes in place: it runs once per imported
 * line, so it must not allocate.
 */
export function numberIndex(digits: string): number {
  if (digits.length !== 10 || !digits.startsWith(PREFIX)) return -1;
  let index = 0;
  for (let i = 3; i < 10; i++) {
    const d = digits.charCodeAt(i) - CODE_0;
    if (d < 0 || d > 9) return -1;
    index = index * 10 + d;
  }
  return index;
}

/**
 * One bit per number of the whole 400 range (10^7 bits = 1.25 MB), so the importer can
 * tell "already in the inventory or earlier in this file" in constant memory and time,
 * whatever the size of the file or of the table.
 */
export class NumberBitset {
  private readonly words = new Uint32Array(NUMBER_SPACE_SIZE / 32 + 1);
  private count = 0;

  /** How many distinct numbers are set. */
  get size(): number {
    return this.count;
  }

  has(digits: string): boolean {
    return this.hasIndex(this.indexOf(digits));
  }

  /** Sets the number; returns false when it was already set. */
  add(digits: string): boolean {
    return this.addIndex(this.indexOf(digits));
  }

  hasIndex(index: number): boolean {
    return ((this.words[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0;
  }

  /** Sets the bit at `index` (see {@link numberIndex}); returns false when it was already set. */
  addIndex(index: number): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= NUMBER_SPACE_SIZE) {
      throw new RangeError(`Number index out of range: ${index}`);
    }
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    const current = this.words[word] ?? 0;
    if ((current & bit) !== 0) return false;
    this.words[word] = current | bit;
    this.count++;
    return true;
  }

  private indexOf(digits: string): number {
    const index = numberIndex(digits);
    if (index < 0) throw new RangeError(`Not a canonical 400 number: "${digits}"`);
    return index;
  }
}

/**
 * Feeds the bitset from the raw output of `COPY (SELECT number …) TO STDOUT`: 10 digits and a
 * newline per row, in chunks that may cut a row anywhere. Works on bytes so loading millions
 * of existing numbers makes no strings.
 */
export class CopyOutNumberLoader {
  private partial = 0;
  private digitsSeen = 0;
  private badRow = false;

  constructor(private readonly bitset: NumberBitset) {}

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] ?? 0;
      if (byte === 10) {
        this.endRow();
        continue;
      }
      this.digitsSeen++;
      const d = byte - CODE_0;
      if (d < 0 || d > 9) this.badRow = true;
      // The first 3 digits are the `400` prefix, which the index leaves out.
      else if (this.digitsSeen > 3) this.partial = this.partial * 10 + d;
      else if (d !== [4, 0, 0][this.digitsSeen - 1]) this.badRow = true;
    }
  }

  /** Call at the end of the stream; throws if the data did not end with a full row. */
  end(): void {
    if (this.digitsSeen > 0) this.endRow();
  }

  private endRow(): void {
    if (this.badRow || this.digitsSeen !== 10) {
      // The table's CHECK makes this impossible; fail loudly rather than import around it.
      throw new Error('Unexpected row while loading existing numbers (not 400 + 7 digits)');
    }
    this.bitset.addIndex(this.partial);
    this.partial = 0;
    this.digitsSeen = 0;
  }
}
