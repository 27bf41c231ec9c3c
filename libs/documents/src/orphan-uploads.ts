import type { DataSource } from 'typeorm';
import type { DocumentStorage } from './document-storage';

export interface OrphanPurgeOptions {
  /** Uploads older than this that were never attached are deleted. */
  uploadedBefore: Date;
  /** Documents per DELETE (default 100). */
  batchSize?: number;
  /** At most this many batches per call (default 50); the next sweep does the rest. */
  maxBatches?: number;
  /** Told about bytes that could not be removed (the row is gone: they are unreachable). */
  onStorageError?: (storageKey: string, error: unknown) => void;
}

/**
 * Deletes uploads never attached to a dossier version and uploaded before
 * `uploadedBefore`, in batches: each batch's rows in one statement, then their bytes once
 * that has committed (bytes already gone are fine). Rows another transaction holds — a
 * dossier attaching them right now — are skipped (SKIP LOCKED), and the DELETE re-checks
 * that each is still unattached, so a document attached meanwhile is never lost. Returns how
 * many documents were deleted.
 */
export async function purgeOrphanUploads(
  dataSource: DataSource,
  storage: DocumentStorage,
  options: OrphanPurgeOptions,
): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  const maxBatches = options.maxBatches ?? 50;
  let purged = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const deleted: { storage_key: string }[] = await dataSource.query(
      `WITH due AS (
         SELECT id FROM documents
          WHERE attached_at IS NULL AND uploaded_at < $1
          ORDER BY uploaded_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       gone AS (
         DELETE FROM documents d USING due
          WHERE d.id = due.id AND d.attached_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM dossier_version_documents v WHERE v.document_id = d.id)
          RETURNING d.storage_key)
       SELECT storage_key FROM gone`,
      [options.uploadedBefore, batchSize],
    );
    for (const { storage_key: key } of deleted) {
      try {
        await storage.delete(key);
      } catch (error) {
        options.onStorageError?.(key, error);
      }
    }
    purged += deleted.length;
    if (deleted.length < batchSize) break;
  }
  return purged;
}
