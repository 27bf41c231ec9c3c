import { Alert, Button, Card, Form, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '../api/client';
import { formatAge } from './aging';
import { formErrorsOf } from './form-errors';
import { importBarStatus, importFinished, importPercent, importPollDelayMs } from './import-progress';
import { consoleApi, unwrap, useConsoleText } from './use-console';

type ImportView = Schemas['ImportResponse'];

/** Upload a CSV of numbers; the worker imports it while the bar follows its progress, then the rejected lines. */
export function InventoryImportPage() {
  const { t, locale } = useConsoleText();
  const fileInput = useRef<HTMLInputElement>(null);
  const [importId, setImportId] = useState<string>();
  const [view, setView] = useState<ImportView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // Poll the import until it finishes; a new upload (or leaving the page) stops the old loop.
  useEffect(() => {
    if (!importId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = unwrap(
          await consoleApi().GET('/api/v1/admin/inventory/imports/{id}', {
            params: { path: { id: importId } },
          }),
        );
        if (stopped) return;
        setView(next);
        if (!importFinished(next)) timer = setTimeout(() => void poll(), importPollDelayMs(next));
      } catch (e) {
        if (!stopped) setError(formErrorsOf(e, locale, []).form);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importId, locale]);

  const upload = async () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return setError(t('inventory.chooseFile'));
    setBusy(true);
    setError(undefined);
    setView(undefined);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      // openapi-fetch sends a FormData body as it is (the browser sets the boundary); the
      // generated type describes the form's fields, not the FormData that carries them.
      const queued = unwrap(
        await consoleApi().POST('/api/v1/admin/inventory/imports', {
          body: form as unknown as { file: string },
        }),
      );
      setImportId(queued.id);
    } catch (e) {
      setError(formErrorsOf(e, locale, []).form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="inventory-heading">
      <Typography.Title level={2} id="inventory-heading" style={{ marginTop: 0 }}>
        {t('inventory.heading')}
      </Typography.Title>
      <Card>
        <Form layout="vertical" onFinish={() => void upload()}>
          <Form.Item label={t('inventory.file')} htmlFor="inventory-file" extra={t('inventory.help')}>
            <input id="inventory-file" ref={fileInput} type="file" accept=".csv,.txt,text/csv,text/plain" />
          </Form.Item>
          {error ? <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('inventory.upload')}
          </Button>
        </Form>
      </Card>
      {view ? (
        <Card style={{ marginTop: 16 }} data-testid="import-progress">
          <Space wrap>
            <Typography.Text strong>{view.source}</Typography.Text>
            <Tag data-testid="import-status">{t(`inventory.status.${view.status}`)}</Tag>
          </Space>
          <Progress
            percent={importPercent(view)}
            status={importBarStatus(view)}
            aria-label={t('inventory.heading')}
          />
          <Typography.Paragraph data-testid="import-counts">
            {t('inventory.counts', {
              lines: view.linesRead,
              added: view.added,
              skipped: view.skipped,
              rejected: view.rejected,
            })}
            {view.status === 'running'
              ? ` · ${t('inventory.rate', { rate: Math.round(view.rate), eta: formatAge(view.etaSeconds, locale) })}`
              : ''}
          </Typography.Paragraph>
          {view.error ? <Alert type="error" title={t('inventory.failed', { error: view.error })} /> : null}
          {view.rejections?.length ? (
            <Table
              aria-label={t('inventory.rejections')}
              title={() => t('inventory.rejections')}
              size="small"
              rowKey="line"
              dataSource={view.rejections}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: t('inventory.line'), dataIndex: 'line' },
                { title: t('inventory.input'), dataIndex: 'input' },
                { title: t('inventory.reason'), render: (_, r) => r.message || r.reason },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
    </section>
  );
}
