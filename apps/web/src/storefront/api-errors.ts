import { isApiError } from '../api/client';
import type { Locale } from '../i18n/messages';
import { hasStorefrontText, storefrontText } from './storefront-messages';

/** A form's errors by field path (`company.uscc`, `destinations[0].number`, `email`). */
export type FieldErrors = Readonly<Record<string, string>>;

/** A field error code in the chosen language, or the server's own words when it is unknown. */
export function fieldErrorText(locale: Locale, code: string | undefined, fallback: string): string {
  const id = `field.${code ?? ''}`;
  return code && hasStorefrontText(id) ? storefrontText(locale, id) : fallback;
}

/**
 * The API's `fields[]` as texts next to the form's fields: the first error of each field, in
 * the chosen language where its code is known. `prefix` is dropped from the paths (the
 * dossier endpoints report `form.company.uscc` for the form's `company.uscc`).
 */
export function apiFieldErrors(error: unknown, locale: Locale, prefix = ''): FieldErrors {
  if (!isApiError(error) || !error.fields) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) {
    const path = prefix && f.field.startsWith(prefix) ? f.field.slice(prefix.length) : f.field;
    if (path in out) continue;
    out[path] = fieldErrorText(locale, f.codes?.[0], f.errors[0] ?? f.field);
  }
  return out;
}

/** One line for an error that concerns no single field: the code's text, else the server's. */
export function apiErrorText(error: unknown, locale: Locale): string {
  if (isApiError(error)) {
    const id = `error.${error.code}`;
    if (hasStorefrontText(id)) return storefrontText(locale, id);
    return locale === 'en' ? error.message : `${storefrontText(locale, 'common.error')}（${error.code}）`;
  }
  return storefrontText(locale, 'common.error');
}
