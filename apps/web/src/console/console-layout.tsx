import { Button, Layout, Menu, Result, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { LOCALES, type Locale } from '../i18n/messages';
import { useConsoleText, useStaff, type StaffRole } from './use-console';

/** The console's pages and who sees them (the API enforces the same roles). */
const NAV = [
  { path: '/console', label: 'console.nav.board', roles: ['sales', 'reviewer', 'admin'] },
  { path: '/console/reviews', label: 'console.nav.reviews', roles: ['reviewer', 'admin'] },
  { path: '/console/reports', label: 'console.nav.reports', roles: ['sales', 'admin'] },
  { path: '/console/inventory', label: 'console.nav.inventory', roles: ['admin'] },
] as const;

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** The frame of every console page: signed-in staff only, navigation by role, sign-out. */
export function ConsoleLayout() {
  const { t } = useConsoleText();
  const { locale, setLocale, t: shop } = useI18n();
  const { account, role, signOut } = useStaff();
  const location = useLocation();
  const navigate = useNavigate();
  if (!account || !role) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/console/login?next=${next}`} replace />;
  }
  const items = NAV.filter((n) => (n.roles as readonly StaffRole[]).includes(role));
  const selected = [...items].reverse().find((n) => location.pathname.startsWith(n.path))?.path ?? '/console';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px' }}>
        <Typography.Text style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('console.title')}
        </Typography.Text>
        <nav aria-label={t('console.nav')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selected]}
            onClick={({ key }) => void navigate(key)}
            items={items.map((n) => ({ key: n.path, label: t(n.label) }))}
          />
        </nav>
        <Space>
          <Segmented<Locale>
            aria-label={shop('app.language')}
            size="small"
            value={locale}
            onChange={setLocale}
            options={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
          />
          <Typography.Text style={{ color: '#fff' }} data-testid="console-user">
            {account.name} · {t(`console.role.${role}`)}
          </Typography.Text>
          <Button size="small" onClick={() => void signOut().then(() => navigate('/console/login'))}>
            {t('console.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content id="main" style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

/** A page only `roles` may see; others get a plain refusal instead of a wall of 403s. */
export function RoleGate({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { t } = useConsoleText();
  const { role } = useStaff();
  if (!role || !roles.includes(role)) return <Result status="403" title={t('console.forbidden')} />;
  return <>{children}</>;
}
