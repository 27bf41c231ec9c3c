import fc from 'fast-check';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

describe('checkPassword', () => {
  it.each([
    'correct horse battery',
    'Abcdefghij',
    'abcdefghi1',
    '1234567890a',
    '号码商店号码商店ab',
    'a'.repeat(PASSWORD_MAX_LENGTH - 1) + '1',
  ])('accepts %j', (password) => {
    expect(checkPassword(password)).toBeUndefined();
  });

  it.each([
    ['', 'REQUIRED'],
    ['Ab1!', 'PASSWORD_TOO_SHORT'],
    ['Abcdefgh1', 'PASSWORD_TOO_SHORT'],
    // Nine code points, though .length is 18.
    ['😀😀😀😀😀😀😀😀a', 'PASSWORD_TOO_SHORT'],
    ['a'.repeat(PASSWORD_MAX_LENGTH) + 'B', 'PASSWORD_TOO_LONG'],
    ['1234567890', 'PASSWORD_TOO_SIMPLE'],
    ['abcdefghijkl', 'PASSWORD_TOO_SIMPLE'],
    ['ABCDEFGHIJKL', 'PASSWORD_TOO_SIMPLE'],
    ['!@#$%^&*()_+', 'PASSWORD_TOO_SIMPLE'],
    ['号码商店号码商店号码', 'PASSWORD_TOO_SIMPLE'],
    ['          ', 'PASSWORD_TOO_SIMPLE'],
  ])('refuses %j with %s', (password, code) => {
    expect(checkPassword(password)).toMatchObject({ field: 'password', code });
  });

  it('names the field it is given', () => {
    expect(checkPassword('', 'newPassword')?.field).toBe('newPassword');
  });

  it('accepts any long-enough mix of a letter and a digit, and refuses any short one', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 200 }), (text) => {
        const password = `a1${text}`;
        const length = [...password].length;
        const code = checkPassword(password)?.code;
        if (length < PASSWORD_MIN_LENGTH) return code === 'PASSWORD_TOO_SHORT';
        if (length > PASSWORD_MAX_LENGTH) return code === 'PASSWORD_TOO_LONG';
        return code === undefined;
      }),
    );
  });
});
