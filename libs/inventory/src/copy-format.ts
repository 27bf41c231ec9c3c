import type { Appraisal } from '@haoma/domain';

/** The columns the importer fills; the others (status, holder, timestamps) take their defaults. */
export const NUMBER_COPY_COLUMNS = [
  'number',
  'block',
  'carrier',
  'grade',
  'tags',
  'explanation',
  'selection_fee_fen',
  'grading_version',
] as const;

const COLUMN_LIST = NUMBER_COPY_COLUMNS.map((column) => `"${column}"`).join(', ');

/** `COPY … FROM STDIN` for a table with the numbers columns (the table itself or a staging copy). */
export function copyNumbersSql(table: string): string {
  return `COPY ${table} (${COLUMN_LIST}) FROM STDIN (FORMAT text)`;
}

/** The column list, for an `INSERT … SELECT` from a staging table. */
export const NUMBER_COLUMN_LIST = COLUMN_LIST;

const NEEDS_TEXT_ESCAPE = /[\\\n\r\t]/;
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * A value as COPY's text format wants it: backslash, newline, carriage return and tab are
 * backslash-escaped (a literal `\N` would otherwise read as NULL, a tab as the next column).
 */
export function copyText(value: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(value)) return value;
  return value.replace(/[\\\n\r\t]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

// Array elements that must be double-quoted: empty, NULL (any case), or containing a
// delimiter, brace, quote, backslash or whitespace (Postgres trims unquoted whitespace).
const NEEDS_ARRAY_QUOTES = /^$|^null$|[{},"\\\s]/i;

/** A text[] literal (`{tail:AAAA,"a b"}`), not yet escaped for COPY (see {@link copyText}). */
export function textArrayLiteral(values: readonly string[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    if (i > 0) literal += ',';
    literal += NEEDS_ARRAY_QUOTES.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
  }
  return `${literal}}`;
}

/**
 * One line of COPY text for a graded number, columns in {@link NUMBER_COPY_COLUMNS} order.
 * `carrier` is passed separately because the appraisal's is optional (unknown blocks never
 * get this far).
 */
export function numberCopyRow(appraisal: Appraisal, carrier: string, gradingVersion: number): string {
  return (
    `${copyText(appraisal.digits)}\t${copyText(appraisal.block)}\t${copyText(carrier)}\t${copyText(appraisal.grade)}\t` +
    `${copyText(textArrayLiteral(appraisal.tags))}\t${copyText(appraisal.explanation)}\t` +
    `${appraisal.selectionFeeFen}\t${gradingVersion}\n`
  );
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const ARRAY_OPEN = 0x7b;
const ARRAY_CLOSE = 0x7d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const NOT_WRITTEN = -1;

// The byte writers below return the position after what they wrote, or NOT_WRITTEN when it
// does not fit in `target` (and pass NOT_WRITTEN on, so a row is written whole or not at all).
// Printable ASCII other than backslash is the same in UTF-8 and in COPY text, so it is
// copied char by char; anything else goes through copyText and Buffer#write.

function separator(target: Buffer, at: number, byte: number): number {
  if (at < 0 || at >= target.length) return NOT_WRITTEN;
  target[at] = byte;
  return at + 1;
}

function text(target: Buffer, at: number, value: string): number {
  if (at < 0) return NOT_WRITTEN;
  const length = value.length;
  if (at + length <= target.length) {
    let i = 0;
    for (; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x20 || code > 0x7e || code === BACKSLASH) break;
      target[at + i] = code;
    }
    if (i === length) return at + length;
  }
  const escaped = copyText(value);
  // A UTF-16 code unit takes at most 3 bytes of UTF-8; measure only when that could be too many.
  const room = target.length - at;
  if (escaped.length * 3 > room && Buffer.byteLength(escaped) > room) return NOT_WRITTEN;
  return at + target.write(escaped, at);
}

// A tag that needs no quoting in an array literal and no escaping in COPY text.
function plainElement(target: Buffer, at: number, value: string): number {
  const length = value.length;
  if (length === 0 || at + length > target.length) return NOT_WRITTEN;
  if (length === 4 && value.toLowerCase() === 'null') return NOT_WRITTEN;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    const special =
      code <= 0x20 || code > 0x7e || code === BACKSLASH || code === ARRAY_OPEN || code === ARRAY_CLOSE;
    if (special || code === COMMA || code === QUOTE) return NOT_WRITTEN;
    target[at + i] = code;
  }
  return at + length;
}

function tagArray(target: Buffer, at: number, values: readonly string[]): number {
  let position = separator(target, at, ARRAY_OPEN);
  for (let i = 0; i < values.length && position >= 0; i++) {
    if (i > 0) position = separator(target, position, COMMA);
    if (position >= 0) position = plainElement(target, position, values[i] ?? '');
  }
  position = separator(target, position, ARRAY_CLOSE);
  if (position >= 0 || at < 0) return position;
  return text(target, at, textArrayLiteral(values));
}

/**
 * Writes the same bytes as `Buffer.from(numberCopyRow(appraisal, carrier, gradingVersion))`
 * into `target` at `at`, without building the row as a string first (this runs once per
 * imported number). Returns the position after the row, or -1 when it does not fit before
 * the end of `target` (what was written after `at` is then garbage).
 */
export function writeNumberCopyRow(
  target: Buffer,
  at: number,
  appraisal: Appraisal,
  carrier: string,
  gradingVersion: number,
): number {
  let position = text(target, at, appraisal.digits);
  position = text(target, separator(target, position, TAB), appraisal.block);
  position = text(target, separator(target, position, TAB), carrier);
  position = text(target, separator(target, position, TAB), appraisal.grade);
  position = tagArray(target, separator(target, position, TAB), appraisal.tags);
  position = text(target, separator(target, position, TAB), appraisal.explanation);
  position = text(target, separator(target, position, TAB), String(appraisal.selectionFeeFen));
  position = text(target, separator(target, position, TAB), String(gradingVersion));
  return separator(target, position, NEWLINE);
}
