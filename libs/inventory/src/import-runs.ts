import type { ClientBase } from 'pg';

/** Counts of one import so far; `added + skipped + rejected = linesRead`. */
export interface ImportCounts {
  linesRead: number;
  added: number;
  skipped: number;
  rejected: number;
}

/** One line the importer could not use. */
export interface ImportRejection {
  /** 1-based line of the input (the file's line for a CSV). */
  line: number;
  /** The number as written (cut to {@link MAX_REJECTED_INPUT_LENGTH} characters). */
  input: string;
  /** A `parseNumber` error code such as `TOO_SHORT` or `UNKNOWN_BLOCK`. */
  reason: string;
  message: string;
}

/** How many rejections an import keeps (in its summary and its `inventory_imports` row). */
export const MAX_KEPT_REJECTIONS = 1000;
export const MAX_REJECTED_INPUT_LENGTH = 200;

/**
 * Marks every `running` import as failed. Only call it while holding the import lock:
 * runs are created under that lock, so a running row whose owner does not hold it belongs
 * to a process that died (killed, lost its connection) without finishing it.
 */
export async function failAbandonedRuns(client: ClientBase): Promise<number> {
  const result = await client.query(
    `UPDATE inventory_imports
        SET status = 'failed', finished_at = now(),
            error = 'abandoned: the importing process ended without finishing this run'
      WHERE status = 'running'`,
  );
  return result.rowCount ?? 0;
}

/** Creates the run's row (status `running`) and returns its id. */
export async function createImportRun(
  client: ClientBase,
  source: string,
  startedBy: string,
): Promise<string> {
  const result = await client.query<{ id: string }>(
    `INSERT INTO inventory_imports (source, started_by, status) VALUES ($1, $2, 'running') RETURNING id`,
    [source, startedBy.slice(0, 100)],
  );
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error('INSERT INTO inventory_imports returned no id');
  return id;
}

/**
 * Writes the counts (and the rejections, when given) of a running import. Called inside
 * the transaction that commits a batch, so the row never claims rows that are not there.
 */
export async function recordImportProgress(
  client: ClientBase,
  id: string,
  counts: ImportCounts,
  rejections: readonly ImportRejection[] | undefined,
): Promise<void> {
  await client.query(
    `UPDATE inventory_imports
        SET lines_read = $2, added = $3, skipped = $4, rejected = $5, rejections = coalesce($6::jsonb, rejections)
      WHERE id = $1`,
    [
      id,
      counts.linesRead,
      counts.added,
      counts.skipped,
      counts.rejected,
      rejections ? JSON.stringify(rejections) : null,
    ],
  );
}

/** Ends a run: final counts, status and, for a failure, the error text. */
export async function finishImportRun(
  client: ClientBase,
  id: string,
  outcome: { status: 'succeeded' } | { status: 'failed'; error: string },
  counts?: ImportCounts,
  rejections?: readonly ImportRejection[],
): Promise<void> {
  if (counts) await recordImportProgress(client, id, counts, rejections);
  await client.query(
    `UPDATE inventory_imports SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status = 'running'`,
    [id, outcome.status, outcome.status === 'failed' ? outcome.error : null],
  );
}
