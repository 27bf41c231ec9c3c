import { appraise, type Appraisal } from '@haoma/domain';
import { copyNumbersSql, copyText, numberCopyRow, textArrayLiteral } from './copy-format';

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
