import type { FastifyReply } from 'fastify';
import { DOCUMENT_EXTENSIONS } from '@haoma/domain';
import type { StoredDocument } from '@haoma/documents';

// RFC 5987 / 8187 `ext-value`: UTF-8, percent-encoded, attr-chars left as they are.
const rfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The headers a document's bytes are served with: always a download under a name we chose
 * (`<id>.<ext>`, the customer's cleaned name only as `filename*`), the type the magic bytes
 * gave and no sniffing, never cached, and a sandboxing CSP should a browser render it anyway.
 */
export function documentContentHeaders(document: StoredDocument): Record<string, string> {
  const fileName = `${document.id}.${DOCUMENT_EXTENSIONS[document.contentType]}`;
  return {
    'content-type': document.contentType,
    'content-disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${rfc5987(document.originalName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'content-security-policy': "default-src 'none'; sandbox",
  };
}

/** Sets {@link documentContentHeaders} on `reply`. */
export function setDocumentContentHeaders(reply: FastifyReply, document: StoredDocument): void {
  void reply.headers(documentContentHeaders(document));
}
