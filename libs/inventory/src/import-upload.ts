import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '@haoma/audit';
import { appendOutbox } from '@haoma/orders';
import { ImportPipeline } from './import-pipeline';
import type { ImportRejection } from './import-runs';
import { acquireImportLock, loadExistingNumbers, loadGradingRules } from './import-setup';
import { InventoryAdminError } from './inventory-admin-errors';
import { MAX_LINE_LENGTH, NumberLineInterpreter, type NumberLine } from './number-lines';

/** Largest CSV the API accepts for an import (about 18 million numbers). */
export const IMPORT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/** Lines per transaction of an uploaded import: its counts in the row move on at each commit. */
export const UPLOAD_BATCH_LINES = 10_000;

/** Where document storage keeps an uploaded CSV until its job has read it (storage keys have no dots). */
export const importStorageKey = (importId: string): string => `imports/${importId}`;

const LINES_PER_CHUNK = 2_000;
const NEWLINE = 0x0a;

/**
 * Checks an uploaded CSV before it is queued, so a file that cannot be imported at all is a
 * 400 now rather than a failed job later: not empty, text (no NUL byte, valid UTF-8), and a
 * first line that is either one number or a header with a `number` column.
 */
export function checkImportFile(bytes: Buffer): void {
  if (bytes.length === 0) throw new InventoryAdminError('IMPORT_FILE_INVALID', 'The file is empty.');
  if (bytes.includes(0))
    throw new InventoryAdminError('IMPORT_FILE_INVALID', 'The file is not text (it contains NUL bytes).');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InventoryAdminError('IMPORT_FILE_INVALID', 'The file is not UTF-8 text.');
  }
  const interpreter = new NumberLineInterpreter();
  let position = 0;
  for (let line = 1; position < bytes.length; line++) {
    const end = lineEnd(bytes, position);
    const raw = bytes.toString('utf8', position, Math.min(end, position + MAX_LINE_LENGTH));
    position = end + 1;
    if (raw.trim() === '') continue;
    try {
      interpreter.interpret(raw, line);
    } catch (error) {
      throw new InventoryAdminError('IMPORT_FILE_INVALID', (error as Error).message);
    }
    return;
  }
  throw new InventoryAdminError('IMPORT_FILE_INVALID', 'The file has no lines.');
}

function lineEnd(bytes: Buffer, from: number): number {
  const end = bytes.indexOf(NEWLINE, from);
  return end < 0 ? bytes.length : end;
}

/** A display name for the upload: the base name, without control characters, at most 200 characters. */
export function cleanSourceName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char.charCodeAt(0) > 0x1f && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return clean === '' ? 'upload.csv' : clean;
}

/** A new id for an upload, chosen before the file is stored so its key names it. */
export const newImportId = (): string => randomUUID();

/**
 * Records an uploaded import (status `queued`) and its job, in the caller's transaction: the
 * file must already be stored under {@link importStorageKey}.
 */
export async function queueImport(
  manager: EntityManager,
  upload: { id: string; source: string; startedBy: string; bytesTotal: number },
): Promise<{ id: string; status: 'queued' }> {
  await manager.query(
    `INSERT INTO inventory_imports (id, source, started_by, status, storage_key, bytes_total)
     VALUES ($1, $2, $3, 'queued', $4, $5)`,
    [
      upload.id,
      upload.source,
      upload.startedBy.slice(0, 100),
      importStorageKey(upload.id),
      upload.bytesTotal,
    ],
  );
  await appendOutbox(manager, 'import-inventory', { importId: upload.id });
  await recordAudit(manager, {
    action: 'inventory.import_queued',
    targetType: 'inventory_import',
    targetId: upload.id,
    before: null,
    after: { source: upload.source, bytesTotal: upload.bytesTotal },
  });
  return { id: upload.id, status: 'queued' };
}

/** Lines of an in-memory file as numbered rows, in chunks, noting how many bytes have been handed out. */
function* fileChunks(bytes: Buffer, position: { bytes: number }): Generator<readonly NumberLine[]> {
  const interpreter = new NumberLineInterpreter();
  let offset = 0;
  let line = 0;
  let chunk: NumberLine[] = [];
  while (offset < bytes.length) {
    const end = lineEnd(bytes, offset);
    line++;
    const raw = bytes.toString('utf8', offset, Math.min(end, offset + MAX_LINE_LENGTH));
    offset = end + 1;
    const row = interpreter.interpret(raw, line);
    if (row) chunk.push(row);
    if (chunk.length >= LINES_PER_CHUNK) {
      position.bytes = Math.min(offset, bytes.length);
      yield chunk;
      chunk = [];
    }
  }
  position.bytes = bytes.length;
  if (chunk.length > 0) yield chunk;
}

export type UploadedImportOutcome =
  | { outcome: 'succeeded'; linesRead: number; added: number; skipped: number; rejected: number }
  | { outcome: 'skipped'; reason: string };

/**
 * Runs the import of an uploaded file (the worker's `import-inventory` job). Under the import
 * lock it claims the row with a compare-and-set (`queued` or an abandoned `running` →
 * `running`); a row already finished is skipped, so a duplicated or restarted job never
 * imports twice — and a resumed one adds nothing twice either, since numbers already present
 * are skipped. Counts are committed with each batch of rows; the bytes read go to the row
 * on a second connection as the file is read, for the percentage and the ETA.
 * @throws when the import fails; the row is then left `running` for a retry (see {@link failImport}).
 */
