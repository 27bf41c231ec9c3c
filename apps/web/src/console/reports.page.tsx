import { Alert, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatFen } from '../format/money';
import { formErrorsOf } from './form-errors';
import { barPercents, formatRate, recentPeriod } from './report-math';
import { consoleApi, unwrap, useConsoleText, useLoad } from './use-console';

type ReportPath = '/api/v1/staff/reports/funnel' | '/api/v1/staff/reports/revenue';

/** One horizontal bar: a label, the bar, the figure (plain elements: no chart library needed). */
function Bar({
  label,
  percent,
  value,
  note,
}: {
  label: string;
  percent: number;
  value: string;
  note?: string;
}) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: '8em 1fr 11em',
        gap: 8,
        alignItems: 'center',
        margin: '4px 0',
      }}
    >
      <Typography.Text>{label}</Typography.Text>
      <div aria-hidden style={{ background: '#f5f5f5', height: 18, borderRadius: 3 }}>
        <div style={{ width: `${percent}%`, background: '#c8102e', height: '100%', borderRadius: 3 }} />
      </div>
      <Typography.Text>
        {value}
        {note ? <Typography.Text type="secondary"> · {note}</Typography.Text> : null}
      </Typography.Text>
    </div>
  );
}

/** The funnel and revenue of a period, drawn as bars, each downloadable as CSV. */
export function ReportsPage() {
  const { t, locale } = useConsoleText();
  const [period, setPeriod] = useState(() => recentPeriod(new Date()));
  const key = `${period.from}:${period.to}`;
  const funnel = useLoad(
    async (signal) =>
      unwrap(await consoleApi().GET('/api/v1/staff/reports/funnel', { params: { query: period }, signal })),
    key,
  );
  const revenue = useLoad(
    async (signal) =>
      unwrap(await consoleApi().GET('/api/v1/staff/reports/revenue', { params: { query: period }, signal })),
    key,
  );
  const [downloadError, setDownloadError] = useState<string>();

  // The CSV needs the staff token, which a plain link cannot send: fetched, then saved from an object URL.
  const download = async (path: ReportPath, name: string) => {
    try {
      const blob = unwrap(
        await consoleApi().GET(path, { params: { query: { ...period, format: 'csv' } }, parseAs: 'blob' }),
      ) as Blob;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${name}-${period.from}-${period.to}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setDownloadError(formErrorsOf(e, locale, []).form);
    }
  };
  const failure = funnel.error ?? revenue.error;
  const funnelRows = funnel.data?.rows ?? [];
  const revenueRows = revenue.data?.rows ?? [];

  return (
    <section aria-labelledby="reports-heading">
      <Typography.Title level={2} id="reports-heading" style={{ marginTop: 0 }}>
        {t('reports.heading')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('reports.from')} htmlFor="report-from">
          <Input
            id="report-from"
            type="date"
            value={period.from}
            onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('reports.to')} htmlFor="report-to">
          <Input
            id="report-to"
            type="date"
            value={period.to}
            onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })}
          />
        </Form.Item>
      </Form>
      {failure || downloadError ? (
        <Alert type="error" role="alert" title={downloadError ?? formErrorsOf(failure, locale, []).form} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={t('reports.funnel')}
            loading={funnel.loading && !funnel.data}
            extra={
              <Button onClick={() => void download('/api/v1/staff/reports/funnel', 'funnel')}>
                {t('reports.csv')}
              </Button>
            }
          >
            <div data-testid="funnel-chart">
              {funnelRows.map((row, i) => (
                <Bar
                  key={`${row.group}:${row.step}`}
                  label={t(`funnel.${row.step}`)}
                  percent={barPercents(funnelRows.map((r) => r.count))[i] ?? 0}
                  value={String(row.count)}
                  {...(i > 0
                    ? { note: t('reports.conversion', { rate: formatRate(row.conversionRate) }) }
                    : {})}
                />
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('reports.revenue')}
            loading={revenue.loading && !revenue.data}
            extra={
              <Button onClick={() => void download('/api/v1/staff/reports/revenue', 'revenue')}>
                {t('reports.csv')}
              </Button>
            }
          >
            {revenue.data ? (
              <Space direction="vertical" style={{ width: '100%' }} data-testid="revenue-chart">
                <Typography.Text strong>
                  {t('reports.net', {
                    net: formatFen(revenue.data.totals.netFen),
                    paid: formatFen(revenue.data.totals.paidFen),
                    refunded: formatFen(revenue.data.totals.refundedFen),
                  })}
                </Typography.Text>
                {revenueRows.length === 0 ? (
                  <Typography.Text type="secondary">{t('reports.noRevenue')}</Typography.Text>
                ) : null}
                <div>
                  {revenueRows.map((row, i) => (
                    <Bar
                      key={`${row.bucket}:${row.group}`}
                      label={row.bucket.slice(0, 10)}
                      percent={barPercents(revenueRows.map((r) => Math.max(0, r.netFen)))[i] ?? 0}
                      value={formatFen(row.netFen)}
                    />
                  ))}
                </div>
              </Space>
            ) : null}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
