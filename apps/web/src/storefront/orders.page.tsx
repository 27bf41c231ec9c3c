import { Alert, Button, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { customerClient } from '../auth/authed-client';
import { formatShopTime } from '../format/time';
import { apiErrorText } from './api-errors';
import { unwrap, useLoad } from './use-load';
import { useText } from './use-text';

/** My orders, newest first: each one's status, next step and deadline. */
export function OrdersPage() {
  const { t, locale } = useText();
  const orders = useLoad('orders', () =>
    unwrap(customerClient().GET('/api/v1/orders', { params: { query: { limit: 50 } } })),
  );
  if (orders.error)
    return <Alert type="error" showIcon role="alert" title={apiErrorText(orders.error, locale)} />;
  if (!orders.data) return <Skeleton active />;
  return (
    <div className="purchase-page">
      <Typography.Title level={2}>{t('nav.orders')}</Typography.Title>
      <List
        dataSource={orders.data.items}
        locale={{ emptyText: <Link to="/">{t('order.noneYet')}</Link> }}
        renderItem={(o) => (
          <List.Item
            data-testid="order-row"
            actions={[
              <Link key="open" to={`/orders/${o.id}`}>
                <Button>{t('order.open')}</Button>
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span className="number-digits">{o.number.display}</span>
                  <Tag color="red">{t(`status.${o.status}`)}</Tag>
                </Space>
              }
              description={
                <>
                  #{o.orderNo} · {t('order.step')}: {t(`step.${o.nextStep.step}`)}
                  {o.nextStep.deadline
                    ? ` · ${t('order.deadline')}: ${formatShopTime(o.nextStep.deadline, locale)}`
                    : ''}
                  {o.total ? ` · ${t('order.total')}: ${o.total.display}` : ''}
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
