import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { customerClient } from '../auth/authed-client';
import { apiErrorText } from './api-errors';
import type { Order } from './order-types';
import { unwrap } from './use-load';
import { useText } from './use-text';

/** Opens a checkout session and leaves for its page (Stripe Checkout, or the sandbox here). */
export function PaySection({ order }: { order: Order }) {
  const { t, locale } = useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pay = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await unwrap(
        customerClient().POST('/api/v1/orders/{id}/checkout', { params: { path: { id: order.id } } }),
      );
      window.location.assign(session.checkoutUrl);
    } catch (e) {
      setError(apiErrorText(e, locale));
      setBusy(false);
    }
  };
  return (
    <section aria-label={t('pay.heading')}>
      <Typography.Title level={4}>{t('pay.heading')}</Typography.Title>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" size="large" loading={busy} onClick={() => void pay()}>
        {busy ? t('pay.redirecting') : t('pay.submit', { amount: order.total?.display ?? '' })}
      </Button>
    </section>
  );
}
