// Checks between parameters that are each valid but cannot hold together, so the client
// hears why instead of getting an empty page.
import type { BlockInfo } from '../numbers/blocks';
import { wordToDigits } from '../numbers/keypad';
import { NUMBER_LENGTH, NUMBER_PREFIX } from '../numbers/parse';
import { digitMask, digitsOfMask } from './digits-input';
import { tryExpandMask } from './mask';
import type { NumberQuery } from './number-query';
import type { FieldErrors } from './query-fields';
import type { SearchParameter } from './query-parameters';

/** The name the client used for each parameter it sent. */
export type FieldNames = (parameter: SearchParameter) => string;

// Whether `digits` can stand at `start` of a 10-character mask (`?` accepts any digit).
function fits(mask: string, start: number, digits: string): boolean {
  for (let i = 0; i < digits.length; i++) {
    const char = mask[start + i];
    if (char !== '?' && char !== digits[i]) return false;
  }
  return true;
}

/** The blocks a query can reach through its `blocks` and `carriers`. */
export function reachableBlocks(query: NumberQuery, blocks: readonly BlockInfo[]): string[] {
  return blocks
    .filter((b) => query.blocks === undefined || query.blocks.includes(b.block))
    .filter((b) => query.carriers === undefined || query.carriers.includes(b.carrier))
    .map((b) => b.block);
}

function checkBlocks(
  query: NumberQuery,
  reachable: readonly string[],
  name: FieldNames,
  errors: FieldErrors,
) {
  if (reachable.length > 0) return;
  if (query.blocks !== undefined && query.carriers !== undefined) {
    errors.add(
      name('block'),
      'BLOCKS_CONFLICT_CARRIERS',
      `None of blocks ${query.blocks.join(', ')} belongs to ${query.carriers.join(', ')}.`,
    );
  } else errors.add(name('carrier'), 'NO_MATCHING_BLOCK', 'No block we sell belongs to that carrier.');
}

// The masks a query's digits allow: the mask's expansions (or one all-`?` mask), narrowed
// by startsWith, endsWith and the reachable blocks; reports the first one that empties it.
function checkDigits(
  query: NumberQuery,
  reachable: readonly string[],
  name: FieldNames,
  errors: FieldErrors,
) {
  const { startsWith = NUMBER_PREFIX, endsWith = '' } = query;
  const endsAt = NUMBER_LENGTH - endsWith.length;
  const expansion = query.mask === undefined ? undefined : tryExpandMask(query.mask, Infinity);
  let masks: readonly string[] = expansion?.ok ? expansion.masks : [NUMBER_PREFIX + '?'.repeat(7)];
  if (!fits(startsWith.padEnd(NUMBER_LENGTH, '?'), endsAt, endsWith)) {
    return errors.add(
      name('startsWith'),
      'STARTS_WITH_CONFLICTS_ENDS_WITH',
      `No number starts ${startsWith} and ends ${endsWith}.`,
    );
  }
  masks = masks.filter((mask) => fits(mask, 0, startsWith));
  if (masks.length === 0) {
    return errors.add(
      name('mask'),
      'MASK_CONFLICTS_STARTS_WITH',
      `No number matching ${query.mask} starts ${startsWith}.`,
    );
  }
  masks = masks.filter((mask) => fits(mask, endsAt, endsWith));
  if (masks.length === 0) {
    return errors.add(
      name('mask'),
      'MASK_CONFLICTS_ENDS_WITH',
      `No number matching ${query.mask} ends ${endsWith}.`,
    );
  }
  const pinned = (mask: string): string | undefined => {
    const char = startsWith[3] ?? (endsAt <= 3 ? endsWith[3 - endsAt] : undefined) ?? mask[3];
    return char === '?' ? undefined : char;
  };
  const blockFits = (mask: string) => {
    const digit = pinned(mask);
    return digit === undefined || reachable.includes(NUMBER_PREFIX + digit);
  };
  if (masks.every((mask) => !blockFits(mask))) {
    const field =
      query.startsWith !== undefined && query.startsWith.length > 3
        ? 'startsWith'
        : query.mask !== undefined && endsAt > 3
          ? 'mask'
          : 'endsWith';
    return errors.add(name(field), 'NO_MATCHING_BLOCK', `Its block is not among ${reachable.join(', ')}.`);
  }
  return masks.filter(blockFits);
}

// Each source of required window digits, with the digits every match must contain.
function requiredDigits(query: NumberQuery, masks: readonly string[]): [SearchParameter, number][] {
  const spelled = query.word === undefined ? undefined : wordToDigits(query.word);
  const maskDigits = masks.reduce((all, mask) => all & digitMask(mask.slice(3)), 0x3ff);
  return [
    ['startsWith', digitMask(query.startsWith?.slice(3) ?? '')],
    ['endsWith', digitMask(query.endsWith ?? '')],
    ['contains', digitMask(query.contains ?? '')],
    ['word', spelled?.ok ? digitMask(spelled.digits) : 0],
    ['mask', query.mask === undefined ? 0 : maskDigits],
  ];
}

function checkExcluded(
  query: NumberQuery,
  masks: readonly string[],
  reachable: readonly string[],
  name: FieldNames,
  errors: FieldErrors,
) {
  const excluded = digitMask(query.excludeDigits ?? '');
  if (excluded === 0) return;
  for (const [parameter, required] of requiredDigits(query, masks)) {
    const clash = required & excluded;
    if (clash === 0) continue;
    return errors.add(
      name('excludeDigits'),
      'EXCLUDED_DIGIT_REQUIRED',
      `${name(parameter)} needs the digit(s) ${digitsOfMask(clash)} that excludeDigits rules out.`,
    );
  }
  // The block's fourth digit is the window's first: excluding it excludes the block.
  if (reachable.every((block) => (excluded & digitMask(block.slice(3))) !== 0)) {
    errors.add(
      name('excludeDigits'),
      'EXCLUDED_DIGIT_REQUIRED',
      `Every block searched (${reachable.join(', ')}) has an excluded digit as its fourth digit.`,
    );
  }
}

/** Pushes the contradictions of an otherwise valid query. */
export function checkContradictions(
  query: NumberQuery,
  blocks: readonly BlockInfo[],
  name: FieldNames,
  errors: FieldErrors,
): void {
  if (query.minFeeFen !== undefined && query.maxFeeFen !== undefined && query.minFeeFen > query.maxFeeFen) {
    errors.add(
      name('minFee'),
      'FEE_RANGE_EMPTY',
      `minFee ${query.minFeeFen} is above maxFee ${query.maxFeeFen}.`,
    );
  }
  const reachable = reachableBlocks(query, blocks);
  checkBlocks(query, reachable, name, errors);
  if (reachable.length === 0) return;
  const masks = checkDigits(query, reachable, name, errors);
  if (masks !== undefined) checkExcluded(query, masks, reachable, name, errors);
}
