import type { AccountFieldError } from './account-field-errors';

// Mainland China mobile numbers: 11 digits, 1 then 3–9 (13x … 19x).
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
// What people put between digits: spaces (any width), hyphens and dashes, dots, brackets.
const SEPARATORS = /[\s\u2010-\u2015\u2212.()-]/g;

/**
 * A mainland mobile number as its 11 digits, or undefined when `raw` is not one. Accepts
 * what people type: spaces, hyphens, dots and brackets anywhere, full-width characters, and
 * the country code as `+86`, `0086` or `86` in front.
 */
export function normaliseMobile(raw: string): string | undefined {
  let text = raw.normalize('NFKC').replace(SEPARATORS, '');
  if (text.startsWith('+86')) text = text.slice(3);
  else if (text.startsWith('0086')) text = text.slice(4);
  // 86 followed by 11 digits: an 11-digit mobile number itself never starts with 86.
  else if (text.length === 13 && text.startsWith('86')) text = text.slice(2);
  return MAINLAND_MOBILE.test(text) ? text : undefined;
}

/** The normalised mobile number, or why `raw` is refused. */
export function checkMobile(
  raw: string,
): { ok: true; mobile: string } | { ok: false; error: AccountFieldError } {
  const field = 'mobile';
  if (raw.trim() === '')
    return { ok: false, error: { field, code: 'REQUIRED', message: 'Enter a mobile number.' } };
  const mobile = normaliseMobile(raw);
  return mobile
    ? { ok: true, mobile }
    : {
        ok: false,
        error: {
          field,
          code: 'INVALID_MOBILE',
          message: 'Enter a mainland China mobile number: 11 digits starting with 13–19.',
        },
      };
}
