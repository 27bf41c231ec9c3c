import { Alert, Button, Form, Input, message } from 'antd';
import { useState, type ReactNode } from 'react';
import { formErrorsOf, type CodeFields, type FormErrors } from './form-errors';
import { useConsoleText } from './use-console';

export interface ActionField {
  readonly name: string;
  readonly label: string;
  readonly help?: string;
  readonly type?: 'text' | 'date' | 'textarea';
  readonly initial?: string;
  readonly required?: boolean;
  readonly extra?: ReactNode;
}

/**
 * One staff action as a small form: labelled fields, the API's refusal shown next to the
 * field it concerns (or above the form), a success message, then `onDone` to reload.
 */
export function ActionForm({
  id,
  fields,
  submitLabel,
  danger,
  codeFields,
  onSubmit,
  onDone,
}: {
  id: string;
  fields: readonly ActionField[];
  submitLabel: string;
  danger?: boolean;
  codeFields?: CodeFields;
  /** Sends the request; resolves to a success text, or throws the API's error body. */
  onSubmit: (values: Record<string, string>) => Promise<string>;
  onDone: () => void;
}) {
  const { t, locale } = useConsoleText();
  const [form] = Form.useForm<Record<string, string>>();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const names = fields.map((f) => f.name);

  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const done = await onSubmit(values);
      void message.success(done);
      form.resetFields();
      onDone();
    } catch (error) {
      setErrors(formErrorsOf(error, locale, names, codeFields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      name={id}
      layout="vertical"
      requiredMark={false}
      initialValues={Object.fromEntries(fields.map((f) => [f.name, f.initial ?? '']))}
      onFinish={(values) => void submit(values)}
      onValuesChange={() =>
        errors.form || Object.keys(errors.fields).length ? setErrors({ fields: {} }) : null
      }
    >
      {errors.form ? (
        <Alert type="error" role="alert" title={errors.form} style={{ marginBottom: 12 }} />
      ) : null}
      {fields.map((field) => {
        const error = errors.fields[field.name];
        return (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            extra={field.extra}
            rules={
              field.required === false
                ? []
                : [{ required: true, whitespace: true, message: t('actions.required') }]
            }
            {...(error
              ? { validateStatus: 'error' as const, help: error }
              : field.help
                ? { help: field.help }
                : {})}
          >
            {field.type === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            ) : (
              <Input type={field.type === 'date' ? 'date' : 'text'} />
            )}
          </Form.Item>
        );
      })}
      <Button type="primary" danger={danger ?? false} htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
