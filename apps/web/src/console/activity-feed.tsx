import { Button, Empty, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../api/client';
import { formatShopTime } from '../format/time';
import { consoleApi, unwrap, useConsoleText, useLoad } from './use-console';

type Entry = Schemas['ActivityEntryResponse'];

/** The order's activity, oldest first: transitions, notes, payments, documents, reviews… */
export function ActivityFeed({ orderId, version }: { orderId: string; version: number }) {
  const { t, locale } = useConsoleText();
  const first = useLoad(
    async (signal) =>
      unwrap(
        await consoleApi().GET('/api/v1/staff/orders/{orderId}/activity', {
          params: { path: { orderId }, query: { limit: 100 } },
          signal,
        }),
      ),
    `${orderId}:${version}`,
  );
  const [more, setMore] = useState<{ key: string; items: Entry[]; nextCursor: string | null }>();
  const current = more?.key === `${orderId}:${version}` ? more : undefined;
  const items = [...(first.data?.items ?? []), ...(current?.items ?? [])];
  const nextCursor = current ? current.nextCursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    const page = unwrap(
      await consoleApi().GET('/api/v1/staff/orders/{orderId}/activity', {
        params: { path: { orderId }, query: { limit: 100, cursor: nextCursor } },
      }),
    );
    setMore({
      key: `${orderId}:${version}`,
      items: [...(current?.items ?? []), ...page.items],
      nextCursor: page.nextCursor,
    });
  };

  return (
    <section aria-labelledby="activity-heading">
      <Typography.Title level={4} id="activity-heading">
        {t('activity.heading')}
      </Typography.Title>
      {items.length === 0 && !first.loading ? <Empty description={t('activity.empty')} /> : null}
      <Timeline
        data-testid="activity-feed"
        items={items.map((entry, i) => ({
          key: `${entry.at}-${i}`,
          color: entry.kind === 'note' ? 'blue' : entry.kind.startsWith('payment') ? 'green' : 'gray',
          content: (
            <>
              <Typography.Text type="secondary">{formatShopTime(entry.at, locale)}</Typography.Text>{' '}
              <Typography.Text code>{entry.kind}</Typography.Text>
              <div>{entry.summary}</div>
              {entry.actor ? <Typography.Text type="secondary">{entry.actor}</Typography.Text> : null}
            </>
          ),
        }))}
      />
      {nextCursor ? <Button onClick={() => void loadMore()}>{t('activity.more')}</Button> : null}
    </section>
  );
}
