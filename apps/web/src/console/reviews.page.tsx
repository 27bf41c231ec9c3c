import { Alert, Button, Col, Empty, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { Schemas } from '../api/client';
import { formatShopTime } from '../format/time';
import { formErrorsOf } from './form-errors';
import { reviewCommandOf, stepIndex } from './review-logic';
import { ReviewPanel, type ReviewPanelHandle, type ReviewView } from './review-panel';
import { consoleApi, unwrap, useConsoleText, useLoad } from './use-console';

type QueueItem = Schemas['ReviewQueueItemResponse'];
const SEVERITY_COLOR: Record<string, string> = { error: 'red', warning: 'orange', info: 'blue' };

/** The reviewers' queue beside the selected submission; j/k move through it, a/r decide. */
export function ReviewsPage() {
  const { submissionId } = useParams();
  const navigate = useNavigate();
  const { t, locale } = useConsoleText();
  const queue = useLoad(
    async (signal) =>
      unwrap(await consoleApi().GET('/api/v1/staff/reviews', { params: { query: { limit: 100 } }, signal })),
    'queue',
  );
  const review = useLoad(
    async (signal) =>
      submissionId
        ? (unwrap(
            await consoleApi().GET('/api/v1/staff/reviews/{submissionId}', {
              params: { path: { submissionId } },
              signal,
            }),
          ) as unknown as ReviewView)
        : undefined,
    submissionId ?? '',
  );
  const items: QueueItem[] = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const index = items.findIndex((i) => i.submissionId === submissionId);
  const panel = useRef<ReviewPanelHandle>(null);

  const go = (step: 1 | -1) => {
    const next = items[stepIndex(index, step, items.length)];
    if (next) void navigate(`/console/reviews/${next.submissionId}`);
  };
  // The first item opens by itself, so a reviewer can start with the keyboard at once.
  useEffect(() => {
    if (!submissionId && items[0])
      void navigate(`/console/reviews/${items[0].submissionId}`, { replace: true });
  }, [submissionId, items, navigate]);
  const goRef = useRef(go);
  useEffect(() => {
    goRef.current = go;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = reviewCommandOf(event);
      if (!command) return;
      event.preventDefault();
      if (command === 'next') goRef.current(1);
      else if (command === 'previous') goRef.current(-1);
      else if (command === 'approve') panel.current?.approve();
      else panel.current?.reject();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section aria-labelledby="reviews-heading">
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} id="reviews-heading" style={{ marginTop: 0 }}>
          {t('reviews.heading')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('reviews.shortcuts')}</Typography.Text>
      </Space>
      {queue.error ? (
        <Alert type="error" role="alert" title={formErrorsOf(queue.error, locale, []).form} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Table<QueueItem>
            aria-label={t('reviews.queue')}
            rowKey="submissionId"
            size="small"
            pagination={false}
            loading={queue.loading}
            dataSource={items}
            locale={{ emptyText: t('reviews.empty') }}
            rowClassName={(item) => (item.submissionId === submissionId ? 'ant-table-row-selected' : '')}
            onRow={(item) => ({ onClick: () => void navigate(`/console/reviews/${item.submissionId}`) })}
            columns={[
              {
                title: t('reviews.company'),
                render: (_, item) => (
                  <Button
                    type="link"
                    style={{ padding: 0 }}
                    onClick={() => void navigate(`/console/reviews/${item.submissionId}`)}
                  >
                    {item.companyName}
                  </Button>
                ),
              },
              {
                title: t('reviews.severity'),
                render: (_, item) =>
                  item.worstSeverity ? (
                    <Tag color={SEVERITY_COLOR[item.worstSeverity]}>{item.worstSeverity}</Tag>
                  ) : (
                    <Tag color="green">{t('reviews.severity.none')}</Tag>
                  ),
              },
              {
                title: t('reviews.submittedAt'),
                render: (_, item) => formatShopTime(item.submittedAt, locale),
              },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Button onClick={() => go(-1)} disabled={index <= 0}>
              {t('reviews.previous')}
            </Button>
            <Button onClick={() => go(1)} disabled={index >= items.length - 1}>
              {t('reviews.next')}
            </Button>
          </Space>
        </Col>
        <Col xs={24} lg={17}>
          {review.error ? (
            <Alert type="error" role="alert" title={formErrorsOf(review.error, locale, []).form} />
          ) : review.data ? (
            <ReviewPanel key={review.data.id} ref={panel} review={review.data} onDecided={queue.reload} />
          ) : submissionId ? (
            <Spin />
          ) : (
            <Empty description={t('reviews.empty')} />
          )}
        </Col>
      </Row>
    </section>
  );
}
