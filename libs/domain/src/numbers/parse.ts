import { BLOCKS, findBlock, type BlockInfo } from './blocks';

/** Why an input is not a 400 number. */
export const PARSE_ERROR_CODES = [
  'EMPTY',
  'INVALID_CHARACTER',
  'INVALID_COUNTRY_CODE',
  'NOT_400',
  'TOO_SHORT',
  'TOO_LONG',
  'UNKNOWN_BLOCK',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** Result of {@link parseNumber}: the canonical 10 digits, or a coded, human-readable error. */
export type ParseResult =
  | { readonly ok: true; readonly digits: string }
  | { readonly ok: false; readonly reason: ParseErrorCode; readonly message: string };

/** A canonical number: exactly 10 ASCII digits starting `400`. */
export const NUMBER_LENGTH = 10;
export const NUMBER_PREFIX = '400';

const CODE_0 = 48;
const CODE_9 = 57;
const FULL_WIDTH_0 = 0xff10;
const FULL_WIDTH_9 = 0xff19;

// Characters people type or paste between digit groups: ASCII and Unicode spaces (incl.
// the ideographic space U+3000 that Chinese IMEs produce), hyphens and dashes in their
// ASCII, typographic and full-width forms, dots, and invisible zero-width/BOM characters
// that come along with copy-paste.
const SEPARATORS = new Set<number>([
  0x09, 0x0a, 0x0d, 0x20, 0xa0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x202f, 0x205f, 0x3000, 0x200b, 0xfeff, 0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014,
  0x2015, 0x2212, 0xfe63, 0xff0d, 0x2e, 0xff0e,
]);
const OPEN_PARENS = new Set<number>([0x28, 0xff08]);
const CLOSE_PARENS = new Set<number>([0x29, 0xff09]);
const PLUS_SIGNS = new Set<number>([0x2b, 0xff0b]);

// 0–9 for ASCII and full-width digits, -1 for anything else.
function digitValue(code: number): number {
  if (code >= CODE_0 && code <= CODE_9) return code - CODE_0;
  if (code >= FULL_WIDTH_0 && code <= FULL_WIDTH_9) return code - FULL_WIDTH_0;
  return -1;
}

function fail(reason: ParseErrorCode, message: string): ParseResult {
  return { ok: false, reason, message };
}

function invalidCharacter(input: string, index: number, why: string): ParseResult {
  const char = String.fromCodePoint(input.codePointAt(index) ?? 0);
  return fail('INVALID_CHARACTER', `"${char}" at position ${index + 1} ${why}.`);
}

/** True when `digits` is already canonical: 10 ASCII digits starting `400`. */
export function isCanonicalNumber(digits: string): boolean {
  if (digits.length !== NUMBER_LENGTH || !digits.startsWith(NUMBER_PREFIX)) return false;
  for (let i = NUMBER_PREFIX.length; i < NUMBER_LENGTH; i++) {
    const code = digits.charCodeAt(i);
    if (code < CODE_0 || code > CODE_9) return false;
  }
  return true;
}

/**
 * Reads a 400 number as people write it and returns its canonical 10 digits.
 *
 * Accepted: `400-123-4567`, `400 123 4567`, `4001234567`, `400.123.4567`, `(400) 123-4567`,
 * international forms `+86 400…`, `+86-400…`, `(+86) 400…`, `0086 400…` and `86 400…`
 * (12 digits), and full-width digits, spaces, hyphens, dots, parentheses and plus sign.
 * Parentheses must be balanced and not nested; a plus sign may only come before the
 * first digit.
 *
 * The block (first 4 digits) must be listed in `blocks`, else `UNKNOWN_BLOCK`.
 */
export function parseNumber(input: string, blocks: readonly BlockInfo[] = BLOCKS): ParseResult {
  let digits = '';
  let plus = false;
  let openParen = -1;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const digit = digitValue(code);
    if (digit >= 0) {
      digits += String.fromCharCode(CODE_0 + digit);
      continue;
    }
    if (SEPARATORS.has(code)) continue;
    if (OPEN_PARENS.has(code)) {
      if (openParen >= 0) return invalidCharacter(input, i, 'opens a parenthesis inside another');
      openParen = i;
      continue;
    }
    if (CLOSE_PARENS.has(code)) {
      if (openParen < 0) return invalidCharacter(input, i, 'closes a parenthesis that was not opened');
      openParen = -1;
      continue;
    }
    if (!PLUS_SIGNS.has(code)) return invalidCharacter(input, i, 'is not allowed in a phone number');
    if (plus || digits !== '') {
      return invalidCharacter(input, i, 'is a plus sign that does not start a country code');
    }
    plus = true;
  }
  if (openParen >= 0) return invalidCharacter(input, openParen, 'opens a parenthesis that is never closed');
  if (digits === '') return fail('EMPTY', 'Enter a 400 number.');

  const national = stripCountryCode(digits, plus);
  if (national === undefined) {
    return fail('INVALID_COUNTRY_CODE', 'Only numbers in China (country code +86) can be 400 numbers.');
  }
  return checkNational(national, blocks);
}

// `undefined` means an international prefix for a country other than China.
function stripCountryCode(digits: string, plus: boolean): string | undefined {
  if (plus) return digits.startsWith('86') ? digits.slice(2) : undefined;
  if (digits.startsWith('00')) return digits.startsWith('0086') ? digits.slice(4) : undefined;
  // Without + or 00, a leading 86 is only a country code when it turns 12 digits into a
  // 400 number; 10 digits starting 86400 are just a wrong number.
  if (digits.length === NUMBER_LENGTH + 2 && digits.startsWith('86' + NUMBER_PREFIX)) return digits.slice(2);
  return digits;
}

function checkNational(national: string, blocks: readonly BlockInfo[]): ParseResult {
  const prefixLength = Math.min(national.length, NUMBER_PREFIX.length);
  if (national.slice(0, prefixLength) !== NUMBER_PREFIX.slice(0, prefixLength)) {
    return fail('NOT_400', `A 400 number starts with 400; this one starts with ${national.slice(0, 3)}.`);
  }
  if (national.length < NUMBER_LENGTH) {
    return fail('TOO_SHORT', `A 400 number has 10 digits; this one has ${national.length}.`);
  }
  if (national.length > NUMBER_LENGTH) {
    return fail('TOO_LONG', `A 400 number has 10 digits; this one has ${national.length}.`);
  }
  if (findBlock(national, blocks) === undefined) {
    return fail('UNKNOWN_BLOCK', `Block ${national.slice(0, 4)} is not a 400 block we know of.`);
  }
  return { ok: true, digits: national };
}
