import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import {
  isDocumentKind,
  REJECTION_REASON_CODES,
  REJECTION_REASONS,
  type RejectionReasonCode,
} from '@haoma/domain';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatFen } from '../format/money';
import { DOCUMENT_KIND_MESSAGES, storefrontText } from '../storefront/storefront-messages';
import { REASON_MESSAGES } from './console-messages';
import { DocumentPreview, type ReviewDocument } from './document-preview';
import { formErrorsOf } from './form-errors';
import { formRows, rejectionReasons, type DocumentVerdict } from './review-logic';
import { consoleApi, unwrap, useConsoleText } from './use-console';

/** GET /api/v1/staff/reviews/{id}: the parts the OpenAPI document leaves as plain objects. */
export interface ReviewView {
  id: string;
  sequence: number;
  status: string;
  findings: { code: string; severity: string; field: string; message: string }[];
  dossier: { id: string; version: number; form: unknown };
  documents: ReviewDocument[];
  order: {
    id: string;
    orderNo: string;
    number: string;
    status: string;
    totalFen: number | null;
    customer: { email: string; companyName: string };
  };
  earlierSubmissions: { id: string; sequence: number; status: string; reviewNote: string | null }[];
}

export interface ReviewPanelHandle {
  approve(): void;
  reject(): void;
}

const SEVERITY_COLOR: Record<string, string> = { error: 'red', warning: 'orange', info: 'blue' };

/**
 * One submission side by side: the documents on one side, the form data and the pre-check
 * findings on the other; a reason per document, approve or reject. The parent binds the
 * keyboard shortcuts to `approve` and `reject` through the handle.
 */
