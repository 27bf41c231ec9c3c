import { Alert, Image, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { sessions } from '../../auth/session';
import { apiErrorText } from '../api-errors';
import { useText } from '../use-text';
import { uploadDocument, type DocumentKind, type UploadedDocument } from './upload';

/** What the page knows of one kind's document: uploaded (id), going (progress), or failed. */
export interface UploadSlot {
  readonly document?: Pick<UploadedDocument, 'id' | 'originalName'>;
  readonly progress?: number;
  readonly error?: string;
  /** A local preview of an image just chosen (object URL). */
  readonly preview?: string;
  /** The reviewer's reason this kind was refused last time. */
  readonly rejection?: string;
}

export type UploadSlots = Partial<Record<DocumentKind, UploadSlot>>;

/** One upload per required kind, with its progress bar, an image preview and any rejection reason. */
export function DocumentUploads({
  kinds,
  slots,
  onSlot,
}: {
  kinds: readonly DocumentKind[];
  slots: UploadSlots;
  onSlot: (kind: DocumentKind, slot: UploadSlot) => void;
}) {
  const { t, locale } = useText();
  const [previews] = useState(() => new Set<string>());
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  const choose = async (kind: DocumentKind, file: File) => {
    const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined;
    if (preview) previews.add(preview);
    const base: UploadSlot = { progress: 0, ...(preview ? { preview } : {}) };
    onSlot(kind, base);
    try {
      const document = await uploadDocument({
        kind,
        file,
        token: await sessions.accessToken('customer'),
        onProgress: (progress) => onSlot(kind, { ...base, progress }),
      });
      onSlot(kind, { ...base, progress: 100, document });
    } catch (e) {
      onSlot(kind, { ...base, progress: undefined, error: apiErrorText(e, locale) } as UploadSlot);
    }
  };

  return (
    <div className="uploads">
      {kinds.map((kind) => {
        const slot = slots[kind] ?? {};
        const id = `upload-${kind}`;
        return (
          <div key={kind} className="upload-slot" data-testid={id}>
            <label htmlFor={id}>
              <strong>{t(`kind.${kind}`)}</strong>{' '}
              <Typography.Text type="secondary">({t('docs.uploadHelp')})</Typography.Text>
            </label>
            {slot.rejection ? <Alert type="error" showIcon title={slot.rejection} /> : null}
            <input
              id={id}
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void choose(kind, file);
              }}
            />
            {slot.progress !== undefined ? (
              <Progress percent={slot.progress} size="small" aria-label={t(`kind.${kind}`)} />
            ) : null}
            {slot.preview ? <Image src={slot.preview} alt={t(`kind.${kind}`)} width={120} /> : null}
            {slot.document ? (
              <Typography.Text type="success">
                ✓ {t('docs.uploaded')}: {slot.document.originalName}
              </Typography.Text>
            ) : null}
            {slot.error ? (
              <Typography.Text type="danger" role="alert">
                {slot.error}
              </Typography.Text>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
