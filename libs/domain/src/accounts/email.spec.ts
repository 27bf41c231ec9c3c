import fc from 'fast-check';
import { checkEmail, EMAIL_MAX_LENGTH, normaliseEmail } from './email';

describe('normaliseEmail', () => {
  it.each([
    ['Li.Wei@Example.COM', 'li.wei@example.com'],
    ['  sales@haoma.cn \n', 'sales@haoma.cn'],
    ['ＬＩ＠ＱＱ．ＣＯＭ', 'li@qq.com'],
    ['a+tag@sub.example.org', 'a+tag@sub.example.org'],
  ])('%j → %s', (raw, email) => {
    expect(normaliseEmail(raw)).toBe(email);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (raw) => normaliseEmail(normaliseEmail(raw)) === normaliseEmail(raw)));
  });
});

describe('checkEmail', () => {
  it.each([
    'li@qq.com',
    'li.wei@163.com',
    'first.last+shop@mail.example.co.uk',
    "o'brien@example.ie",
    'x@xn--fiqs8s.xn--fiqs8s',
    'a-b_c@a-b.example',
    `${'a'.repeat(64)}@example.com`,
  ])('accepts %s', (email) => {
    expect(checkEmail(email)).toBeUndefined();
  });

  it.each([
    ['', 'REQUIRED'],
    ['li', 'INVALID_EMAIL'],
    ['li@', 'INVALID_EMAIL'],
    ['@qq.com', 'INVALID_EMAIL'],
    ['li@qq', 'INVALID_EMAIL'],
    ['li@qq.c', 'INVALID_EMAIL'],
    ['li@qq.123', 'INVALID_EMAIL'],
    ['li wei@qq.com', 'INVALID_EMAIL'],
    ['li..wei@qq.com', 'INVALID_EMAIL'],
    ['.li@qq.com', 'INVALID_EMAIL'],
    ['li.@qq.com', 'INVALID_EMAIL'],
    ['li@-qq.com', 'INVALID_EMAIL'],
    ['li@qq-.com', 'INVALID_EMAIL'],
    ['li@qq..com', 'INVALID_EMAIL'],
    ['li@中国.com', 'INVALID_EMAIL'],
    ['li@qq.com\n', 'INVALID_EMAIL'],
    ['"li"@qq.com', 'INVALID_EMAIL'],
    [`${'a'.repeat(65)}@example.com`, 'INVALID_EMAIL'],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}.com`, 'TOO_LONG'],
  ])('refuses %j with %s', (email, code) => {
    expect(checkEmail(email)?.code).toBe(code);
  });

  it('refuses every address longer than the limit, whatever it looks like', () => {
    fc.assert(
      fc.property(fc.string({ minLength: EMAIL_MAX_LENGTH + 1, maxLength: 400 }), (email) => {
        expect(checkEmail(email)?.code).toBe('TOO_LONG');
      }),
    );
  });

  it('accepts generated well-formed addresses', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const address = fc
      .tuple(
        fc.stringMatching(/^[a-z0-9_+-]{1,20}(\.[a-z0-9_+-]{1,10}){0,2}$/),
        label,
        fc.stringMatching(/^[a-z]{2,6}$/),
      )
      .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
    fc.assert(fc.property(address, (email) => checkEmail(email) === undefined));
  });
});
