// Readers for one search parameter each: normalise the value or push a coded error.
import { CARRIER_CODES, type BlockInfo, type Carrier } from '../numbers/blocks';
import { GRADE_CODES, type GradeCode } from '../numbers/grading';
import { wordToDigits } from '../numbers/keypad';
import { NUMBER_LENGTH, NUMBER_PREFIX } from '../numbers/parse';
import { isPatternTag, patternTagIndex, type PatternTag } from '../numbers/pattern-tags';
import { digitMask, digitsOfMask, readDigitInput } from './digits-input';
import { tryExpandMask } from './mask';
import { PATTERN_FILTER_POSITIONS, type PatternFilter, type PatternFilterPosition } from './number-query';
import type { QueryError, QueryErrorCode } from './query-errors';

export const WINDOW_LENGTH = NUMBER_LENGTH - NUMBER_PREFIX.length;

/** Collects the errors of one parse; each reader reports under the name the client used. */
export class FieldErrors {
  readonly list: QueryError[] = [];
  add(field: string, code: QueryErrorCode, message: string): undefined {
    this.list.push({ field, code, message });
    return undefined;
  }
}

function digitsOf(field: string, value: string, errors: FieldErrors): string | undefined {
  const read = readDigitInput(value);
  if (!read.ok) {
    return errors.add(field, 'INVALID_DIGITS', `"${read.char}" at position ${read.position} is not a digit.`);
  }
  if (read.value === '') return errors.add(field, 'INVALID_DIGITS', `${field} has no digits.`);
  return read.value;
}

function tooLong(field: string, digits: string, max: number, errors: FieldErrors): boolean {
  if (digits.length <= max) return false;
  errors.add(field, 'TOO_LONG', `${field} has ${digits.length} digits; at most ${max} are possible.`);
  return true;
}

function knownBlock(field: string, full: string, blocks: readonly BlockInfo[], errors: FieldErrors): boolean {
  const block = full.slice(0, 4);
  if (full.length < 4 || blocks.some((b) => b.block === block)) return true;
  errors.add(field, 'UNKNOWN_BLOCK', `No 400 number starts ${block}: that block is not one we sell.`);
  return false;
}

export function readBlocks(
  field: string,
  values: readonly string[],
  blocks: readonly BlockInfo[],
  errors: FieldErrors,
) {
  const found = new Set<string>();
  for (const value of values) {
    const read = readDigitInput(value);
    const block = read.ok ? read.value : value;
    if (blocks.some((b) => b.block === block)) found.add(block);
    else
      errors.add(
        field,
        'UNKNOWN_BLOCK',
        `${value} is not a block; blocks are ${blocks.map((b) => b.block).join(', ')}.`,
      );
  }
  return [...found].sort();
}

function readCodes<T extends string>(
  field: string,
  values: readonly string[],
  codes: readonly T[],
  code: QueryErrorCode,
  errors: FieldErrors,
): T[] {
  const found = new Set<string>();
  for (const value of values) {
    const lower = value.toLowerCase();
    if ((codes as readonly string[]).includes(lower)) found.add(lower);
    else errors.add(field, code, `${value} is not one of ${codes.join(', ')}.`);
  }
  return codes.filter((c) => found.has(c));
}

export const readCarriers = (field: string, values: readonly string[], errors: FieldErrors): Carrier[] =>
  readCodes(field, values, CARRIER_CODES, 'UNKNOWN_CARRIER', errors);

export const readGrades = (field: string, values: readonly string[], errors: FieldErrors): GradeCode[] =>
  readCodes(field, values, GRADE_CODES, 'UNKNOWN_GRADE', errors);

// `+` in a URL query decodes to a space, so `tail:AAAAA+` arrives as `tail:AAAAA` after
// trimming; the tags that end in `+` are also accepted without it.
function patternTag(text: string): PatternTag | undefined {
  const tag = text.trim().toUpperCase();
  const plus = `${tag}+`;
  if (isPatternTag(tag)) return tag;
  return isPatternTag(plus) ? plus : undefined;
}

export function readPatterns(field: string, values: readonly string[], errors: FieldErrors): PatternFilter[] {
  const found = new Map<string, PatternFilter>();
  for (const value of values) {
    const parts = value.split(':');
    const [first = '', second] = parts;
    const position = (parts.length === 2 ? first.trim().toLowerCase() : 'any') as PatternFilterPosition;
    if (parts.length > 2 || !PATTERN_FILTER_POSITIONS.includes(position)) {
      errors.add(field, 'INVALID_PATTERN', `${value} is not position:TAG (position tail, middle or any).`);
      continue;
    }
    const tag = patternTag(parts.length === 2 ? (second ?? '') : first);
    if (tag === undefined) errors.add(field, 'UNKNOWN_PATTERN', `${value} names no pattern we classify.`);
    else found.set(`${position}:${tag}`, { tag, position });
  }
  return [...found.values()].sort(
    (a, b) =>
      patternTagIndex(a.tag) - patternTagIndex(b.tag) ||
      PATTERN_FILTER_POSITIONS.indexOf(a.position) - PATTERN_FILTER_POSITIONS.indexOf(b.position),
  );
}