export async function runUploadedImport(
  databaseUrl: string,
  importId: string,
  readFile: () => Promise<Buffer>,
  options: { batchLines?: number; progressEveryMs?: number } = {},
): Promise<UploadedImportOutcome> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'haoma-import' });
  const progress = new Client({ connectionString: databaseUrl, application_name: 'haoma-import-progress' });
  client.on('error', () => undefined);
  progress.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await acquireImportLock(client);
    // Runs left running by a process that died (this one's own row included: it is resumed).
    await client.query(
      `UPDATE inventory_imports SET status = 'failed', finished_at = now(),
              error = 'abandoned: the importing process ended without finishing this run'
        WHERE status = 'running' AND id <> $1`,
      [importId],
    );
    const claimed = await client.query<{ status: string }>(
      `UPDATE inventory_imports
          SET status = 'running', lines_read = 0, added = 0, skipped = 0, rejected = 0,
              rejections = '[]', bytes_read = 0, error = NULL
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING status`,
      [importId],
    );
    if (claimed.rowCount === 0) {
      const found = await client.query<{ status: string }>(
        'SELECT status FROM inventory_imports WHERE id = $1',
        [importId],
      );
      return {
        outcome: 'skipped',
        reason: found.rows[0] ? `already ${found.rows[0].status}` : 'no such import',
      };
    }
    const bytes = await readFile();
    await progress.connect();
    const position = { bytes: 0 };
    let written = Promise.resolve();
    const writeBytes = (): void => {
      const read = position.bytes;
      written = written
        .then(() =>
          progress.query('UPDATE inventory_imports SET bytes_read = greatest(bytes_read, $2) WHERE id = $1', [
            importId,
            read,
          ]),
        )
        .then(
          () => undefined,
          () => undefined,
        );
    };
    const rules = await loadGradingRules(client);
    const seen = await loadExistingNumbers(client);
    const pipeline = new ImportPipeline(client, seen, {
      importId,
      rules,
      batchLines: options.batchLines ?? UPLOAD_BATCH_LINES,
      startedAt: Date.now(),
      progressEveryMs: options.progressEveryMs ?? 250,
      onProgress: writeBytes,
    });
    for (const chunk of fileChunks(bytes, position)) await pipeline.consume(chunk);
    await pipeline.finish();
    writeBytes();
    await written;
    return { outcome: 'succeeded', ...pipeline.counts };
  } finally {
    await Promise.all([client.end().catch(() => undefined), progress.end().catch(() => undefined)]);
  }
}

/** Marks an import failed with `error` (a file that cannot be read, the last attempt of its job). */
export async function failImport(manager: EntityManager, importId: string, error: string): Promise<void> {
  await manager.query(
    `UPDATE inventory_imports SET status = 'failed', error = $2, finished_at = now()
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [importId, error.slice(0, 2_000) || 'unknown error'],
  );
}

/** An import as the back office polls it. */
export interface ImportView {
  id: string;
  source: string;
  startedBy: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  bytesTotal: number | null;
  bytesRead: number;
  linesRead: number;
  added: number;
  skipped: number;
  rejected: number;
  rejections: ImportRejection[];
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** When the view was read (the database's clock), for the rate and the ETA. */
  now: Date;
}

interface ImportRow {
  id: string;
  source: string;
  started_by: string;
  status: ImportView['status'];
  bytes_total: string | null;
  bytes_read: string;
  lines_read: number;
  added: number;
  skipped: number;
  rejected: number;
  rejections: ImportRejection[];
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
  now: Date;
}

const IMPORT_COLUMNS =
  'id, source, started_by, status, bytes_total, bytes_read, lines_read, added, skipped, rejected, error, started_at, finished_at, now() AS now';

const toImportView = (row: ImportRow): ImportView => ({
  id: row.id,
  source: row.source,
  startedBy: row.started_by,
  status: row.status,
  bytesTotal: row.bytes_total === null ? null : Number(row.bytes_total),
  bytesRead: Number(row.bytes_read),
  linesRead: row.lines_read,
  added: row.added,
  skipped: row.skipped,
  rejected: row.rejected,
  rejections: row.rejections ?? [],
  error: row.error,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  now: row.now,
});

/** One import with its rejection report (IMPORT_NOT_FOUND). */
export async function findImport(manager: EntityManager, id: string): Promise<ImportView> {
  const rows: ImportRow[] = await manager.query(
    `SELECT ${IMPORT_COLUMNS}, rejections FROM inventory_imports WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw new InventoryAdminError('IMPORT_NOT_FOUND', 'No such import.');
  return toImportView(rows[0]);
}

/** A page of imports (every source: API uploads and CLI runs), newest first, without their rejection reports. */
export async function listImports(
  manager: EntityManager,
  page: { limit: number; after?: { startedAt: string; id: string } | undefined },
): Promise<{ imports: ImportView[]; next: { startedAt: string; id: string } | null }> {
  const rows: (ImportRow & { position: string })[] = await manager.query(
    `SELECT ${IMPORT_COLUMNS}, '[]'::jsonb AS rejections, started_at::text AS position FROM inventory_imports
      WHERE $1::timestamptz IS NULL OR (started_at, id) < ($1::timestamptz, $2::uuid)
      ORDER BY started_at DESC, id DESC LIMIT $3`,
    [page.after?.startedAt ?? null, page.after?.id ?? null, page.limit + 1],
  );
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1];
  return {
    imports: kept.map(toImportView),
    next: rows.length > page.limit && last ? { startedAt: last.position, id: last.id } : null,
  };
}
