// Bitsets over index positions as Int32Array words: int32 loads keep V8 on small-integer
// arithmetic in the scan loops (Uint32 loads above 2^31 would become doubles).

export const wordCount = (bits: number): number => (bits + 31) >>> 5;

export const newBitset = (bits: number): Int32Array => new Int32Array(wordCount(bits));

export function testBit(words: Int32Array, bit: number): boolean {
  return ((words[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

export function setBit(words: Int32Array, bit: number): void {
  words[bit >>> 5] = (words[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

export function clearBit(words: Int32Array, bit: number): void {
  words[bit >>> 5] = (words[bit >>> 5] ?? 0) & ~(1 << (bit & 31));
}

/** Number of set bits in a 32-bit word. */
export function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of set bits of a whole bitset. */
export function countBits(words: Int32Array): number {
  let count = 0;
  for (let i = 0; i < words.length; i++) count += popcount(words[i] ?? 0);
  return count;
}

/** The bitset at `index` of a list that is known to hold it. */
export function bitsAt(list: readonly Int32Array[], index: number): Int32Array {
  const bits = list[index];
  if (bits === undefined) throw new RangeError(`no bitset at ${index}`);
  return bits;
}
