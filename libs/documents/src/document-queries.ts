import type { EntityManager } from 'typeorm';
import type { DocumentContentType, DocumentKind } from '@haoma/domain';
import { decodeDocumentCursor, encodeDocumentCursor } from './document-cursor';

/** A stored document as the services hand it out (never the entity). */
export interface StoredDocument {
  id: string;
  customerId: string;
  kind: DocumentKind;
  contentType: DocumentContentType;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  originalName: string;
  uploadedAt: Date;
  attachedAt: Date | null;
}

export interface DocumentPage {
  items: StoredDocument[];
  nextCursor: string | null;
}

/** The columns of a StoredDocument, for SELECT and RETURNING. */
export const DOCUMENT_COLUMNS = `id, customer_id, kind, content_type, size_bytes, sha256, storage_key,
  original_name, uploaded_at, attached_at`;

export interface DocumentRow {
  id: string;
  customer_id: string;
  kind: DocumentKind;
  content_type: DocumentContentType;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  original_name: string;
  uploaded_at: Date;
  attached_at: Date | null;
}

export function toStoredDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    storageKey: row.storage_key,
    originalName: row.original_name,
    uploadedAt: new Date(row.uploaded_at),
    attachedAt: row.attached_at ? new Date(row.attached_at) : null,
  };
}

/**
 * One document by id; with `customerId`, only when it is that customer's (another
 * customer's document is simply not found).
 */
export async function findDocument(
  manager: EntityManager,
  query: { documentId: string; customerId?: string | undefined },
): Promise<StoredDocument | undefined> {
  const rows: DocumentRow[] = await manager.query(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents
      WHERE id = $1 AND ($2::uuid IS NULL OR customer_id = $2)`,
    [query.documentId, query.customerId ?? null],
  );
  return rows[0] ? toStoredDocument(rows[0]) : undefined;
}

/** Thrown by {@link listDocuments} for a cursor it did not hand out. */
export class InvalidDocumentCursorError extends Error {
  constructor() {
    super('The cursor is not one this API handed out; start again from the first page.');
    this.name = 'InvalidDocumentCursorError';
  }
}

/**
 * The customer's documents, newest first (ties by id), `limit` at a time after `cursor`.
 * Keyset pagination: a page never skips or repeats a document when new ones arrive.
 */
export async function listDocuments(
  manager: EntityManager,
  query: { customerId: string; limit: number; cursor?: string | undefined },
): Promise<DocumentPage> {
  const after = query.cursor === undefined ? undefined : decodeDocumentCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw new InvalidDocumentCursorError();
  const rows: (DocumentRow & { uploaded_at_text: string })[] = await manager.query(
    `SELECT ${DOCUMENT_COLUMNS},
            to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS uploaded_at_text
       FROM documents
      WHERE customer_id = $1
        AND ($2::timestamp IS NULL OR (uploaded_at, id) < ($2::timestamp AT TIME ZONE 'UTC', $3::uuid))
      ORDER BY uploaded_at DESC, id DESC
      LIMIT $4`,
    [query.customerId, after?.uploadedAt ?? null, after?.id ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toStoredDocument),
    nextCursor:
      rows.length > query.limit && last
        ? encodeDocumentCursor({ uploadedAt: last.uploaded_at_text, id: last.id })
        : null,
  };
}
