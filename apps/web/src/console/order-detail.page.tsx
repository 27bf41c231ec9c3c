import { Alert, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { OrderStatus } from '@haoma/domain';
import { formatFen } from '../format/money';
import { formatShopTime } from '../format/time';
import { ActivityFeed } from './activity-feed';
import { formatAge } from './aging';
import { STATUS_MESSAGES } from './console-messages';
import { formErrorsOf } from './form-errors';
import { NotesPanel } from './notes-panel';
import { OrderActions } from './order-actions';
import { consoleApi, unwrap, useConsoleText, useLoad, useStaff } from './use-console';

// Two API classes are named PriceLineResponse (orders: `amount {fen, display}`, sales:
// `amountFen`), and the OpenAPI document keeps only the first, so the generated type is the
// customer's shape while the staff endpoint sends `amountFen`. Read either until the API
// renames its class.
function lineFen(line: object): number {
  const l = line as { amountFen?: number; amount?: { fen?: number } };
  return l.amountFen ?? l.amount?.fen ?? 0;
}

/** One order for staff: who, what, the deadlines, the actions, the notes and the activity. */
export function OrderDetailPage() {
  const { orderId = '' } = useParams();
  const { t, shop, locale } = useConsoleText();
  const { role } = useStaff();
  // Bumped after every action so the order, its notes and its activity load again.
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const order = useLoad(
    async (signal) =>
      unwrap(
        await consoleApi().GET('/api/v1/staff/orders/{orderId}', { params: { path: { orderId } }, signal }),
      ),
    `${orderId}:${version}`,
  );
  const time = (value: string | null) => (value ? formatShopTime(value, locale) : '—');

  if (order.error)
    return <Alert type="error" role="alert" title={formErrorsOf(order.error, locale, []).form} />;
  if (!order.data) return <Spin />;
  const o = order.data;
  return (
    <article aria-labelledby="order-heading">
      <Link to="/console">← {t('order.back')}</Link>
      <Space align="center" wrap style={{ marginTop: 8 }}>
        <Typography.Title level={2} id="order-heading" style={{ margin: 0 }}>
          {t('order.heading', { orderNo: o.orderNo })}
        </Typography.Title>
        <Tag color="blue" data-testid="order-status">
          {t(STATUS_MESSAGES[o.status as OrderStatus])}
        </Tag>
        {o.overdue ? <Tag color="red">{t('order.overdue')}</Tag> : null}
      </Space>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'number', label: t('order.number'), children: o.number },
                { key: 'grade', label: t('order.grade'), children: shop(`grade.${o.grade}`) },
                { key: 'carrier', label: t('order.carrier'), children: shop(`carrier.${o.carrier}`) },
                {
                  key: 'total',
                  label: t('order.total'),
                  children: o.totalFen === null ? '—' : formatFen(o.totalFen),
                },
                { key: 'customer', label: t('order.customer'), children: o.customer.companyName },
                { key: 'contact', label: t('order.contact'), children: o.customer.contactName },
                { key: 'mobile', label: t('order.mobile'), children: o.customer.mobile },
                { key: 'email', label: t('order.email'), children: o.customer.email },
                {
                  key: 'assignee',
                  label: t('order.assignee'),
                  children: o.assignee?.name ?? t('order.unassigned'),
                },
                {
                  key: 'inStatus',
                  label: t('order.inStatus'),
                  children: formatAge(o.timeInStatusSeconds, locale),
                },
                { key: 'created', label: t('order.createdAt'), children: time(o.createdAt) },
                { key: 'paid', label: t('order.paidAt'), children: time(o.paidAt) },
                { key: 'hold', label: t('order.holdUntil'), children: time(o.holdUntil) },
                { key: 'docs', label: t('order.documentsDueAt'), children: time(o.documentsDueAt) },
                ...(o.closedReason
                  ? [{ key: 'closed', label: t('order.closedReason'), children: o.closedReason }]
                  : []),
              ]}
            />
            {o.priceLines.length ? (
              <Table
                style={{ marginTop: 12 }}
                size="small"
                pagination={false}
                aria-label={t('order.priceLines')}
                rowKey={(line) => `${line.kind}:${line.code}`}
                dataSource={o.priceLines}
                columns={[
                  {
                    title: t('order.priceLines'),
                    render: (_, line) => (locale === 'zh-CN' ? line.nameZh : line.name),
                  },
                  { title: t('order.total'), align: 'right', render: (_, line) => formatFen(lineFen(line)) },
                ]}
              />
            ) : null}
          </Card>
          <Card style={{ marginTop: 16 }}>
            <NotesPanel orderId={o.id} version={version} onAdded={refresh} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {role === 'sales' || role === 'admin' ? (
            <Card title={t('actions.heading')} style={{ marginBottom: 16 }}>
              <OrderActions order={o} onDone={refresh} />
            </Card>
          ) : null}
          <Card>
            <ActivityFeed orderId={o.id} version={version} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