export const ReviewPanel = forwardRef<ReviewPanelHandle, { review: ReviewView; onDecided: () => void }>(
  function ReviewPanel({ review, onDecided }, ref) {
    const { t, locale } = useConsoleText();
    const [verdicts, setVerdicts] = useState<Record<string, DocumentVerdict>>({});
    const [note, setNote] = useState('');
    const [error, setError] = useState<string>();
    const [done, setDone] = useState<string>();
    const [busy, setBusy] = useState(false);
    const open = review.status === 'awaiting_review' && !done;

    const decide = async (verdict: 'approve' | 'reject') => {
      if (busy || !open) return;
      setBusy(true);
      setError(undefined);
      try {
        const api = consoleApi();
        const path = { params: { path: { submissionId: review.id } } };
        const trimmed = note.trim();
        if (verdict === 'approve') {
          unwrap(
            await api.POST('/api/v1/staff/reviews/{submissionId}/approve', {
              ...path,
              body: trimmed ? { note: trimmed } : {},
            }),
          );
          setDone(t('reviews.approved'));
        } else {
          const reasons = rejectionReasons(review.documents, verdicts);
          if (reasons.length === 0) {
            setError(t('reviews.reasonsRequired'));
            return;
          }
          unwrap(
            await api.POST('/api/v1/staff/reviews/{submissionId}/reject', {
              ...path,
              body: { reasons, ...(trimmed ? { note: trimmed } : {}) },
            }),
          );
          setDone(t('reviews.rejected'));
        }
        onDecided();
      } catch (e) {
        setError(formErrorsOf(e, locale, []).form);
      } finally {
        setBusy(false);
      }
    };
    useImperativeHandle(ref, () => ({
      approve: () => void decide('approve'),
      reject: () => void decide('reject'),
    }));

    const setVerdict = (id: string, patch: DocumentVerdict) =>
      setVerdicts((all) => ({ ...all, [id]: { ...all[id], ...patch } }));
    const o = review.order;

    return (
      <section aria-labelledby="review-heading" data-testid="review-panel">
        <Space wrap align="baseline">
          <Typography.Title level={3} id="review-heading" style={{ margin: 0 }}>
            {o.customer.companyName} · {t('reviews.sequence', { n: review.sequence })}
          </Typography.Title>
          <Link to={`/console/orders/${o.id}`}>
            {t('order.heading', { orderNo: o.orderNo })} · {o.number}
          </Link>
          {o.totalFen === null ? null : <Typography.Text>{formatFen(o.totalFen)}</Typography.Text>}
        </Space>
        {done ? <Alert type="success" role="status" title={done} style={{ marginTop: 12 }} /> : null}
        {!open && !done ? (
          <Alert
            type="info"
            title={t('reviews.decided', { status: review.status })}
            style={{ marginTop: 12 }}
          />
        ) : null}
        <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
          <Col xs={24} xl={14}>
            <Typography.Title level={4}>{t('reviews.documents')}</Typography.Title>
            {review.documents.map((doc) => (
              <Card
                key={doc.id}
                size="small"
                title={
                  isDocumentKind(doc.kind)
                    ? storefrontText(locale, DOCUMENT_KIND_MESSAGES[doc.kind])
                    : doc.kind
                }
                style={{ marginBottom: 12 }}
              >
                <DocumentPreview document={doc} />
                {open ? (
                  <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
                    <label htmlFor={`reason-${doc.id}`}>{t('reviews.reason')}</label>
                    <Select<RejectionReasonCode | ''>
                      id={`reason-${doc.id}`}
                      data-testid={`reason-${doc.kind}`}
                      value={verdicts[doc.id]?.code ?? ''}
                      onChange={(code) => setVerdict(doc.id, code ? { code } : { code: undefined })}
                      options={[
                        { value: '', label: t('reviews.reasonNone') },
                        ...REJECTION_REASON_CODES.map((code) => ({
                          value: code,
                          label: t(REASON_MESSAGES[code]),
                        })),
                      ]}
                      style={{ width: '100%' }}
                    />
                    {verdicts[doc.id]?.code ? (
                      <>
                        <label htmlFor={`reason-text-${doc.id}`}>{t('reviews.reasonText')}</label>
                        <Input.TextArea
                          id={`reason-text-${doc.id}`}
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          placeholder={
                            REJECTION_REASONS[verdicts[doc.id]?.code as RejectionReasonCode][
                              locale === 'zh-CN' ? 'zh' : 'en'
                            ]
                          }
                          value={verdicts[doc.id]?.text ?? ''}
                          onChange={(e) => setVerdict(doc.id, { text: e.target.value })}
                        />
                      </>
                    ) : null}
                  </Space>
                ) : null}
              </Card>
            ))}
          </Col>
          <Col xs={24} xl={10}>
            <Typography.Title level={4}>{t('reviews.findings')}</Typography.Title>
            {review.findings.length === 0 ? (
              <Typography.Text type="success">{t('reviews.noFindings')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={review.findings}
                renderItem={(f) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Space>
                        <Tag color={SEVERITY_COLOR[f.severity]}>{f.severity}</Tag>
                        <Typography.Text code>{f.field}</Typography.Text>
                      </Space>
                      <Typography.Text>{f.message}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
            <Typography.Title level={4}>{t('reviews.form')}</Typography.Title>
            <Descriptions
              size="small"
              bordered
              column={1}
              items={formRows(review.dossier.form).map((row) => ({
                key: row.path,
                label: row.path,
                children: row.value,
              }))}
            />
            {review.earlierSubmissions.length ? (
              <>
                <Typography.Title level={4}>{t('reviews.earlier')}</Typography.Title>
                <List
                  size="small"
                  dataSource={review.earlierSubmissions}
                  renderItem={(s) => (
                    <List.Item>
                      {t('reviews.sequence', { n: s.sequence })} · {s.status}
                      {s.reviewNote ? ` · ${s.reviewNote}` : ''}
                    </List.Item>
                  )}
                />
              </>
            ) : null}
          </Col>
        </Row>
        {open ? (
          <Card size="small" style={{ position: 'sticky', bottom: 0, marginTop: 12 }}>
            {error ? <Alert type="error" role="alert" title={error} style={{ marginBottom: 8 }} /> : null}
            <label htmlFor="review-note">{t('reviews.note')}</label>
            <Input.TextArea
              id="review-note"
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Space style={{ marginTop: 8 }}>
              <Button type="primary" loading={busy} onClick={() => void decide('approve')}>
                {t('reviews.approve')}
              </Button>
              <Button danger loading={busy} onClick={() => void decide('reject')}>
                {t('reviews.reject')}
              </Button>
              <Typography.Text type="secondary">{t('reviews.shortcuts')}</Typography.Text>
            </Space>
          </Card>
        ) : null}
      </section>
    );
  },
);
