/**
 * Reports as CSV for Excel in China: UTF-8 with a byte-order mark (without it Excel reads
 * the bytes as GBK and garbles Chinese names), a header row, CRLF line ends (RFC 4180).
 */

/** A cell: what report rows hold. `null` is an empty cell. */
export type CsvValue = string | number | boolean | null;

/** The UTF-8 byte-order mark Excel needs to read UTF-8. */
export const CSV_BOM = '\uFEFF';

const NUMERIC = /^-?\d+(\.\d+)?$/;
// Excel runs a cell starting with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as written: numbers as they are, text quoted when needed and defused as a formula. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) && !NUMERIC.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV document of `rows` with `columns` as its header, in that order. */
export function toCsv<Row extends Record<string, CsvValue>>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column] ?? null)).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * Reads back a document {@link toCsv} wrote (cells as text, the BOM dropped): for tests and
 * for anyone checking that the CSV and the JSON agree.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
