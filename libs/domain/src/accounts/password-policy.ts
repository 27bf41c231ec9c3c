import type { AccountFieldError } from './account-field-errors';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
export const PASSWORD_MAX_LENGTH = 128;

type CharacterClass = 'lower' | 'upper' | 'digit' | 'other';

function classOf(char: string): CharacterClass {
  if (char >= 'a' && char <= 'z') return 'lower';
  if (char >= 'A' && char <= 'Z') return 'upper';
  if (char >= '0' && char <= '9') return 'digit';
  return 'other';
}

/**
 * Why a new password is refused, or undefined when it is acceptable: at least
 * PASSWORD_MIN_LENGTH characters (Unicode code points, so 中文 passwords count fairly), at
 * most PASSWORD_MAX_LENGTH, and not all of one kind (only lower-case letters, only digits…).
 * Length matters far more than composition; the one-class rule only stops `1234567890`
 * and `aaaaaaaaaa`-style choices.
 */
export function checkPassword(password: string, field = 'password'): AccountFieldError | undefined {
  const chars = [...password];
  if (chars.length === 0) return { field, code: 'REQUIRED', message: 'Enter a password.' };
  if (chars.length < PASSWORD_MIN_LENGTH)
    return {
      field,
      code: 'PASSWORD_TOO_SHORT',
      message: `A password has at least ${PASSWORD_MIN_LENGTH} characters.`,
    };
  if (chars.length > PASSWORD_MAX_LENGTH)
    return {
      field,
      code: 'PASSWORD_TOO_LONG',
      message: `A password has at most ${PASSWORD_MAX_LENGTH} characters.`,
    };
  const first = classOf(chars[0] ?? '');
  if (chars.every((char) => classOf(char) === first))
    return {
      field,
      code: 'PASSWORD_TOO_SIMPLE',
      message: 'Mix at least two kinds of characters: lower-case, upper-case, digits, others.',
    };
  return undefined;
}
