import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { checkUploadName, findPolyglot, isDocumentKind, sniffContentType } from '@haoma/domain';
import type { DocumentStorage } from './document-storage';
import { DocumentError } from './document-errors';
import {
  DOCUMENT_COLUMNS,
  toStoredDocument,
  type DocumentRow,
  type StoredDocument,
} from './document-queries';
import { readLimited, tooLarge } from './read-limited';
import type { UploadLimits } from './upload-limits';

/** One upload as the client sent it: nothing here is trusted yet. */
export interface UploadInput {
  customerId: string;
  /** The document kind the client named. */
  kind: string;
  /** The file name the client sent (display only). */
  fileName: string;
  /** The bytes, or a stream of them (read no further than the size limit). */
  content: Uint8Array | AsyncIterable<Uint8Array>;
}

/** Where a customer's document is stored: generated, never derived from what the client sent. */
export const storageKeyOf = (customerId: string, documentId: string): string => `${customerId}/${documentId}`;

/**
 * Checks and stores one upload. Checks, in order: the kind, the file name, the size (not
 * empty, at most `maxBytes`: a stream is cut off as soon as it passes the limit), the type
 * by magic bytes (a declared type or extension plays no part), polyglots, then the
 * customer's quota. The quota is checked under a lock on the customer's row, so concurrent
 * uploads of one customer cannot both slip under it. The bytes are written to storage inside
 * the transaction, before the row commits, and removed again if it does not: a refused
 * upload leaves nothing behind, a stored row always has its bytes.
 */
export async function storeUpload(
  dataSource: DataSource,
  storage: DocumentStorage,
  input: UploadInput,
  limits: UploadLimits,
): Promise<StoredDocument> {
  if (!isDocumentKind(input.kind))
    throw new DocumentError('UPLOAD_KIND_INVALID', 'kind must name a document kind.', { kind: input.kind });
  const kind = input.kind;
  const name = checkUploadName(input.fileName);
  if (!name.ok)
    throw new DocumentError('UPLOAD_FILENAME_INVALID', 'The file name is not acceptable.', {
      reason: name.reason,
    });
  const bytes = Buffer.isBuffer(input.content)
    ? input.content
    : input.content instanceof Uint8Array
      ? Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength)
      : await readLimited(input.content, limits.maxBytes);
  if (bytes.length === 0) throw new DocumentError('UPLOAD_EMPTY', 'The file is empty.');
  if (bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const contentType = sniffContentType(bytes);
  if (!contentType)
    throw new DocumentError('UPLOAD_TYPE_NOT_ALLOWED', 'A document must be a JPG, PNG or PDF file.', {
      allowed: ['image/jpeg', 'image/png', 'application/pdf'],
    });
  const polyglot = findPolyglot(bytes, contentType);
  if (polyglot)
    throw new DocumentError(
      'UPLOAD_POLYGLOT',
      'The file is also another kind of file; upload a plain scan.',
      {
        reason: polyglot,
      },
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const id = randomUUID();
  const storageKey = storageKeyOf(input.customerId, id);
  let written = false;
  try {
    return await dataSource.transaction(async (manager) => {
      await checkQuota(manager, input.customerId, bytes.length, limits);
      written = true;
      await storage.put(storageKey, bytes);
      const rows: DocumentRow[] = await manager.query(
        `INSERT INTO documents (id, customer_id, kind, content_type, size_bytes, sha256, storage_key, original_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING ${DOCUMENT_COLUMNS}`,
        [id, input.customerId, kind, contentType, bytes.length, sha256, storageKey, name.cleaned],
      );
      return toStoredDocument(rows[0] as DocumentRow);
    });
  } catch (error) {
    if (written && !(await committed(dataSource, id))) await storage.delete(storageKey);
    throw error;
  }
}

// The lock on the customer's row serialises that customer's uploads (and only theirs);
// `NO KEY UPDATE` still lets rows referencing the customer be inserted meanwhile.
async function checkQuota(
  manager: EntityManager,
  customerId: string,
  size: number,
  limits: UploadLimits,
): Promise<void> {
  const locked: unknown[] = await manager.query(`SELECT 1 FROM customers WHERE id = $1 FOR NO KEY UPDATE`, [
    customerId,
  ]);
  if (locked.length === 0) throw new Error(`no customer ${customerId}`);
  const [usage] = (await manager.query(
    `SELECT count(*)::int AS files, coalesce(sum(size_bytes), 0)::bigint AS bytes
       FROM documents WHERE customer_id = $1`,
    [customerId],
  )) as { files: number; bytes: string }[];
  const files = usage?.files ?? 0;
  const bytes = Number(usage?.bytes ?? 0);
  if (files + 1 > limits.quotaFiles || bytes + size > limits.quotaBytes)
    throw new DocumentError(
      'UPLOAD_QUOTA_EXCEEDED',
      'You have stored as many documents as you may; delete unused ones first.',
      {
        quota: files + 1 > limits.quotaFiles ? 'files' : 'bytes',
        files,
        bytes,
        quotaFiles: limits.quotaFiles,
        quotaBytes: limits.quotaBytes,
      },
    );
}

// After a failure at commit the row may still have committed (the answer was lost): only
// bytes without a row are removed. If even that cannot be asked, the bytes go: a refused
// upload must leave nothing behind.
async function committed(dataSource: DataSource, id: string): Promise<boolean> {
  try {
    const rows: unknown[] = await dataSource.query(`SELECT 1 FROM documents WHERE id = $1`, [id]);
    return rows.length > 0;
  } catch {
    return false;
  }
}
