import { Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { consoleApi, unwrap, useConsoleText } from './use-console';

export interface ReviewDocument {
  id: string;
  kind: string;
  contentType: string;
  originalName: string;
  sizeBytes: number;
  contentUrl: string;
}

/**
 * A customer's document shown inline. Its content needs the staff bearer token, which an
 * <img src> cannot send: it is fetched with the token and shown from an object URL, freed
 * when the document changes or the view closes.
 */
export function DocumentPreview({ document }: { document: ReviewDocument }) {
  const { t } = useConsoleText();
  // What was fetched, and for which document: a new document shows "loading" until its own arrives.
  const [shown, setShown] = useState<{ id: string; url?: string; failed?: boolean }>();
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | undefined;
    consoleApi()
      .GET('/api/v1/staff/documents/{id}/content', {
        params: { path: { id: document.id } },
        parseAs: 'blob',
        signal: controller.signal,
      })
      .then((result) => {
        const blob = unwrap(result) as Blob;
        objectUrl = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: document.contentType }));
        if (!controller.signal.aborted) setShown({ id: document.id, url: objectUrl });
      })
      .catch(() => !controller.signal.aborted && setShown({ id: document.id, failed: true }));
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [document.id, document.contentType]);

  const url = shown?.id === document.id ? shown.url : undefined;
  if (shown?.id === document.id && shown.failed)
    return <Typography.Text type="danger">{document.originalName}</Typography.Text>;
  if (!url) return <Spin tip={t('reviews.documentLoading')} />;
  const frame = { width: '100%', maxHeight: 480, border: '1px solid #f0f0f0', borderRadius: 4 };
  return (
    <div>
      {document.contentType === 'application/pdf' ? (
        <iframe title={document.originalName} src={url} style={{ ...frame, height: 480 }} />
      ) : (
        <img
          src={url}
          alt={document.originalName}
          data-testid={`document-${document.kind}`}
          style={{ ...frame, objectFit: 'contain' }}
        />
      )}
      <Typography.Link href={url} target="_blank" rel="noreferrer">
        {t('reviews.openDocument')}
      </Typography.Link>
    </div>
  );
}
