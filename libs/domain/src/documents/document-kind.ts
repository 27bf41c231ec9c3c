import { DOCUMENT_KINDS, type DocumentKind } from '../verification/verification-states';

const KINDS: ReadonlySet<string> = new Set(DOCUMENT_KINDS);

/** Whether `value` (e.g. a multipart field as the client sent it) names a document kind. */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && KINDS.has(value);
}
