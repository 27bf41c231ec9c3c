import fc from 'fast-check';
import { checkUscc, USCC_ALPHABET, usccCheckCharacter } from './uscc';

const alphabet = USCC_ALPHABET.split('');
const char = fc.constantFrom(...alphabet);
const digit = fc.constantFrom(...'0123456789'.split(''));
/** 17 characters: 2 of the alphabet, the 6-digit area code, 9 of the alphabet. */
const first17 = fc
  .tuple(
    fc.array(char, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(char, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));

describe('USCC (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91310110666007217T', '91310115591693856A'])(
    'accepts the published valid code %s',
    (code) => {
      expect(checkUscc(code)).toEqual({ ok: true, uscc: code });
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
    },
  );

  it.each(['91350100M000100Y4A', '91350211M00013FA1N'])(
    'flags the published invalid code %s as a check failure',
    (code) => {
      expect(checkUscc(code)).toEqual({ ok: false, reason: 'USCC_CHECK', uscc: code });
    },
  );

  it.each([
    ['', 'USCC_FORMAT'],
    ['91350100M000100Y4', 'USCC_FORMAT'],
    ['91350100M000100Y433', 'USCC_FORMAT'],
    ['91350100M000100I43', 'USCC_FORMAT'], // I is not in the alphabet
    ['91350100M000100O43', 'USCC_FORMAT'],
    ['91350100M000100S43', 'USCC_FORMAT'],
    ['91350100M000100V43', 'USCC_FORMAT'],
    ['91350100M000100Z43', 'USCC_FORMAT'],
    ['9135010-M000100Y43', 'USCC_FORMAT'],
    ['913A0100M000100Y43', 'USCC_AREA'],
    ['913501Q0M000100Y43', 'USCC_AREA'],
  ])('refuses %j with %s', (code, reason) => {
    expect(checkUscc(code)).toMatchObject({ ok: false, reason });
  });

  it.each([
    [' 91350100M000100Y43 ', '91350100M000100Y43'],
    ['91350100m000100y43', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
  ])('normalises %j', (typed, code) => {
    expect(checkUscc(typed)).toEqual({ ok: true, uscc: code });
  });

  it('writes r = 31 as 0 (the case copied snippets miss)', () => {
    // Search for a prefix whose weighted sum is 0 mod 31: its check character must be '0'.
    const prefix = fc.sample(first17, { numRuns: 5000, seed: 7 }).find((p) => usccCheckCharacter(p) === '0');
    expect(prefix).toBeDefined();
    expect(checkUscc(`${prefix}0`)).toMatchObject({ ok: true });
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it('has no check character for malformed prefixes', () => {
    expect(usccCheckCharacter('0000000000000000')).toBeUndefined();
    expect(usccCheckCharacter('0000000000000000I')).toBeUndefined();
  });

  it('property: a code with its computed check character always validates', () => {
    fc.assert(
      fc.property(first17, (p) => {
        expect(checkUscc(`${p}${usccCheckCharacter(p)}`)).toMatchObject({ ok: true });
      }),
    );
  });

  it('property: changing any single character to another alphabet character never validates', () => {
    fc.assert(
      fc.property(first17, fc.nat(17), char, (p, at, replacement) => {
        const code = `${p}${usccCheckCharacter(p)}`;
        fc.pre(code.charAt(at) !== replacement);
        const changed = `${code.slice(0, at)}${replacement}${code.slice(at + 1)}`;
        expect(checkUscc(changed).ok).toBe(false);
      }),
    );
  });
});
