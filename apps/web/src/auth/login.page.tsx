import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { createApiClient } from '../api/client';
import { apiErrorText, apiFieldErrors, type FieldErrors } from '../storefront/api-errors';
import { unwrap } from '../storefront/use-load';
import { useText } from '../storefront/use-text';
import { returnPath } from './return-path';
import { useSession } from './session';

interface LoginValues {
  email: string;
  password: string;
}

/** Customer login: email and password, then back to the page that asked. */
export function LoginPage() {
  const { t, locale } = useText();
  const { setSession } = useSession('customer');
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<FieldErrors>({});

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await unwrap(createApiClient().POST('/api/v1/auth/login', { body: values }));
      setSession(session);
      void navigate(returnPath(location.search), { replace: true });
    } catch (e) {
      setFields(apiFieldErrors(e, locale));
      setError(apiErrorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="auth-card">
      <Typography.Title level={2}>{t('auth.loginTitle')}</Typography.Title>
      {location.search.includes('next=') ? <Alert type="info" showIcon title={t('auth.required')} /> : null}
      <Form<LoginValues> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[{ required: true, message: t('field.REQUIRED') }]}
          {...(fields['email'] ? { validateStatus: 'error' as const, help: fields['email'] } : {})}
        >
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('field.REQUIRED') }]}
          {...(fields['password'] ? { validateStatus: 'error' as const, help: fields['password'] } : {})}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error ? (
          <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('auth.submitLogin')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to={`/register${location.search}`}>{t('auth.toRegister')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
