import fc from 'fast-check';
import { checkMobile, normaliseMobile } from './mobile';

describe('normaliseMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['(+86) 138.0013.8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['86 138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８\u3000００１３\u3000８０００', '13800138000'],
    ['＋８６ １９９１２３４５６７８', '19912345678'],
    ['  15012345678\t', '15012345678'],
    ['138‐0013–8000', '13800138000'],
  ])('%j → %s', (raw, mobile) => {
    expect(normaliseMobile(raw)).toBe(mobile);
  });

  it.each([
    '',
    '1380013800',
    '138001380001',
    '12800138000',
    '10800138000',
    '23800138000',
    '4008208888',
    '+85213800138000',
    '+1 13800138000',
    '138OO138OOO',
    '138/0013/8000',
    '+8613800138000x',
    '86 86 13800138000',
  ])('refuses %j', (raw) => {
    expect(normaliseMobile(raw)).toBeUndefined();
  });

  it('finds the 11 digits in any spacing of any valid number', () => {
    const mobile = fc
      .tuple(fc.constantFrom(...'3456789'), fc.stringMatching(/^\d{9}$/))
      .map(([second, rest]) => `1${second}${rest}`);
    const prefix = fc.constantFrom('', '+86', '+86 ', '0086', '86 ', '(+86)');
    const separated = fc
      .tuple(prefix, mobile, fc.array(fc.constantFrom(' ', '-', '.'), { minLength: 11, maxLength: 11 }))
      .map(([p, digits, seps]) => ({
        digits,
        text: p + [...digits].map((d, i) => (i % 4 === 3 ? seps[i] + d : d)).join(''),
      }));
    fc.assert(fc.property(separated, ({ digits, text }) => normaliseMobile(text) === digits));
  });
});

describe('checkMobile', () => {
  it.each([
    ['', 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['12345', 'INVALID_MOBILE'],
  ])('%j → %s', (raw, code) => {
    const result = checkMobile(raw);
    expect(result.ok ? undefined : result.error).toMatchObject({ field: 'mobile', code });
  });

  it('returns the digits of a valid number', () => {
    expect(checkMobile('+86 139 1234 5678')).toEqual({ ok: true, mobile: '13912345678' });
  });
});
