// A tag at a position (`tail:AAAA`) is a "slot": tag index × 2, + 1 for middle. Slots
// index the per-tag bitsets and pack a row's tags into two 32-bit words.
import {
  LUCKY_TAGS,
  MATCH_POSITIONS,
  PATTERN_TAGS,
  type MatchPosition,
  type PatternFilter,
  type PatternTag,
} from '@haoma/domain';

export const SLOT_COUNT = PATTERN_TAGS.length * MATCH_POSITIONS.length;
if (SLOT_COUNT > 64) throw new Error('more tag slots than two 32-bit words can hold');

export const slotOf = (tagIndex: number, position: MatchPosition): number =>
  tagIndex * 2 + (position === 'middle' ? 1 : 0);

const SLOT_KEYS: readonly string[] = PATTERN_TAGS.flatMap((tag) => MATCH_POSITIONS.map((p) => `${p}:${tag}`));
const SLOT_BY_KEY: ReadonlyMap<string, number> = new Map(SLOT_KEYS.map((key, slot) => [key, slot]));

/** Slots in the plain string order of their keys, so tags come out as appraise lists them. */
export const SLOTS_IN_KEY_ORDER: readonly number[] = [...SLOT_KEYS.keys()].sort((a, b) =>
  (SLOT_KEYS[a] ?? '') < (SLOT_KEYS[b] ?? '') ? -1 : 1,
);

/** The slot of a stored tag such as `tail:AAAA`, or -1 when it is not one. */
export function slotOfKey(key: string): number {
  return SLOT_BY_KEY.get(key) ?? -1;
}

export function slotKey(slot: number): string {
  return SLOT_KEYS[slot] ?? '';
}

const tagIndex = (tag: PatternTag): number => PATTERN_TAGS.indexOf(tag);

/** The slots that satisfy a pattern filter: one of them must be set. */
export function slotsOfFilter(filter: PatternFilter): number[] {
  const index = tagIndex(filter.tag);
  if (index < 0) throw new RangeError(`unknown pattern tag ${filter.tag}`);
  if (filter.position === 'any') return MATCH_POSITIONS.map((p) => slotOf(index, p));
  return [slotOf(index, filter.position)];
}

/** Slots of the lucky tags, at either position. */
export const LUCKY_SLOTS: readonly number[] = LUCKY_TAGS.flatMap((tag) =>
  slotsOfFilter({ tag, position: 'any' }),
);

/** Two words with bit `slot` set for each slot (low: 0–31, high: 32–63). */
export function hasSlot(low: number, high: number, slot: number): boolean {
  return ((slot < 32 ? low : high) & (1 << (slot & 31))) !== 0;
}
