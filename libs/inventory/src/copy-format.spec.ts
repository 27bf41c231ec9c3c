import fc from 'fast-check';
import { appraise, type Appraisal } from '@haoma/domain';
import { copyNumbersSql, copyText, numberCopyRow, textArrayLiteral, writeNumberCopyRow } from './copy-format';

describe('copyText', () => {
  it.each([
    ['plain text, with commas; and 中文 ×3', 'plain text, with commas; and 中文 ×3'],
    ['a\tb', 'a\\tb'],
    ['line\nbreak\r', 'line\\nbreak\\r'],
    ['back\\slash \\N', 'back\\\\slash \\\\N'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(copyText(value)).toBe(expected);
  });
});

describe('textArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [['tail:AAAA', 'middle:G520', 'tail:ABCDE+'], '{tail:AAAA,middle:G520,tail:ABCDE+}'],
    [['a b', 'x,y', '{z}', 'say "hi"', 'back\\slash'], '{"a b","x,y","{z}","say \\"hi\\"","back\\\\slash"}'],
    [['', 'NULL', 'null', 'nullable'], '{"","NULL","null",nullable}'],
  ])('%j → %s', (values, expected) => {
    expect(textArrayLiteral(values)).toBe(expected);
  });
});

describe('numberCopyRow', () => {
  it('writes the columns in COPY order, tab-separated, escaped', () => {
    const appraisal: Appraisal = {
      ...appraise('4008888123'),
      tags: ['tail:AAA', 'odd\ttag'],
      explanation: 'two\nlines',
    };
    expect(numberCopyRow(appraisal, 'telecom', 7)).toBe(
      `4008888123\t4008\ttelecom\t${appraisal.grade}\t{tail:AAA,"odd\\ttag"}\ttwo\\nlines\t` +
        `${appraisal.selectionFeeFen}\t7\n`,
    );
  });

  it('names the columns in the same order', () => {
    expect(copyNumbersSql('numbers')).toBe(
      'COPY numbers ("number", "block", "carrier", "grade", "tags", "explanation", "selection_fee_fen", ' +
        '"grading_version") FROM STDIN (FORMAT text)',
    );
  });
});

describe('writeNumberCopyRow', () => {
  // Strings that mix what the byte writer copies as is with everything it must hand over.
  const oddText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '\\',
        '\t',
        '\n',
        '\r',
        ' ',
        ',',
        '"',
        '{',
        '}',
        'N',
        'n',
        'u',
        'l',
        '×',
        '中',
        '\u00a0',
      ),
      fc.string({ minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
  });
  const appraisal = fc.record({
    digits: fc.oneof(fc.constant('4008888123'), oddText),
    block: fc.oneof(fc.constant('4008'), oddText),
    grade: fc.oneof(fc.constantFrom('standard', 'gold'), oddText),
    tags: fc.array(fc.oneof(fc.constantFrom('tail:AAAA', 'middle:G520', 'NULL', 'null', ''), oddText)),
    explanation: fc.oneof(fc.constantFrom('standard number', 'lucky 8×3'), oddText),
    selectionFeeFen: fc.oneof(fc.nat(), fc.integer(), fc.double()),
  });

  it('writes exactly the bytes of numberCopyRow', () => {
    fc.assert(
      fc.property(appraisal, oddText, fc.integer(), fc.nat(40), (fields, carrier, version, at) => {
        const a = { ...appraise('4008888123'), ...fields } as Appraisal;
        const expected = Buffer.from(numberCopyRow(a, carrier, version));
        const target = Buffer.alloc(at + expected.length * 3 + 8, 0xff);
        const end = writeNumberCopyRow(target, at, a, carrier, version);
        expect(end).toBe(at + expected.length);
        expect(target.subarray(at, end)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns -1 when the row does not fit, and never writes past the buffer', () => {
    fc.assert(
      fc.property(appraisal, fc.nat(), (fields, cut) => {
        const a = { ...appraise('4008888123'), ...fields } as Appraisal;
        const size = Buffer.byteLength(numberCopyRow(a, 'telecom', 1));
        const room = cut % size;
        const backing = Buffer.alloc(room + 16, 0xee);
        const end = writeNumberCopyRow(backing.subarray(0, room), 0, a, 'telecom', 1);
        expect(end).toBe(-1);
        expect(backing.subarray(room)).toEqual(Buffer.alloc(16, 0xee));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes the graded rows of real numbers', () => {
    const target = Buffer.alloc(256);
    for (const digits of ['4008888123', '4000000000', '4001314520', '4006888888', '4009123456']) {
      const a = appraise(digits);
      const end = writeNumberCopyRow(target, 0, a, a.carrier ?? '', 3);
      expect(target.toString('utf8', 0, end)).toBe(numberCopyRow(a, a.carrier ?? '', 3));
    }
  });
});
