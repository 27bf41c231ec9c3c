import fc from 'fast-check';
import { KEYPAD, wordToDigits } from './keypad';

describe('wordToDigits', () => {
  it.each([
    ['FLOWERS', '3569377'],
    ['flowers', '3569377'],
    ['FloWeRs', '3569377'],
    ['go-flowers', '463569377'],
    ['1-800-FLOWERS', '18003569377'],
    ['ABC DEF', '222333'],
    ['PQRS TUV WXYZ', '77778889999'],
    ['GHIJKLMNO', '444555666'],
    ['4008', '4008'],
  ])('%j → %s', (word, digits) => {
    expect(wordToDigits(word)).toEqual({ ok: true, digits });
  });

  it.each([
    ['', 'EMPTY', 'Enter a word or digits to spell.'],
    [' - ', 'EMPTY', 'Enter a word or digits to spell.'],
    ['hello!', 'INVALID_CHARACTER', '"!" at position 6 is neither a letter on the keypad nor a digit.'],
    ['café', 'INVALID_CHARACTER', '"é" at position 4 is neither a letter on the keypad nor a digit.'],
    ['ＡＢＣ', 'INVALID_CHARACTER', '"Ａ" at position 1 is neither a letter on the keypad nor a digit.'],
  ])('%j → %s', (word, reason, message) => {
    expect(wordToDigits(word)).toEqual({ ok: false, reason, message });
  });

  it('uses the keypad it is given', () => {
    const keypad = { '2': 'AB', '3': 'C' };
    expect(wordToDigits('abc', keypad)).toEqual({ ok: true, digits: '223' });
    expect(wordToDigits('abd', keypad)).toMatchObject({ ok: false, reason: 'INVALID_CHARACTER' });
  });

  it('maps every letter to the key that shows it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (letter) => {
        const result = wordToDigits(letter);
        expect(result.ok).toBe(true);
        if (result.ok) expect(KEYPAD[result.digits]).toContain(letter);
      }),
    );
  });
});
