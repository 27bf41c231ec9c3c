import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { createApiClient, type Schemas } from '../api/client';
import { apiErrorText, apiFieldErrors, type FieldErrors } from '../storefront/api-errors';
import { unwrap } from '../storefront/use-load';
import { useText } from '../storefront/use-text';
import type { StorefrontMessageId } from '../storefront/storefront-messages';
import { returnPath } from './return-path';
import { useSession } from './session';

type RegisterValues = Schemas['RegisterRequest'];

const FIELDS: readonly { name: keyof RegisterValues; label: StorefrontMessageId; autoComplete: string }[] = [
  { name: 'companyName', label: 'auth.companyName', autoComplete: 'organization' },
  { name: 'contactName', label: 'auth.contactName', autoComplete: 'name' },
  { name: 'email', label: 'auth.email', autoComplete: 'email' },
  { name: 'mobile', label: 'auth.mobile', autoComplete: 'tel' },
];

/** A business registers and is logged in at once. The server's rules decide; its errors show by field. */
export function RegisterPage() {
  const { t, locale } = useText();
  const { setSession } = useSession('customer');
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<FieldErrors>({});

  const submit = async (values: RegisterValues) => {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const session = await unwrap(createApiClient().POST('/api/v1/auth/register', { body: values }));
      setSession(session);
      void navigate(returnPath(location.search), { replace: true });
    } catch (e) {
      const byField = apiFieldErrors(e, locale);
      setFields(byField);
      if (!Object.keys(byField).length) setError(apiErrorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) =>
    fields[name] ? { validateStatus: 'error' as const, help: fields[name] } : {};

  return (
    <Card className="auth-card">
      <Typography.Title level={2}>{t('auth.registerTitle')}</Typography.Title>
      <Form<RegisterValues>
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) =>
          setFields((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !(k in changed))))
        }
      >
        {FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(f.label)}
            rules={[{ required: true, message: t('field.REQUIRED') }]}
            {...fieldError(f.name)}
          >
            <Input autoComplete={f.autoComplete} type={f.name === 'email' ? 'email' : 'text'} />
          </Form.Item>
        ))}
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHelp')}
          rules={[{ required: true, message: t('field.REQUIRED') }]}
          {...fieldError('password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error ? (
          <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('auth.submitRegister')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to={`/login${location.search}`}>{t('auth.toLogin')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
