/**
 * Telephone keypad letters (ITU E.161), as used for US vanity numbers: 1-800-FLOWERS.
 * Data, so a caller could pass another layout.
 */
export const KEYPAD: Readonly<Record<string, string>> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
};

export const WORD_ERROR_CODES = ['EMPTY', 'INVALID_CHARACTER'] as const;
export type WordErrorCode = (typeof WORD_ERROR_CODES)[number];

/** Result of {@link wordToDigits}. */
export type WordResult =
  | { readonly ok: true; readonly digits: string }
  | { readonly ok: false; readonly reason: WordErrorCode; readonly message: string };

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 65;
const CODE_Z = 90;
const CODE_LOWER_A = 97;
const CODE_LOWER_Z = 122;

// Keyed by the keypad object so a custom layout is turned into a lookup table once.
const letterTables = new WeakMap<object, Int8Array>();

function letterTable(keypad: Readonly<Record<string, string>>): Int8Array {
  let table = letterTables.get(keypad);
  if (table === undefined) {
    table = new Int8Array(26).fill(-1);
    for (const [digit, letters] of Object.entries(keypad)) {
      const value = digit.charCodeAt(0) - CODE_0;
      if (digit.length !== 1 || value < 0 || value > 9) continue;
      for (const letter of letters.toUpperCase()) {
        const index = letter.charCodeAt(0) - CODE_A;
        if (index >= 0 && index < 26) table[index] = value;
      }
    }
    letterTables.set(keypad, table);
  }
  return table;
}

/**
 * Spells a word on the keypad: `FLOWERS` → `3569377`. Letters are case-insensitive, digits
 * pass through, and spaces and hyphens are skipped so `go-flowers` works; anything else
 * (or a letter missing from the keypad, like Q/Z on old layouts) is `INVALID_CHARACTER`.
 */
export function wordToDigits(word: string, keypad: Readonly<Record<string, string>> = KEYPAD): WordResult {
  const table = letterTable(keypad);
  let digits = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= CODE_0 && code <= CODE_9) {
      digits += word[i];
      continue;
    }
    if (code === 32 || code === 45) continue;
    const upper = code >= CODE_LOWER_A && code <= CODE_LOWER_Z ? code - 32 : code;
    const value = upper >= CODE_A && upper <= CODE_Z ? (table[upper - CODE_A] ?? -1) : -1;
    if (value < 0) {
      const char = String.fromCodePoint(word.codePointAt(i) ?? code);
      return {
        ok: false,
        reason: 'INVALID_CHARACTER',
        message: `"${char}" at position ${i + 1} is neither a letter on the keypad nor a digit.`,
      };
    }
    digits += String.fromCharCode(CODE_0 + value);
  }
  if (digits === '') return { ok: false, reason: 'EMPTY', message: 'Enter a word or digits to spell.' };
  return { ok: true, digits };
}
