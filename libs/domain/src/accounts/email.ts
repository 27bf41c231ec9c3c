import type { AccountFieldError } from './account-field-errors';

/** RFC 5321's limits: a whole address and its local part. */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;

// The local part's "atext" characters (RFC 5322) with single dots between them; quoted
// local parts are legal but nobody registers a shop account with one.
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
// A top-level domain is letters, or an IDN in its punycode form.
const TLD = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The form an email address is stored and compared in: Unicode-normalised (NFKC, so
 * full-width `＠` and letters typed with a Chinese IME become ASCII), trimmed and
 * lower-cased. The login is case-insensitive because of this.
 */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** Why a normalised email address is refused, or undefined when it is acceptable. */
export function checkEmail(email: string): AccountFieldError | undefined {
  const field = 'email';
  if (email === '') return { field, code: 'REQUIRED', message: 'Enter an email address.' };
  if (email.length > EMAIL_MAX_LENGTH)
    return {
      field,
      code: 'TOO_LONG',
      message: `An email address has at most ${EMAIL_MAX_LENGTH} characters.`,
    };
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  const valid =
    at > 0 &&
    local.length <= LOCAL_MAX_LENGTH &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    TLD.test(labels[labels.length - 1] ?? '');
  return valid ? undefined : { field, code: 'INVALID_EMAIL', message: 'Enter a valid email address.' };
}
