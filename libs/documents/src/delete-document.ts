import type { DataSource } from 'typeorm';
import type { DocumentStorage } from './document-storage';
import { DocumentError } from './document-errors';

/**
 * Deletes one of the customer's documents that no dossier version uses, row then bytes
 * (the bytes only once the row's delete has committed). A document attached meanwhile is
 * kept: the DELETE itself re-checks, under the row lock, that it is still unattached.
 */
export async function deleteUnattachedDocument(
  dataSource: DataSource,
  storage: DocumentStorage,
  command: { customerId: string; documentId: string },
): Promise<void> {
  const deleted: { storage_key: string }[] = await dataSource.query(
    // Wrapped in a SELECT: TypeORM answers a bare DELETE … RETURNING as [rows, count].
    `WITH gone AS (
       DELETE FROM documents d
        WHERE d.id = $1 AND d.customer_id = $2 AND d.attached_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM dossier_version_documents v WHERE v.document_id = d.id)
        RETURNING d.storage_key)
     SELECT storage_key FROM gone`,
    [command.documentId, command.customerId],
  );
  const key = deleted[0]?.storage_key;
  if (key !== undefined) {
    await storage.delete(key);
    return;
  }
  const exists: unknown[] = await dataSource.query(
    `SELECT 1 FROM documents WHERE id = $1 AND customer_id = $2`,
    [command.documentId, command.customerId],
  );
  if (exists.length > 0)
    throw new DocumentError('DOCUMENT_ATTACHED', 'The document is part of a dossier and cannot be deleted.');
  throw new DocumentError('DOCUMENT_NOT_FOUND', 'No such document.');
}
