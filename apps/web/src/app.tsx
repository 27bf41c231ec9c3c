import { Layout, Segmented, Typography } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { useI18n } from './i18n/i18n';
import { LOCALES, type Locale } from './i18n/messages';
import { StorefrontSearchPage } from './search/storefront-search.page';

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** The frame of every page: the shop's name, the language switch, and the routes. */
export function App() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        <Typography.Text className="shell-title">{t('app.title')}</Typography.Text>
        <Segmented<Locale>
          aria-label={t('app.language')}
          size="small"
          value={locale}
          onChange={setLocale}
          options={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
        />
      </Layout.Header>
      <Layout.Content id="main" className="shell-content">
        <Routes>
          <Route path="*" element={<StorefrontSearchPage />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
