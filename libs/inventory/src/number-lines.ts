import { createReadStream } from 'node:fs';

/** One data row of an input file: its 1-based line in the file and the number cell as written. */
export interface NumberLine {
  line: number;
  text: string;
}

/** Longest line kept; the rest is dropped so a file without newlines cannot exhaust memory. */
export const MAX_LINE_LENGTH = 4096;

const READ_CHUNK_BYTES = 1 << 16;

/**
 * Splits one CSV row into trimmed cells. Double-quoted cells may contain commas and `""`
 * for a quote; a row cannot span lines (line numbers must stay the file's lines).
 */
export function splitCsvCells(row: string): string[] {
  if (!row.includes('"')) return row.split(',').map((cell) => cell.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const char = row[i];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (row[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Turns the physical lines of a file into number rows. The first non-blank line is a header
 * when one of its cells is `number` (any case): that column is read and the others ignored.
 * Otherwise every line is one number. Blank lines and the header yield nothing but still
 * count, so reported line numbers are the file's.
 */
export class NumberLineInterpreter {
  private column: number | undefined;

  /** `raw` is line `line` of the file without its `\n`. */
  interpret(raw: string, line: number): NumberLine | undefined {
    // trim() also drops a UTF-8 BOM (U+FEFF counts as white space) and a CR left by CRLF.
    const trimmed = raw.trim();
    if (trimmed === '') return undefined;
    if (this.column === undefined) {
      this.column = headerColumn(trimmed, line);
      if (this.column >= 0) return undefined;
    }
    // One number per line: only surrounding quotes need undoing (commas stay, and are rejected).
    if (this.column < 0)
      return { line, text: trimmed.includes('"') ? splitCsvCells(trimmed).join(',') : trimmed };
    return { line, text: splitCsvCells(trimmed)[this.column] ?? '' };
  }
}

// -1 when the line is data (a single cell), else the index of the `number` column.
function headerColumn(firstLine: string, line: number): number {
  const cells = splitCsvCells(firstLine);
  const index = cells.findIndex((cell) => cell.toLowerCase() === 'number');
  if (index >= 0) return index;
  if (cells.length > 1) {
    throw new Error(
      `Line ${line} has ${cells.length} columns but none is named "number": ` +
        'give the file a header row with a "number" column, or put one number per line.',
    );
  }
  return -1;
}

/**
 * Splits a stream of text chunks into lines (LF or CRLF), capping each at
 * {@link MAX_LINE_LENGTH}. Callback-based so the hot loop allocates only the line strings.
 */
export class LineSplitter {
  private rest = '';
  private overflow = false;

  constructor(private readonly onLine: (raw: string) => void) {}

  push(chunk: string): void {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      this.emit(chunk.slice(start, end));
      start = end + 1;
    }
    this.append(chunk.slice(start));
  }

  end(): void {
    if (this.rest !== '' || this.overflow) this.emit('');
  }

  private append(piece: string): void {
    if (this.overflow) return;
    this.rest += piece;
    if (this.rest.length > MAX_LINE_LENGTH) {
      this.rest = this.rest.slice(0, MAX_LINE_LENGTH);
      this.overflow = true;
    }
  }

  private emit(piece: string): void {
    this.append(piece);
    const line = this.rest;
    this.rest = '';
    this.overflow = false;
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}

/** Rows that can be read one by one or, cheaper, an array at a time (see `importNumbers`). */
export interface NumberLineSource extends AsyncIterable<NumberLine> {
  batches(): AsyncIterable<NumberLine[]>;
}

/**
 * Streams the number rows of a CSV file (see {@link NumberLineInterpreter}) in constant
 * memory. `batches()` yields one array per chunk read, because a per-row `await` costs more
 * than parsing the row; `importNumbers` uses it when present.
 */
export function readNumberLines(path: string): NumberLineSource {
  return {
    batches: () => readNumberLineBatches(path),
    async *[Symbol.asyncIterator]() {
      for await (const batch of readNumberLineBatches(path)) yield* batch;
    },
  };
}

async function* readNumberLineBatches(path: string): AsyncGenerator<NumberLine[]> {
  const interpreter = new NumberLineInterpreter();
  let lineNumber = 0;
  let batch: NumberLine[] = [];
  const splitter = new LineSplitter((raw) => {
    const row = interpreter.interpret(raw, ++lineNumber);
    if (row) batch.push(row);
  });
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<string>) {
    splitter.push(chunk);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  splitter.end();
  if (batch.length > 0) yield batch;
}

const NEWLINE = 10;
// Space, tab, CR and the bytes of a UTF-8 BOM, as a lookup table (this runs once per byte).
const BLANK_BYTE = new Uint8Array(256);
for (const byte of [0x20, 0x09, 0x0d, 0xef, 0xbb, 0xbf]) BLANK_BYTE[byte] = 1;

function isHeader(bytes: number[], line: number): boolean {
  return new NumberLineInterpreter().interpret(Buffer.from(bytes).toString('utf8'), line) === undefined;
}

/**
 * About how many rows {@link readNumberLines} will yield, for a progress bar's total: the
 * non-blank lines, less the header. Scans bytes without decoding them (so it allocates next
 * to nothing and leaves the heap small) and fails early when the file is unreadable; a line
 * of only non-ASCII spaces counts here though the reader skips it.
 */
export async function countNumberLines(path: string): Promise<number> {
  let count = 0;
  let line = 0;
  let content = false;
  let headerChecked = false;
  const firstLine: number[] = [];
  const endLine = (): void => {
    line++;
    if (content) count++;
    if (content && !headerChecked) {
      headerChecked = true;
      if (isHeader(firstLine, line)) count--;
    }
    firstLine.length = 0;
    content = false;
  };
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] ?? 0;
      if (byte === NEWLINE) endLine();
      else {
        if (BLANK_BYTE[byte] === 0) content = true;
        if (!headerChecked && firstLine.length < MAX_LINE_LENGTH) firstLine.push(byte);
      }
    }
  }
  endLine();
  return count;
}
