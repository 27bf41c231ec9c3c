import { Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { FieldErrors } from '../api-errors';
import type { StorefrontMessageId } from '../storefront-messages';
import { useText } from '../use-text';
import type { DossierValues, PersonValues } from './dossier-values';

export interface DossierFormProps {
  readonly values: DossierValues;
  readonly onChange: (values: DossierValues) => void;
  /** Errors to show, by field path; the page decides when (touched fields, or all after submit). */
  readonly errors: FieldErrors;
  readonly warnings: FieldErrors;
  readonly onBlur: (path: string) => void;
}

/** The guided dossier form: company, legal representative, optional handler, destinations, undertaking. */
export function DossierFormFields({ values, onChange, errors, warnings, onBlur }: DossierFormProps) {
  const { t } = useText();
  const set = (patch: Partial<DossierValues>) => onChange({ ...values, ...patch });

  // One labelled field; its id is its path so the label, the error and a test can find it.
  const field = (path: string, label: StorefrontMessageId, control: ReactNode, extra?: ReactNode) => (
    <Form.Item
      label={t(label)}
      htmlFor={fieldId(path)}
      validateStatus={errors[path] ? 'error' : warnings[path] ? 'warning' : undefined}
      help={errors[path] ?? warnings[path]}
      extra={extra}
    >
      {control}
    </Form.Item>
  );
  const text = (
    path: string,
    label: StorefrontMessageId,
    value: string,
    update: (v: string) => void,
    autoComplete = 'off',
  ) =>
    field(
      path,
      label,
      <Input
        id={fieldId(path)}
        value={value}
        autoComplete={autoComplete}
        aria-invalid={errors[path] ? true : undefined}
        onChange={(e) => update(e.target.value)}
        onBlur={() => onBlur(path)}
      />,
    );
  const expiry = (
    path: string,
    label: StorefrontMessageId,
    value: string,
    longTerm: boolean,
    update: (v: string, longTerm: boolean) => void,
  ) =>
    field(
      path,
      label,
      <Space wrap>
        <Input
          id={fieldId(path)}
          type="date"
          value={value}
          disabled={longTerm}
          onChange={(e) => update(e.target.value, false)}
          onBlur={() => onBlur(path)}
        />
        <Checkbox checked={longTerm} onChange={(e) => update(value, e.target.checked)}>
          {t('docs.longTerm')}
        </Checkbox>
      </Space>,
    );
  const personFields = (prefix: string, p: PersonValues, update: (p: PersonValues) => void) => (
    <>
      {text(`${prefix}.name`, 'docs.personName', p.name, (name) => update({ ...p, name }))}
      {text(`${prefix}.idNumber`, 'docs.idNumber', p.idNumber, (idNumber) => update({ ...p, idNumber }))}
      {expiry(
        `${prefix}.idExpiresOn`,
        'docs.idExpiresOn',
        p.idExpiresOn,
        p.longTerm,
        (idExpiresOn, longTerm) => update({ ...p, idExpiresOn, longTerm }),
      )}
    </>
  );

  return (
    <Form layout="vertical" component="div" className="dossier-form">
      <fieldset>
        <legend>{t('docs.company')}</legend>
        {text(
          'company.name',
          'docs.companyName',
          values.companyName,
          (companyName) => set({ companyName }),
          'organization',
        )}
        {text('company.uscc', 'docs.uscc', values.uscc, (uscc) => set({ uscc }))}
        {expiry(
          'company.licenceExpiresOn',
          'docs.licenceExpiresOn',
          values.licenceExpiresOn,
          values.licenceLongTerm,
          (v, l) => set({ licenceExpiresOn: v, licenceLongTerm: l }),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('docs.legalRep')}</legend>
        {personFields('legalRepresentative', values.legalRep, (legalRep) => set({ legalRep }))}
      </fieldset>
      <Checkbox checked={values.hasHandler} onChange={(e) => set({ hasHandler: e.target.checked })}>
        {t('docs.hasHandler')}
      </Checkbox>
      {values.hasHandler ? (
        <fieldset>
          <legend>{t('docs.handler')}</legend>
          {personFields('handler', values.handler, (p) => set({ handler: { ...values.handler, ...p } }))}
          {text(
            'handler.mobile',
            'docs.handlerMobile',
            values.handler.mobile,
            (mobile) => set({ handler: { ...values.handler, mobile } }),
            'tel',
          )}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t('docs.destinations')}</legend>
        {errors['destinations'] ? (
          <Typography.Text type="danger" role="alert">
            {errors['destinations']}
          </Typography.Text>
        ) : null}
        {values.destinations.map((d, i) => {
          const update = (patch: Partial<typeof d>) =>
            set({ destinations: values.destinations.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <div key={i} className="destination">
              {text(
                `destinations[${i}].number`,
                'docs.destinationNumber',
                d.number,
                (number) => update({ number }),
                'tel',
              )}
              {text(`destinations[${i}].ownerName`, 'docs.ownerName', d.ownerName, (ownerName) =>
                update({ ownerName }),
              )}
              {text(`destinations[${i}].ownerIdNumber`, 'docs.ownerId', d.ownerIdNumber, (ownerIdNumber) =>
                update({ ownerIdNumber }),
              )}
              {values.destinations.length > 1 ? (
                <Button
                  size="small"
                  onClick={() => set({ destinations: values.destinations.filter((_, j) => j !== i) })}
                >
                  {t('docs.removeDestination')}
                </Button>
              ) : null}
            </div>
          );
        })}
        {values.destinations.length < 10 ? (
          <Button
            onClick={() =>
              set({
                destinations: [...values.destinations, { number: '', ownerName: '', ownerIdNumber: '' }],
              })
            }
          >
            {t('docs.addDestination')}
          </Button>
        ) : null}
      </fieldset>
      <fieldset>
        <Checkbox checked={values.regulated} onChange={(e) => set({ regulated: e.target.checked })}>
          {t('docs.regulated')}
        </Checkbox>
        {values.regulated ? (
          <>
            {text(
              'industry.licenceNumber',
              'docs.industryLicenceNumber',
              values.industryLicenceNumber,
              (industryLicenceNumber) => set({ industryLicenceNumber }),
            )}
            {expiry(
              'industry.licenceExpiresOn',
              'docs.industryLicenceExpiresOn',
              values.industryLicenceExpiresOn,
              values.industryLongTerm,
              (v, l) => set({ industryLicenceExpiresOn: v, industryLongTerm: l }),
            )}
          </>
        ) : null}
      </fieldset>
      <fieldset>
        <Form.Item
          validateStatus={errors['undertakingSigned'] ? 'error' : undefined}
          help={errors['undertakingSigned']}
        >
          <Checkbox
            id={fieldId('undertakingSigned')}
            checked={values.undertakingSigned}
            onChange={(e) => set({ undertakingSigned: e.target.checked })}
          >
            {t('docs.undertaking')}
          </Checkbox>
        </Form.Item>
        {text(
          'undertakingSignerName',
          'docs.undertakingSigner',
          values.undertakingSignerName,
          (undertakingSignerName) => set({ undertakingSignerName }),
        )}
      </fieldset>
    </Form>
  );
}

/** The DOM id of a form path: `destinations[0].number` → `dossier-destinations-0-number`. */
export function fieldId(path: string): string {
  return `dossier-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}