/** The full prefix (`400…`), or `undefined` for none; `4`, `40` and `400` filter nothing. */
export function readStartsWith(
  field: string,
  value: string,
  blocks: readonly BlockInfo[],
  errors: FieldErrors,
) {
  const digits = digitsOf(field, value, errors);
  if (digits === undefined) return undefined;
  // Digits after 400 are what people type; a prefix of 400 itself is someone still typing.
  const full =
    digits.startsWith(NUMBER_PREFIX) || NUMBER_PREFIX.startsWith(digits) ? digits : NUMBER_PREFIX + digits;
  if (tooLong(field, full, NUMBER_LENGTH, errors) || !knownBlock(field, full, blocks, errors))
    return undefined;
  return full.length > NUMBER_PREFIX.length ? full : undefined;
}

/** The suffix, cut to the window: longer input must end in the window and agree with 400. */
export function readEndsWith(
  field: string,
  value: string,
  blocks: readonly BlockInfo[],
  errors: FieldErrors,
) {
  const digits = digitsOf(field, value, errors);
  if (digits === undefined || tooLong(field, digits, NUMBER_LENGTH, errors)) return undefined;
  const overlap = digits.length - WINDOW_LENGTH;
  if (overlap > 0 && digits.slice(0, overlap) !== NUMBER_PREFIX.slice(NUMBER_PREFIX.length - overlap)) {
    return errors.add(field, 'NOT_400', `No 400 number ends ${digits}.`);
  }
  const suffix = digits.slice(Math.max(overlap, 0));
  if (suffix.length === WINDOW_LENGTH && !knownBlock(field, NUMBER_PREFIX + suffix, blocks, errors))
    return undefined;
  return suffix;
}

export function readContains(field: string, value: string, errors: FieldErrors): string | undefined {
  const digits = digitsOf(field, value, errors);
  if (digits === undefined || tooLong(field, digits, WINDOW_LENGTH, errors)) return undefined;
  return digits;
}

/** The word upper-cased, once its keypad digits fit in the window. */
export function readWord(field: string, value: string, errors: FieldErrors): string | undefined {
  const spelled = wordToDigits(value);
  if (!spelled.ok) return errors.add(field, 'INVALID_WORD', spelled.message);
  if (tooLong(field, spelled.digits, WINDOW_LENGTH, errors)) return undefined;
  return value.toUpperCase();
}

export function readMask(field: string, value: string, errors: FieldErrors, maxExpansions?: number) {
  const read = readDigitInput(value, true);
  if (!read.ok) {
    return errors.add(
      field,
      'INVALID_MASK',
      `"${read.char}" at position ${read.position} is not a digit, ? or *.`,
    );
  }
  const mask = read.value.replace(/\*+/g, '*');
  const expansion = tryExpandMask(mask, maxExpansions);
  return expansion.ok ? mask : errors.add(field, expansion.code, expansion.message);
}

export function readExcludeDigits(field: string, value: string, errors: FieldErrors): string | undefined {
  const digits = digitsOf(field, value, errors);
  return digits === undefined ? undefined : digitsOfMask(digitMask(digits));
}

const INTEGER = /^[+-]?[0-9]+$/;
const MAX_FEE_FEN = 2 ** 31 - 1;

export function readInteger(field: string, value: string, min: number, max: number, errors: FieldErrors) {
  const ascii = value.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!INTEGER.test(ascii)) return errors.add(field, 'INVALID_INTEGER', `${field} must be a whole number.`);
  const number = Number(ascii);
  if (number < min || number > max) {
    return errors.add(field, 'OUT_OF_RANGE', `${field} must be between ${min} and ${max}.`);
  }
  return number;
}

export const readFee = (field: string, value: string, errors: FieldErrors): number | undefined =>
  readInteger(field, value, 0, MAX_FEE_FEN, errors);

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export function readBoolean(field: string, value: string, errors: FieldErrors): boolean | undefined {
  const lower = value.toLowerCase();
  if (TRUE.includes(lower)) return true;
  if (FALSE.includes(lower)) return false;
  return errors.add(field, 'INVALID_BOOLEAN', `${field} must be true or false.`);
}
