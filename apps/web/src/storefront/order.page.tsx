import { Alert, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { customerClient } from '../auth/authed-client';
import { formatShopTime } from '../format/time';
import { apiErrorText } from './api-errors';
import { DocumentsSection } from './documents/documents-section';
import { HoldPanel } from './hold-panel';
import { OrderTimeline } from './order-timeline';
import type { Order } from './order-types';
import { PaySection } from './pay-section';
import { SelectionSection } from './selection-section';
import { SignSection } from './sign-section';
import { unwrap, useLoad } from './use-load';
import { useText } from './use-text';

// Statuses the worker or a reviewer moves on by themselves: the page looks again now and then.
const WAITING: readonly Order['status'][] = ['under_review', 'provisioning'];
const POLL_MS = 2_000;

/** One order: where it stands, the hold, and the step the customer takes next. */
export function OrderPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { t, locale } = useText();
  const order = useLoad(`order:${id}`, () =>
    unwrap(customerClient().GET('/api/v1/orders/{id}', { params: { path: { id } } })),
  );
  const o = order.data;
  // Back from the checkout page, the payment is confirmed by webhook a moment later.
  const paying = search.get('checkout') === 'success' && o?.status === 'awaiting_payment';
  const waiting = o ? WAITING.includes(o.status) || paying : false;
  const { reload } = order;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, reload, o]);

  if (order.error)
    return <Alert type="error" showIcon role="alert" title={apiErrorText(order.error, locale)} />;
  if (!o) return <Skeleton active />;
  const unpaid = o.status === 'selecting' || o.status === 'awaiting_payment';

  return (
    <div className="purchase-page" data-testid="order-page" data-status={o.status}>
      <Typography.Title level={2}>
        {t('order.title', { orderNo: o.orderNo })} · <span className="number-digits">{o.number.display}</span>
      </Typography.Title>
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 3 }} size="small">
          <Descriptions.Item label={t('order.status')}>
            <Tag color="red" data-testid="order-status">
              {t(`status.${o.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('order.step')}>
            <span data-testid="order-step">{t(`step.${o.nextStep.step}`)}</span>
          </Descriptions.Item>
          {o.nextStep.deadline ? (
            <Descriptions.Item label={t('order.deadline')}>
              {formatShopTime(o.nextStep.deadline, locale)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {unpaid && o.holdUntil ? <HoldPanel order={o} onChange={order.setData} onExpire={reload} /> : null}
      </Card>
      {paying ? <Alert type="info" showIcon title={t('common.loading')} /> : null}
      <Space direction="vertical" size="large" style={{ width: '100%', marginTop: 16 }}>
        {o.status === 'selecting' || o.price ? <SelectionSection order={o} onChange={order.setData} /> : null}
        {o.status === 'selecting' || o.signatures.length ? (
          <SignSection order={o} onChange={order.setData} />
        ) : null}
        {o.status === 'awaiting_payment' && !paying ? <PaySection order={o} /> : null}
        {o.status === 'awaiting_documents' || o.status === 'under_review' ? (
          <DocumentsSection order={o} onSubmitted={reload} />
        ) : null}
        <OrderTimeline order={o} />
      </Space>
    </div>
  );
}
