import { BLOCKS } from '@haoma/domain';

/** Numbers in one 4-digit block: `400` + block digit + 6 subscriber digits. */
export const BLOCK_SIZE = 1_000_000;

/** What {@link generateNumbers} produces. */
export interface GenerateNumbersOptions {
  /** A known 4-digit block, e.g. `4008`. */
  block: string;
  /** How many numbers, 1 … 1,000,000. */
  count: number;
  /** Position of the first number in the sequence (default 0); start + count ≤ 1,000,000. */
  start?: number;
  /** Without a seed the numbers are sequential; with one, a fixed shuffle of the block. */
  seed?: string | number;
}

const HALF = 1000;
const ROUNDS = 4;

// murmur3's 32-bit finaliser: cheap, and every input bit moves every output bit.
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function roundKeys(seed: string | number): number[] {
  // FNV-1a over the seed's text, so "42" and 42 give the same shuffle.
  let hash = 0x811c9dc5;
  for (const char of String(seed)) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return Array.from({ length: ROUNDS }, (_, round) => mix32(hash + Math.imul(round + 1, 0x9e3779b9)));
}

/**
 * A bijection of 0 … 999,999 keyed by the seed: a 4-round Feistel network over the two
 * 3-digit halves. Chosen over an affine map (a·i + b mod 10^6), whose consecutive outputs
 * differ by the constant a and so show up as a visible stride in a demo listing.
 */
export function shuffleSubscriber(position: number, keys: readonly number[]): number {
  let left = Math.floor(position / HALF);
  let right = position % HALF;
  for (const key of keys) {
    const next = (left + (mix32(right ^ key) % HALF)) % HALF;
    left = right;
    right = next;
  }
  return left * HALF + right;
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `${name} must be an integer from ${min} to ${max.toLocaleString('en-US')}; got ${value}`,
    );
  }
}

/**
 * Deterministic 400 numbers of one block, for demo inventories and benchmarks: the same
 * options always give the same numbers, all distinct. Validates eagerly (throws on call,
 * not on first iteration) so a bad command line fails before an import starts.
 */
export function generateNumbers(options: GenerateNumbersOptions): Iterable<string> {
  const { block, count, start = 0, seed } = options;
  if (!BLOCKS.some((known) => known.block === block)) {
    const known = BLOCKS.map((b) => b.block)
      .sort()
      .join(', ');
    throw new RangeError(`Unknown block "${block}"; known blocks: ${known}`);
  }
  checkInteger('count', count, 1, BLOCK_SIZE);
  checkInteger('start', start, 0, BLOCK_SIZE - 1);
  if (start + count > BLOCK_SIZE) {
    throw new RangeError(
      `start + count must not exceed the block's ${BLOCK_SIZE.toLocaleString('en-US')} numbers`,
    );
  }
  if (seed === '') throw new RangeError('seed must not be empty');
  const keys = seed === undefined ? undefined : roundKeys(seed);
  return {
    *[Symbol.iterator]() {
      for (let position = start; position < start + count; position++) {
        const subscriber = keys ? shuffleSubscriber(position, keys) : position;
        yield block + String(subscriber).padStart(6, '0');
      }
    },
  };
}
