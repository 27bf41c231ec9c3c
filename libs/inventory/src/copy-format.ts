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
    `${appraisal.digits}\t${appraisal.block}\t${copyText(carrier)}\t${copyText(appraisal.grade)}\t` +
    `${copyText(textArrayLiteral(appraisal.tags))}\t${copyText(appraisal.explanation)}\t` +
    `${appraisal.selectionFeeFen}\t${gradingVersion}\n`
  );
}
