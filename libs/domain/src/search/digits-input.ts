// How search boxes hand us digits: typed on a phone or a Chinese IME (full-width digits,
// ideographic spaces), pasted from a business card (hyphens, dots, spaces). parseNumber
// accepts the same; here wildcards may also be allowed, for masks.

const CODE_0 = 48;
const CODE_9 = 57;
const FULL_WIDTH_0 = 0xff10;
const FULL_WIDTH_9 = 0xff19;

const SEPARATORS = new Set<number>([
  0x20, 0xa0, 0x3000, 0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xfe63, 0xff0d, 0x2e, 0xff0e,
]);
// `?` `？` and the x that people write for "any digit" (400-888-XXXX); `*` `＊`.
const ONE_DIGIT = new Set<number>([0x3f, 0xff1f, 0x78, 0x58, 0xff58, 0xff38]);
const ANY_RUN = new Set<number>([0x2a, 0xff0a]);

/** Normalised digits (and wildcards), or where the first character that is neither sits. */
export type DigitInput =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly position: number; readonly char: string };

/**
 * Reads digits as typed: ASCII and full-width digits become ASCII, separators vanish. With
 * `wildcards`, `?`/`x` become `?` and `*` stays `*` (full-width forms too).
 */
export function readDigitInput(input: string, wildcards = false): DigitInput {
  let value = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= CODE_0 && code <= CODE_9) value += input[i];
    else if (code >= FULL_WIDTH_0 && code <= FULL_WIDTH_9) value += String.fromCharCode(code - 0xfee0);
    else if (SEPARATORS.has(code)) continue;
    else if (wildcards && ONE_DIGIT.has(code)) value += '?';
    else if (wildcards && ANY_RUN.has(code)) value += '*';
    else return { ok: false, position: i + 1, char: String.fromCodePoint(input.codePointAt(i) ?? code) };
  }
  return { ok: true, value };
}

/** Bit d set for each digit d of `digits` (ASCII digits only). */
export function digitMask(digits: string): number {
  let mask = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - CODE_0;
    if (d >= 0 && d <= 9) mask |= 1 << d;
  }
  return mask;
}

/** The digits of a mask in ascending order: 0b1001 → `03`. */
export function digitsOfMask(mask: number): string {
  let digits = '';
  for (let d = 0; d <= 9; d++) if ((mask & (1 << d)) !== 0) digits += String(d);
  return digits;
}
