/** Carrier codes as stored on numbers and used in APIs. */
export const CARRIER_CODES = ['telecom', 'unicom', 'mobile'] as const;
export type Carrier = (typeof CARRIER_CODES)[number];

/** Display names of a carrier. */
export interface CarrierInfo {
  readonly code: Carrier;
  readonly name: string;
  readonly nameZh: string;
}

/** The three carriers that run 400 service. */
export const CARRIERS: Readonly<Record<Carrier, CarrierInfo>> = {
  telecom: { code: 'telecom', name: 'China Telecom', nameZh: '中国电信' },
  unicom: { code: 'unicom', name: 'China Unicom', nameZh: '中国联通' },
  mobile: { code: 'mobile', name: 'China Mobile', nameZh: '中国移动' },
};

/** One 4-digit block of the 400 range and the carrier that issues it. */
export interface BlockInfo {
  readonly block: string;
  readonly carrier: Carrier;
  readonly note?: string;
}

/**
 * Block → carrier table (DOMAIN.md). This is data: numbers can move between carriers, so
 * callers pass their own table (e.g. from the database) where it matters.
 */
export const BLOCKS: readonly BlockInfo[] = [
  { block: '4008', carrier: 'telecom' },
  { block: '4009', carrier: 'telecom' },
  { block: '4006', carrier: 'unicom' },
  { block: '4000', carrier: 'unicom' },
  { block: '4007', carrier: 'mobile', note: 'formerly China Tietong, now part of China Mobile' },
  { block: '4001', carrier: 'mobile' },
];

/** The 4-digit block of a canonical number (`4008881234` → `4008`). */
export function blockOf(digits: string): string {
  return digits.slice(0, 4);
}

// Tables indexed once per table object: the importer looks up a block per number.
const blockIndexes = new WeakMap<readonly BlockInfo[], ReadonlyMap<string, BlockInfo>>();

function blockIndex(blocks: readonly BlockInfo[]): ReadonlyMap<string, BlockInfo> {
  let index = blockIndexes.get(blocks);
  if (index === undefined) {
    // The first entry wins on duplicates, as a linear search would have it.
    index = new Map([...blocks].reverse().map((info) => [info.block, info]));
    blockIndexes.set(blocks, index);
  }
  return index;
}

/** The block's entry in `blocks`, or `undefined` when the block is not listed. */
export function findBlock(digits: string, blocks: readonly BlockInfo[] = BLOCKS): BlockInfo | undefined {
  return blockIndex(blocks).get(blockOf(digits));
}

/** The carrier issuing the number's block, or `undefined` when the block is not listed. */
export function carrierOf(digits: string, blocks: readonly BlockInfo[] = BLOCKS): Carrier | undefined {
  return findBlock(digits, blocks)?.carrier;
}
