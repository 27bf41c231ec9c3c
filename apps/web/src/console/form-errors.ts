import type { Locale } from '../i18n/messages';
import { formatFen } from '../format/money';
import { consoleText, isConsoleMessageId } from './console-messages';

/** What a refused request means for a form: a text per field it concerns, and one for the form. */
export interface FormErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly form?: string;
}

/** Where a console form shows a code that concerns one field (e.g. a duplicate bank reference). */
export type CodeFields = Readonly<Partial<Record<string, string>>>;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  fields?: unknown;
  mentions?: unknown;
  expectedFen?: unknown;
}

function codeText(locale: Locale, body: ErrorLike): string {
  const code = typeof body.code === 'string' ? body.code : '';
  const message = typeof body.message === 'string' ? body.message : String(body.code ?? '');
  const id = `error.${code}`;
  if (!isConsoleMessageId(id)) return consoleText(locale, 'error.unknown', { message });
  const mentions = Array.isArray(body.mentions) ? body.mentions.map((m) => `@${String(m)}`).join(', ') : '';
  const expected = Number.isSafeInteger(body.expectedFen) ? formatFen(body.expectedFen as number) : '';
  return consoleText(locale, id, { mentions, expected });
}

/**
 * The API's error body (`{code, message, fields?, …details}`) as texts next to the fields of a
 * form, in the console's language. Validation errors name their fields; a few codes concern
 * one field (`codeFields`); anything else is shown above the form. A field the form does not
 * have (`known`) falls back to the form text, so no error is ever swallowed.
 */
export function formErrorsOf(
  error: unknown,
  locale: Locale,
  known: readonly string[],
  codeFields: CodeFields = {},
): FormErrors {
  const body: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
  if (typeof body.code !== 'string')
    return { fields: {}, form: consoleText(locale, 'error.unknown', { message: String(error) }) };
  const fields: Record<string, string> = {};
  const leftOver: string[] = [];
  if (body.code === 'VALIDATION_FAILED' && Array.isArray(body.fields)) {
    for (const entry of body.fields as { field?: unknown; errors?: unknown }[]) {
      const field = typeof entry.field === 'string' ? entry.field : '';
      // Chinese users get the field marked in Chinese; the API's own words are English.
      const text =
        locale === 'en' && Array.isArray(entry.errors)
          ? entry.errors.join('; ')
          : consoleText(locale, 'error.VALIDATION_FAILED');
      if (known.includes(field)) fields[field] = text;
      else leftOver.push(`${field}: ${text}`);
    }
    return { fields, ...(leftOver.length ? { form: leftOver.join('; ') } : {}) };
  }
  const field = codeFields[body.code];
  const text = codeText(locale, body);
  if (field && known.includes(field)) return { fields: { [field]: text } };
  return { fields: {}, form: text };
}
