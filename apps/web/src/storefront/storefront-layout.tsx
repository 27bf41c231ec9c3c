import { Button, Space } from 'antd';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useText } from './use-text';

/** The customer's links above every purchase page: search, orders, numbers, and the account. */
export function StorefrontLayout() {
  const { t } = useText();
  const { session, signOut } = useSession('customer');
  const navigate = useNavigate();
  return (
    <>
      <nav className="storefront-nav" aria-label={t('nav.orders')}>
        <Space wrap size={[16, 8]}>
          <Link to="/">{t('nav.search')}</Link>
          <Link to="/orders">{t('nav.orders')}</Link>
          <Link to="/services">{t('nav.services')}</Link>
          {session ? (
            <>
              <span className="storefront-account">
                {session.account.companyName ?? session.account.name}
              </span>
              <Button
                size="small"
                onClick={() => {
                  void signOut().then(() => navigate('/'));
                }}
              >
                {t('nav.logout')}
              </Button>
            </>
          ) : (
            <>
              <Link to="/login">{t('nav.login')}</Link>
              <Link to="/register">{t('nav.register')}</Link>
            </>
          )}
        </Space>
      </nav>
      <Outlet />
    </>
  );
}
