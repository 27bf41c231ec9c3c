/**
 * Where a page of a customer's documents ends: the last one's upload time, to the
 * microsecond as Postgres keeps it, and its id (which breaks ties). Opaque to clients.
 */
export interface DocumentCursor {
  /** `YYYY-MM-DDTHH:MM:SS.ffffff`, UTC. */
  uploadedAt: string;
  id: string;
}

const VERSION = 'd1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_LENGTH = 120;

/** The cursor for "after this document" in the newest-first list. */
export function encodeDocumentCursor(cursor: DocumentCursor): string {
  return Buffer.from(`${VERSION}|${cursor.uploadedAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor made by {@link encodeDocumentCursor}; undefined for anything else. */
export function decodeDocumentCursor(text: string): DocumentCursor | undefined {
  if (text.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [version, uploadedAt, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (version !== VERSION || rest.length || !uploadedAt || !id) return undefined;
  if (!TIMESTAMP.test(uploadedAt) || !UUID.test(id) || Number.isNaN(Date.parse(`${uploadedAt}Z`)))
    return undefined;
  return { uploadedAt, id };
}
