import { Alert, Button, Card, Descriptions, Form, Input, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { customerClient } from '../auth/authed-client';
import { formatShopDate, formatShopTime } from '../format/time';
import { apiErrorText, apiFieldErrors, type FieldErrors } from './api-errors';
import type { ReverificationTask, Service } from './order-types';
import { unwrap, useLoad } from './use-load';
import { useText } from './use-text';

async function loadServices(): Promise<{ services: Service[]; tasks: ReverificationTask[] }> {
  const api = customerClient();
  const [services, tasks] = await Promise.all([
    unwrap(api.GET('/api/v1/services')),
    unwrap(api.GET('/api/v1/reverification-tasks')),
  ]);
  return { services: services.items, tasks: tasks.items };
}

/** My live numbers, what happens next to each, and any re-verification to do. */
export function ServicesPage() {
  const { t, locale } = useText();
  const loaded = useLoad('services', loadServices);
  if (loaded.error)
    return <Alert type="error" showIcon role="alert" title={apiErrorText(loaded.error, locale)} />;
  if (!loaded.data) return <Skeleton active />;
  const { services, tasks } = loaded.data;
  const open = tasks.filter((task) => task.status !== 'completed');
  return (
    <div className="purchase-page">
      <Typography.Title level={2}>{t('services.heading')}</Typography.Title>
      {open.length ? (
        <Card title={t('tasks.heading')} size="small" style={{ marginBottom: 16 }}>
          {open.map((task) => (
            <TaskForm
              key={task.id}
              task={task}
              dossierId={services.find((s) => s.id === task.serviceId)?.dossierId}
              onDone={loaded.reload}
            />
          ))}
        </Card>
      ) : null}
      <List
        dataSource={services}
        locale={{ emptyText: t('services.none') }}
        renderItem={(s) => (
          <List.Item data-testid="service-row">
            <Card
              size="small"
              style={{ width: '100%' }}
              title={<span className="number-digits">{s.numberDisplay}</span>}
            >
              <Descriptions column={{ xs: 1, sm: 3 }} size="small">
                <Descriptions.Item label={t('order.status')}>
                  <Tag color={s.status === 'active' ? 'green' : 'red'}>
                    {t(`services.status.${s.status}`)}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('services.activatedAt')}>
                  {formatShopDate(s.activatedAt, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.termEndsAt')}>
                  {formatShopDate(s.termEndsAt, locale)}
                </Descriptions.Item>
              </Descriptions>
              {s.nextDeadline ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('services.nextDeadline', {
                    time: formatShopTime(s.nextDeadline.at, locale),
                    action: t(
                      s.nextDeadline.action === 'suspend' ? 'services.suspend' : 'services.terminate',
                    ),
                  })}
                />
              ) : null}
            </Card>
          </List.Item>
        )}
      />
    </div>
  );
}

function TaskForm({
  task,
  dossierId,
  onDone,
}: {
  task: ReverificationTask;
  dossierId: string | undefined;
  onDone: () => void;
}) {
  const { t, locale } = useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<FieldErrors>({});
  const complete = async (values: { signerName: string; signerTitle: string }) => {
    if (!dossierId) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        customerClient().POST('/api/v1/reverification-tasks/{id}/complete', {
          params: { path: { id: task.id } },
          body: { ...values, agreementId: task.agreementId, dossierId },
        }),
      );
      onDone();
    } catch (e) {
      setFields(apiFieldErrors(e, locale));
      setError(apiErrorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="task">
      <Typography.Paragraph>
        <strong>{task.campaignName}</strong> · {task.number} ·{' '}
        {t('tasks.due', { time: formatShopTime(task.dueAt, locale) })}
      </Typography.Paragraph>
      <Form layout="inline" onFinish={(v: { signerName: string; signerTitle: string }) => void complete(v)}>
        {(['signerName', 'signerTitle'] as const).map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(name === 'signerName' ? 'sign.signerName' : 'sign.signerTitle')}
            rules={[{ required: true, whitespace: true, message: t('field.REQUIRED') }]}
            {...(fields[name] ? { validateStatus: 'error' as const, help: fields[name] } : {})}
          >
            <Input />
          </Form.Item>
        ))}
        <Button htmlType="submit" type="primary" loading={busy} disabled={!dossierId}>
          {t('tasks.complete')}
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}
