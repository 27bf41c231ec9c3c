import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countNumberLines,
  LineSplitter,
  MAX_LINE_LENGTH,
  NumberLineInterpreter,
  readNumberLines,
  splitCsvCells,
  type NumberLine,
} from './number-lines';

describe('splitCsvCells', () => {
  it.each([
    ['4008001234', ['4008001234']],
    ['a, 4008001234 ,c', ['a', '4008001234', 'c']],
    ['"4008001234"', ['4008001234']],
    ['"Acme, Inc.",4008001234', ['Acme, Inc.', '4008001234']],
    ['"say ""hi""", "400-800-1234"', ['say "hi"', '400-800-1234']],
    ['a,,', ['a', '', '']],
  ])('%j → %j', (row, cells) => {
    expect(splitCsvCells(row)).toEqual(cells);
  });
});

function interpretAll(lines: string[]): NumberLine[] {
  const interpreter = new NumberLineInterpreter();
  return lines.flatMap((raw, i) => interpreter.interpret(raw, i + 1) ?? []);
}

describe('NumberLineInterpreter', () => {
  it('reads one number per line, keeping the file line numbers across blank lines', () => {
    expect(interpretAll(['4008001234', '', '   ', '"400-800-1235"', ' 400 800 1236 '])).toEqual([
      { line: 1, text: '4008001234' },
      { line: 4, text: '400-800-1235' },
      { line: 5, text: '400 800 1236' },
    ]);
  });

  it('reads the "number" column of a header row and ignores the others', () => {
    expect(
      interpretAll(['\uFEFFname,Number,note', 'Acme,4008001234,x', '', '"Big, Co","400-800-1235",', 'Short']),
    ).toEqual([
      { line: 2, text: '4008001234' },
      { line: 4, text: '400-800-1235' },
      // A row without the column is reported, not silently dropped.
      { line: 5, text: '' },
    ]);
  });

  it('accepts a one-column file with a header, after leading blank lines', () => {
    expect(interpretAll(['', '"number"', '4008001234'])).toEqual([{ line: 3, text: '4008001234' }]);
  });

  it('ignores a BOM', () => {
    expect(interpretAll(['\uFEFF4008001234', '\uFEFF"4008001235"'])).toEqual([
      { line: 1, text: '4008001234' },
      { line: 2, text: '4008001235' },
    ]);
  });

  it('keeps commas of a headerless line so the number is rejected, not guessed', () => {
    expect(interpretAll(['4008001234', '4008001235,extra'])).toEqual([
      { line: 1, text: '4008001234' },
      { line: 2, text: '4008001235,extra' },
    ]);
  });

  it('refuses a first row with several columns and no "number" column', () => {
    expect(() => interpretAll(['phone,name', '4008001234,Acme'])).toThrow(
      'Line 1 has 2 columns but none is named "number"',
    );
  });
});

describe('LineSplitter', () => {
  const split = (chunks: string[]): string[] => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    chunks.forEach((chunk) => splitter.push(chunk));
    splitter.end();
    return lines;
  };

  it('splits LF and CRLF lines cut anywhere across chunks', () => {
    expect(split(['a\r', '\nb', 'c\n\r\n', 'd'])).toEqual(['a', 'bc', '', 'd']);
    expect(split(['a\n'])).toEqual(['a']);
    expect(split([])).toEqual([]);
  });

  it('caps an endless line so memory stays bounded', () => {
    const lines = split(['x'.repeat(MAX_LINE_LENGTH), 'y'.repeat(10_000), '\nok\n']);
    expect(lines.map((line) => line.length)).toEqual([MAX_LINE_LENGTH, 2]);
    expect(lines[0]).toBe('x'.repeat(MAX_LINE_LENGTH));
  });
});

describe('readNumberLines and countNumberLines', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'haoma-lines-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const collect = async (path: string): Promise<NumberLine[]> => {
    const rows: NumberLine[] = [];
    for await (const row of readNumberLines(path)) rows.push(row);
    return rows;
  };

  it('streams a CRLF file with BOM and header, line numbers true, one by one or in batches', async () => {
    const path = join(dir, 'header.csv');
    await writeFile(path, '\uFEFFnumber,name\r\n4008001234,A\r\n\r\n"４００８００１２３５",B\r\nbad,C');
    const expected = [
      { line: 2, text: '4008001234' },
      { line: 4, text: '４００８００１２３５' },
      { line: 5, text: 'bad' },
    ];
    expect(await collect(path)).toEqual(expected);
    const batched: NumberLine[] = [];
    for await (const batch of readNumberLines(path).batches()) batched.push(...batch);
    expect(batched).toEqual(expected);
    expect(await countNumberLines(path)).toBe(3);
  });

  it('reads a large headerless file across read chunks', async () => {
    const path = join(dir, 'big.csv');
    const numbers = Array.from({ length: 200_000 }, (_, i) => `400${String(i).padStart(7, '0')}`);
    await writeFile(path, `${numbers.join('\n')}\n`);
    const rows = await collect(path);
    expect(rows).toHaveLength(200_000);
    expect(rows[123_456]).toEqual({ line: 123_457, text: numbers[123_456] });
    expect(rows.every((row, i) => row.line === i + 1 && row.text === numbers[i])).toBe(true);
    expect(await countNumberLines(path)).toBe(200_000);
  });

  it('fails on a missing file', async () => {
    await expect(countNumberLines(join(dir, 'missing.csv'))).rejects.toThrow('ENOENT');
    await expect(collect(join(dir, 'missing.csv'))).rejects.toThrow('ENOENT');
  });
});

describe('countNumberLines edge cases', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'haoma-count-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['', 0],
    ['number\n', 0],
    ['\n \r\n\uFEFFnumber,x\r\n1\r\n\r\n2', 2],
    ['\uFEFF4008001234\n  \n4008001235\n', 2],
    ['4008001234', 1],
    ['"number"\n4008001234\n', 1],
  ])('%j has %i rows', async (content, rows) => {
    const path = join(dir, 'count.csv');
    await writeFile(path, content);
    expect(await countNumberLines(path)).toBe(rows);
    let read = 0;
    for await (const _ of readNumberLines(path)) read++;
    expect(read).toBe(rows);
  });

  it('refuses a file whose first row has columns but no "number"', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, '\n\nphone,name\n4008001234,A\n');
    await expect(countNumberLines(path)).rejects.toThrow('Line 3 has 2 columns but none is named "number"');
    await expect(readNumberLines(path)[Symbol.asyncIterator]().next()).rejects.toThrow(
      'Line 3 has 2 columns',
    );
  });
});
