import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readLocale, saveLocale, translate, type Locale, type MessageId } from './messages';

export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  t(id: MessageId, values?: Readonly<Record<string, string | number>>): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** The chosen language for the whole app, Ant Design's own texts (pagers, pickers) included. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => readLocale(storage()));
  const setLocale = useCallback((next: Locale) => {
    saveLocale(storage(), next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (id, values) => translate(locale, id, values) }),
    [locale, setLocale],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? zhCN : enUS}
        theme={{ token: { colorPrimary: '#c8102e' } }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
