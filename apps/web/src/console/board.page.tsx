import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { OrderStatus } from '@haoma/domain';
import type { Schemas } from '../api/client';
import { formatFen } from '../format/money';
import { formatShopTime } from '../format/time';
import { ageBand, formatAge } from './aging';
import { STATUS_MESSAGES } from './console-messages';
import { formErrorsOf } from './form-errors';
import { PipelineFilterBar } from './pipeline-filter-bar';
import {
  filtersFromSearch,
  pipelineQuery,
  searchFromFilters,
  type PipelineFilters,
} from './pipeline-filters';
import { consoleApi, unwrap, useConsoleText, useLoad } from './use-console';

type Item = Schemas['PipelineItemResponse'];
const PAGE_SIZE = 50;
const BAND_COLOR = { fresh: undefined, ageing: '#fa8c16', stale: '#cf1322' } as const;

/** The sales pipeline: a column per status with counts and aging, and the filtered order list. */
export function BoardPage() {
  const { t, locale } = useConsoleText();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const key = searchFromFilters(filters).toString();
  const setFilters = (next: PipelineFilters) => setParams(searchFromFilters(next));

  const board = useLoad(
    async (signal) =>
      unwrap(
        await consoleApi().GET('/api/v1/staff/orders/board', {
          params: { query: pipelineQuery(filters) },
          signal,
        }),
      ),
    key,
  );
  const first = useLoad(
    async (signal) =>
      unwrap(
        await consoleApi().GET('/api/v1/staff/orders', {
          params: { query: { ...pipelineQuery(filters), limit: PAGE_SIZE } },
          signal,
        }),
      ),
    key,
  );
  // Later pages are appended to the first; a new filter starts over.
  const [loaded, setMore] = useState<{ after: unknown; items: Item[]; nextCursor: string | null }>();
  const more = loaded?.after === first.data ? loaded : undefined;
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    const page = unwrap(
      await consoleApi().GET('/api/v1/staff/orders', {
        params: { query: { ...pipelineQuery(filters), limit: PAGE_SIZE, cursor: nextCursor } },
      }),
    );
    setMore({
      after: first.data,
      items: [...(more?.items ?? []), ...page.items],
      nextCursor: page.nextCursor,
    });
  };
  const failure = board.error ?? first.error;

  return (
    <section aria-labelledby="board-heading">
      <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} id="board-heading" style={{ marginTop: 0 }}>
          {t('board.heading')}
        </Typography.Title>
        {board.data ? (
          <Typography.Text>{t('board.total', { count: board.data.total })}</Typography.Text>
        ) : null}
      </Space>
      <PipelineFilterBar filters={filters} onChange={setFilters} />
      {failure ? (
        <Alert
          type="error"
          role="alert"
          title={formErrorsOf(failure, locale, []).form}
          action={
            <Button
              size="small"
              onClick={() => {
                board.reload();
                first.reload();
              }}
            >
              {t('console.retry')}
            </Button>
          }
        />
      ) : null}
      <div
        role="list"
        aria-label={t('board.heading')}
        style={{ display: 'flex', gap: 8, overflowX: 'auto', paddingBottom: 8, marginBottom: 16 }}
      >
        {(board.data?.columns ?? []).map((column) => {
          const status = column.status as OrderStatus;
          const selected = filters.status.length === 1 && filters.status[0] === status;
          return (
            <Card
              key={status}
              role="listitem"
              size="small"
              data-testid={`board-column-${status}`}
              hoverable
              onClick={() => setFilters({ ...filters, status: selected ? [] : [status] })}
              style={{ minWidth: 150, flex: '1 0 150px', borderColor: selected ? '#c8102e' : undefined }}
              title={t(STATUS_MESSAGES[status])}
            >
              <Typography.Text strong style={{ fontSize: 20 }}>
                {t('board.count', { count: column.count })}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {t('board.median', { age: formatAge(column.medianSecondsInStatus, locale) })}
              </Typography.Text>
              <br />
              <Typography.Text style={{ color: BAND_COLOR[ageBand(column.oldestSecondsInStatus)] }}>
                {t('board.oldest', { age: formatAge(column.oldestSecondsInStatus, locale) })}
              </Typography.Text>
            </Card>
          );
        })}
      </div>
      <Table<Item>
        aria-label={t('board.list')}
        rowKey="id"
        size="small"
        loading={first.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('board.empty') }}
        columns={[
          {
            title: t('order.no'),
            dataIndex: 'orderNo',
            render: (no: string, item) => <Link to={`/console/orders/${item.id}`}>{no}</Link>,
          },
          { title: t('order.number'), dataIndex: 'number' },
          { title: t('order.customer'), render: (_, item) => item.customer.companyName },
          {
            title: t('order.status'),
            render: (_, item) => (
              <Space size={4}>
                <Tag>{t(STATUS_MESSAGES[item.status as OrderStatus])}</Tag>
                {item.overdue ? <Tag color="red">{t('order.overdue')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('order.assignee'), render: (_, item) => item.assignee?.name ?? t('order.unassigned') },
          {
            title: t('order.total'),
            align: 'right',
            render: (_, item) => (item.totalFen === null ? '—' : formatFen(item.totalFen)),
          },
          {
            title: t('order.inStatus'),
            render: (_, item) => (
              <span style={{ color: BAND_COLOR[ageBand(item.timeInStatusSeconds)] }}>
                {formatAge(item.timeInStatusSeconds, locale)}
              </span>
            ),
          },
          {
            title: t('order.deadline'),
            render: (_, item) => (item.nextDeadline ? formatShopTime(item.nextDeadline.at, locale) : '—'),
          },
        ]}
      />
      {nextCursor ? (
        <Button style={{ marginTop: 12 }} onClick={() => void loadMore()}>
          {t('board.loadMore')}
        </Button>
      ) : null}
    </section>
  );
}
