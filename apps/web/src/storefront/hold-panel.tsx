import { Alert, Button, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { customerClient } from '../auth/authed-client';
import { apiErrorText } from './api-errors';
import type { Order } from './order-types';
import { unwrap } from './use-load';
import { useCountdown } from './use-countdown';
import { useText } from './use-text';

/** The hold's countdown and the extend button, while the order is unpaid. */
export function HoldPanel({
  order,
  onChange,
  onExpire,
}: {
  order: Order;
  onChange: (o: Order) => void;
  onExpire: () => void;
}) {
  const { t, locale } = useText();
  const left = useCountdown(order.holdUntil, onExpire);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!left) return null;
  const extend = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(
        await unwrap(
          customerClient().POST('/api/v1/orders/{id}/hold-extension', { params: { path: { id: order.id } } }),
        ),
      );
    } catch (e) {
      setError(apiErrorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="hold-panel" role="timer" aria-live="off" aria-label={t('order.holdLeft')}>
      <Space wrap align="end" size="large">
        <Statistic
          title={t('order.holdLeft')}
          value={left.expired ? t('order.holdExpired') : left.text}
          valueStyle={left.urgent ? { color: '#c8102e' } : undefined}
          data-testid="hold-countdown"
        />
        {!left.expired ? (
          <Space direction="vertical" size={0}>
            <Button onClick={() => void extend()} loading={busy} disabled={order.holdExtensionsLeft < 1}>
              {t('order.extend')}
            </Button>
            <Typography.Text type="secondary">
              {t('order.extensionsLeft', { count: order.holdExtensionsLeft })}
            </Typography.Text>
          </Space>
        ) : null}
      </Space>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}
