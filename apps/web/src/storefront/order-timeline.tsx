import { Timeline, Typography } from 'antd';
import { formatShopTime } from '../format/time';
import type { Order } from './order-types';
import { useText } from './use-text';

/** The order's history, oldest first, in shop time. */
export function OrderTimeline({ order }: { order: Order }) {
  const { t, locale } = useText();
  return (
    <section aria-label={t('order.timeline')}>
      <Typography.Title level={4}>{t('order.timeline')}</Typography.Title>
      <Timeline
        items={order.timeline.map((e, i) => ({
          key: i,
          children: (
            <>
              <Typography.Text type="secondary">{formatShopTime(e.at, locale)}</Typography.Text>{' '}
              {e.type === 'transition' && e.to ? t(`status.${e.to}`) : t(`timeline.${e.type}`)}
              {e.reason ? <Typography.Text type="secondary"> · {e.reason}</Typography.Text> : null}
            </>
          ),
        }))}
      />
    </section>
  );
}
