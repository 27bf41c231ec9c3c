import type { DossierForm } from '@haoma/domain';
import { Alert, Button, List, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { customerClient } from '../../auth/authed-client';
import { formatShopTime } from '../../format/time';
import { apiErrorText, apiFieldErrors, type FieldErrors } from '../api-errors';
import type { Order, Submission } from '../order-types';
import { unwrap, useLoad } from '../use-load';
import { useText } from '../use-text';
import { DocumentUploads, type UploadSlot, type UploadSlots } from './document-uploads';
import { DossierFormFields, fieldId } from './dossier-form';
import {
  checkDossier,
  documentKindsFor,
  dossierValuesOf,
  emptyDossierValues,
  missingKindsText,
  shopToday,
  type DossierValues,
} from './dossier-values';
import type { DocumentKind } from './upload';

/** Where a resubmission starts from: the dossier last sent and what the reviewer said. */
interface Previous {
  readonly dossierId: string;
  readonly version: number;
  readonly form: DossierForm | null;
  readonly documents: readonly {
    id: string;
    kind: DocumentKind;
    originalName: string;
    contentType: string;
  }[];
  readonly submission: Submission;
}

async function loadPrevious(orderId: string): Promise<Previous | null> {
  const api = customerClient();
  const { items } = await unwrap(
    api.GET('/api/v1/orders/{id}/submissions', { params: { path: { id: orderId } } }),
  );
  const last = items.at(-1);
  if (!last) return null;
  const dossier = await unwrap(
    api.GET('/api/v1/dossiers/{id}', { params: { path: { id: last.dossierId } } }),
  );
  return {
    dossierId: dossier.id,
    version: dossier.currentVersion,
    form: dossier.current.form as unknown as DossierForm | null,
    documents: dossier.current.documents,
    submission: last,
  };
}

/**
 * The documents step: the dossier form checked as it is typed (the server's own rules), one
 * upload per document the form calls for, then the dossier and the submission. After a
 * rejection it starts from the last dossier, with each reason next to what it concerns.
 */
export function DocumentsSection({ order, onSubmitted }: { order: Order; onSubmitted: () => void }) {
  const { t, locale } = useText();
  const previous = useLoad(`submissions:${order.id}:${order.status}`, () => loadPrevious(order.id));
  if (previous.error) return <Alert type="error" showIcon title={apiErrorText(previous.error, locale)} />;
  if (previous.loading) return <Skeleton active />;
  const last = previous.data?.submission;
  if (
    last &&
    (last.status === 'prechecking' ||
      last.status === 'awaiting_review' ||
      order.status !== 'awaiting_documents')
  )
    return (
      <section aria-label={t('docs.heading')}>
        <Typography.Title level={4}>{t('docs.heading')}</Typography.Title>
        <Alert type="success" showIcon title={t('docs.submitted')} data-testid="docs-submitted" />
      </section>
    );
  return <DossierEditor order={order} previous={previous.data ?? null} onSubmitted={onSubmitted} />;
}

function DossierEditor({
  order,
  previous,
  onSubmitted,
}: {
  order: Order;
  previous: Previous | null;
  onSubmitted: () => void;
}) {
  const { t, locale } = useText();
  const reasons = previous?.submission.rejectionReasons ?? [];
  const reasonText = (r: (typeof reasons)[number]) => (locale === 'zh-CN' ? r.text.zh : r.text.en);
  const [values, setValues] = useState<DossierValues>(() =>
    previous?.form ? dossierValuesOf(previous.form) : emptyDossierValues(),
  );
  const [slots, setSlots] = useState<UploadSlots>(() => {
    const out: UploadSlots = {};
    const refused = new Set(reasons.map((r) => r.target));
    for (const d of previous?.documents ?? []) {
      const rejection = reasons.find((r) => r.target === d.kind || r.documentId === d.id);
      // A refused document is asked for again; the others carry over to the new version.
      out[d.kind] =
        refused.has(d.kind) || rejection
          ? { rejection: rejection ? reasonText(rejection) : '' }
          : { document: d };
    }
    return out;
  });
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // The day the page opened: expiry checks against it, as the server checks against its today.
  const [today] = useState(() => shopToday(Date.now()));
  const check = useMemo(() => checkDossier(values, today, locale), [values, today, locale]);
  const kinds = documentKindsFor(check.form, values);
  const missing = kinds.filter((k) => !slots[k]?.document);
  // Errors show once a field was left (or after a submit attempt); the server's until edited.
  const shown: FieldErrors = {
    ...Object.fromEntries(Object.entries(check.errors).filter(([path]) => submitted || touched.has(path))),
    ...serverFields,
  };
  const fieldReasons = Object.fromEntries(
    reasons.filter((r) => !kinds.includes(r.target as DocumentKind)).map((r) => [r.target, reasonText(r)]),
  );

  const submit = async () => {
    setSubmitted(true);
    setError(undefined);
    if (!check.form || missing.length) {
      setError(
        missing.length && check.form
          ? t('docs.missing', { kinds: missingKindsText(missing, locale) })
          : t('docs.fixErrors'),
      );
      const first = Object.keys(check.errors)[0];
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    try {
      const api = customerClient();
      const documentIds = kinds.map((k) => slots[k]?.document?.id).filter((id): id is string => !!id);
      const form = check.form as unknown as Record<string, never>;
      const dossier = previous
        ? await unwrap(
            api.POST('/api/v1/dossiers/{id}/versions', {
              params: { path: { id: previous.dossierId } },
              body: { baseVersion: previous.version, form, documentIds },
            }),
          )
        : await unwrap(api.POST('/api/v1/dossiers', { body: { form, documentIds } }));
      await unwrap(
        api.POST('/api/v1/orders/{id}/submissions', {
          params: { path: { id: order.id } },
          body: { dossierId: dossier.id, version: dossier.currentVersion },
        }),
      );
      onSubmitted();
    } catch (e) {
      setServerFields(apiFieldErrors(e, locale, 'form.'));
      setError(apiErrorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('docs.heading')} className="documents-section">
      <Typography.Title level={4}>{t('docs.heading')}</Typography.Title>
      {order.documentsDueAt ? (
        <Typography.Paragraph>
          {t('docs.dueAt', { time: formatShopTime(order.documentsDueAt, locale) })}
        </Typography.Paragraph>
      ) : null}
      {previous?.submission.status === 'rejected' ? (
        <Alert
          type="error"
          showIcon
          data-testid="rejection"
          title={t('docs.rejected')}
          description={
            <List
              size="small"
              dataSource={[...reasons.map(reasonText), ...previous.submission.findings.map((f) => f.message)]}
              renderItem={(text) => <List.Item>{text}</List.Item>}
            />
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <DossierFormFields
        values={values}
        onChange={(next) => {
          setValues(next);
          setServerFields({});
        }}
        errors={{ ...fieldReasons, ...shown }}
        warnings={check.warnings}
        onBlur={(path) => setTouched((s) => new Set(s).add(path))}
      />
      <Typography.Title level={5}>{t('docs.uploads')}</Typography.Title>
      <DocumentUploads
        kinds={kinds}
        slots={slots}
        onSlot={(kind, slot: UploadSlot) => setSlots((s) => ({ ...s, [kind]: slot }))}
      />
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ margin: '12px 0' }} /> : null}
      <Button
        type="primary"
        size="large"
        loading={busy}
        onClick={() => void submit()}
        style={{ marginTop: 12 }}
      >
        {previous ? t('docs.resubmit') : t('docs.submit')}
      </Button>
    </section>
  );
}
