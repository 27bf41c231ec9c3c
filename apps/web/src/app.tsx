import { Layout, Segmented, Typography } from 'antd';
import { useLocation, useRoutes } from 'react-router-dom';
import { ConsoleRoot } from './console/routes';
import { useI18n } from './i18n/i18n';
import { LOCALES, type Locale } from './i18n/messages';
import { StorefrontSearchPage } from './search/storefront-search.page';
import { storefrontRoutes } from './storefront/routes';

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * The frame of every storefront page (the shop's name, the language switch) around its
 * routes; the staff console under /console has a frame of its own.
 */
export function App() {
  const { t, locale, setLocale } = useI18n();
  const { pathname } = useLocation();
  const storefront = useRoutes([...storefrontRoutes, { path: '*', element: <StorefrontSearchPage /> }]);
  if (pathname.startsWith('/console')) return <ConsoleRoot />;
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
        {storefront}
      </Layout.Content>
    </Layout>
  );
}
