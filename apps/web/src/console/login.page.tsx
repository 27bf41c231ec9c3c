import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { createApiClient } from '../api/client';
import { formErrorsOf, type FormErrors } from './form-errors';
import { useConsoleText, useStaff } from './use-console';

interface LoginForm {
  email: string;
  password: string;
}

const FIELDS = ['email', 'password'];

// Only console paths: `next` comes from the address bar and must not send anyone elsewhere.
const safeNext = (next: string | null) => (next && /^\/console(\/|\?|$)/.test(next) ? next : '/console');

/** Staff sign-in (POST /api/v1/staff/auth/login); the session goes to the shared store. */
export function ConsoleLoginPage() {
  const { t, locale } = useConsoleText();
  const { signedIn, setSession } = useStaff();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  if (signedIn) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setErrors({ fields: {} });
    const { data, error } = await createApiClient()
      .POST('/api/v1/staff/auth/login', { body: values })
      .catch((e: unknown) => ({ data: undefined, error: e }));
    setBusy(false);
    if (!data) return setErrors(formErrorsOf(error, locale, FIELDS));
    setSession(data);
    void navigate(safeNext(params.get('next')), { replace: true });
  };

  return (
    <main id="main" style={{ maxWidth: 400, margin: '10vh auto', padding: 16 }}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('login.heading')}
        </Typography.Title>
        {errors.form ? (
          <Alert type="error" role="alert" title={errors.form} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            name="email"
            label={t('login.email')}
            rules={[{ required: true, message: t('actions.required') }]}
            {...(errors.fields['email'] ? { validateStatus: 'error', help: errors.fields['email'] } : {})}
          >
            <Input type="email" autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('actions.required') }]}
            {...(errors.fields['password']
              ? { validateStatus: 'error', help: errors.fields['password'] }
              : {})}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
