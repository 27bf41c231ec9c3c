import { Alert, Button, Checkbox, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { createApiClient } from '../api/client';
import { customerClient } from '../auth/authed-client';
import { formatShopTime } from '../format/time';
import { apiErrorText, apiFieldErrors, type FieldErrors } from './api-errors';
import type { Order } from './order-types';
import { unwrap, useLoad } from './use-load';
import { useText } from './use-text';

interface SignerValues {
  signerName: string;
  signerTitle: string;
}

/**
 * The agreements in full (service, then the 400 supplement), a box to tick for each, and the
 * signer's name and title. The versions sent back are the ones shown.
 */
export function SignSection({ order, onChange }: { order: Order; onChange: (o: Order) => void }) {
  const { t, locale } = useText();
  const agreements = useLoad('agreements', () => unwrap(createApiClient().GET('/api/v1/agreements')));
  const [agreed, setAgreed] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<FieldErrors>({});

  if (order.signatures.length)
    return (
      <section aria-label={t('sign.heading')}>
        <Typography.Title level={4}>{t('sign.heading')}</Typography.Title>
        {order.signatures.map((s) => (
          <Typography.Paragraph key={s.agreementKind}>
            ✓{' '}
            {t('sign.signed', {
              name: s.signerName,
              title: s.signerTitle,
              time: formatShopTime(s.signedAt, locale),
            })}
          </Typography.Paragraph>
        ))}
      </section>
    );
  if (agreements.error) return <Alert type="error" showIcon title={apiErrorText(agreements.error, locale)} />;
  if (!agreements.data) return <Skeleton active />;
  const items = agreements.data.items;
  const allAgreed = items.every((a) => agreed[a.kind]);

  const sign = async (values: SignerValues) => {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      onChange(
        await unwrap(
          customerClient().POST('/api/v1/orders/{id}/signature', {
            params: { path: { id: order.id } },
            body: { ...values, agreements: items.map((a) => ({ kind: a.kind, version: a.version })) },
          }),
        ),
      );
    } catch (e) {
      setFields(apiFieldErrors(e, locale));
      setError(apiErrorText(e, locale));
      agreements.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('sign.heading')}>
      <Typography.Title level={4}>{t('sign.heading')}</Typography.Title>
      {items.map((a) => (
        <div key={a.kind} className="agreement">
          <Typography.Title level={5}>{a.title}</Typography.Title>
          <div className="agreement-body" tabIndex={0} aria-label={a.title}>
            {a.body}
          </div>
          <Checkbox
            checked={agreed[a.kind] ?? false}
            onChange={(e) => setAgreed({ ...agreed, [a.kind]: e.target.checked })}
          >
            {t('sign.agree', { title: a.title })}
          </Checkbox>
        </div>
      ))}
      <Form<SignerValues> layout="vertical" onFinish={(v) => void sign(v)} style={{ marginTop: 16 }}>
        {(['signerName', 'signerTitle'] as const).map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(name === 'signerName' ? 'sign.signerName' : 'sign.signerTitle')}
            rules={[{ required: true, whitespace: true, message: t('field.REQUIRED') }]}
            {...(fields[name] ? { validateStatus: 'error' as const, help: fields[name] } : {})}
          >
            <Input autoComplete={name === 'signerName' ? 'name' : 'organization-title'} />
          </Form.Item>
        ))}
        {!order.price ? (
          <Alert type="warning" showIcon title={t('sign.needPlan')} style={{ marginBottom: 12 }} />
        ) : null}
        {error ? (
          <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!allAgreed || !order.price}>
          {t('sign.submit')}
        </Button>
      </Form>
    </section>
  );
}
