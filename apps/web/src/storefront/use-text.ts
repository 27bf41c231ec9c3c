import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Locale } from '../i18n/messages';
import { storefrontText, type StorefrontMessageId } from './storefront-messages';

export type Text = (id: StorefrontMessageId, values?: Readonly<Record<string, string | number>>) => string;

/** The storefront's texts in the language chosen in the header. */
export function useText(): { t: Text; locale: Locale } {
  const { locale } = useI18n();
  const t = useCallback<Text>((id, values) => storefrontText(locale, id, values), [locale]);
  return { t, locale };
}
