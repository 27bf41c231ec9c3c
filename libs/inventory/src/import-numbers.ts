import { Client } from 'pg';
import type { GradingRules } from '@haoma/domain';
import { ImportPipeline, type ImportLine, type ImportProgress } from './import-pipeline';
import {
  createImportRun,
  failAbandonedRuns,
  finishImportRun,
  type ImportCounts,
  type ImportRejection,
} from './import-runs';
import { acquireImportLock, checkGradingRules, loadExistingNumbers, loadGradingRules } from './import-setup';

/** Lines per transaction unless told otherwise: a crash loses at most this much work. */
export const DEFAULT_BATCH_LINES = 100_000;

/** What to import: bare strings or numbered rows, sync or async, or a batched source such as `readNumberLines`. */
export type ImportSource =
  Iterable<ImportLine> | AsyncIterable<ImportLine> | { batches(): AsyncIterable<readonly ImportLine[]> };

export interface ImportOptions {
  /** What is imported (a file name, a generator description), kept on the run's row. */
  source: string;
  /** Who started it: a staff account or `cli:<user>`. */
  startedBy: string;
  /** Grading rules; default: the active `grading_rule_sets` row, else the domain defaults. */
  rules?: GradingRules;
  /** Lines expected, for the percentage and ETA of the progress reports. */
  totalHint?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Least time between two progress reports (default 200 ms); commits always report. */
  progressEveryMs?: number;
  /** Lines per transaction (default {@link DEFAULT_BATCH_LINES}). */
  batchLines?: number;
  /** Called once if another import holds the lock and this one starts waiting for it. */
  onLockWait?: () => void;
  /** Aborting fails the import (between two batches of lines) and marks its run failed. */
  signal?: AbortSignal;
}

/** The outcome of an import; `added + skipped + rejected = linesRead` (blank lines are not read). */
export interface ImportSummary extends ImportCounts {
  importId: string;
  /** The first {@link MAX_KEPT_REJECTIONS} rejected lines, in input order. */
  rejections: ImportRejection[];
  durationMs: number;
}

const BATCH_OF_ITEMS = 4096;
const CLOSE_TIMEOUT_MS = 5_000;

function hasBatches(source: ImportSource): source is { batches(): AsyncIterable<readonly ImportLine[]> } {
  return typeof (source as { batches?: unknown }).batches === 'function';
}

// Arrays of lines, so the pipeline awaits once per array rather than once per line. A plain
// async iterable is passed on line by line: it already pays an await per line, and holding
// lines back to fill an array would stall progress when the source is slow.
async function* batchesOf(source: ImportSource): AsyncGenerator<readonly ImportLine[]> {
  if (hasBatches(source)) {
    yield* source.batches();
  } else if (Symbol.asyncIterator in source) {
    for await (const item of source) yield [item];
  } else {
    let batch: ImportLine[] = [];
    for (const item of source) {
      batch.push(item);
      if (batch.length >= BATCH_OF_ITEMS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

// Closing the connection is how a failed import gives up: Postgres rolls back the open
// batch and releases the session lock, whatever state the COPY protocol was in.
async function closeQuietly(client: Client): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
  await Promise.race([client.end().catch(() => undefined), timeout]);
}

async function markFailed(databaseUrl: string, importId: string, error: unknown): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'haoma-import' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const message = error instanceof Error ? error.message : String(error);
    await finishImportRun(client, importId, { status: 'failed', error: message || 'unknown error' });
  } catch {
    // The database is unreachable: the next import marks this run failed (failAbandonedRuns).
  } finally {
    await closeQuietly(client);
  }
}

/**
 * Imports 400 numbers into `numbers`: parses every line, skips numbers already in the table
 * (whatever their status; existing rows are never updated) or seen earlier in the input,
 * grades the new ones with `appraise` and COPYs them in, one transaction per `batchLines`
 * lines. Lines that do not parse are counted and reported, not fatal. Runs under the
 * import advisory lock, so a concurrent import waits; the `inventory_imports` row tracks
 * progress and ends `succeeded` or `failed`.
 * @throws when the import fails; the run is then marked failed with the error text, and
 * the batches committed before stay (a re-run skips them).
 */
export async function importNumbers(
  databaseUrl: string,
  lines: ImportSource,
  options: ImportOptions,
): Promise<ImportSummary> {
  const startedAt = Date.now();
  const givenRules = options.rules ? checkGradingRules(options.rules) : undefined;
  const batchLines = options.batchLines ?? DEFAULT_BATCH_LINES;
  if (!Number.isInteger(batchLines) || batchLines < 1)
    throw new RangeError('batchLines must be a positive integer');

  const client = new Client({ connectionString: databaseUrl, application_name: 'haoma-import' });
  // A dropped connection also fails the pending query, which is where the import notices.
  client.on('error', () => undefined);
  await client.connect();
  let importId: string | undefined;
  try {
    // Batches commit without waiting for their WAL to reach the disk, which saves a flush
    // per batch. A crash of the server may then lose the last batches committed, but never
    // half of one: a batch's rows and its counts in the run's row are one transaction, the
    // run stays `running` (the next import marks it abandoned), and a re-run adds what was
    // lost (it skips what exists). The last commit, which marks the run succeeded, waits for
    // the disk, and so for every batch before it (WAL is flushed in order): a success is
    // durable. Whoever reads a number of a batch and commits something about it also waits
    // for that batch's WAL with their own commit.
    await client.query('SET synchronous_commit = off');
    await acquireImportLock(client, options.onLockWait);
    await failAbandonedRuns(client);
    importId = await createImportRun(client, options.source, options.startedBy);
    const rules = givenRules ?? (await loadGradingRules(client));
    const seen = await loadExistingNumbers(client);
    const pipeline = new ImportPipeline(client, seen, {
      importId,
      rules,
      batchLines,
      startedAt,
      total: options.totalHint,
      progressEveryMs: options.progressEveryMs ?? 200,
      onProgress: options.onProgress,
    });
    options.onProgress?.(pipeline.progress());
    for await (const batch of batchesOf(lines)) {
      options.signal?.throwIfAborted();
      await pipeline.consume(batch);
    }
    await pipeline.finish();
    await client.end();
    return {
      importId,
      ...pipeline.counts,
      rejections: pipeline.rejections,
      durationMs: Date.now() - startedAt,
    };
  } catch (error) {
    await closeQuietly(client);
    if (importId !== undefined) await markFailed(databaseUrl, importId, error);
    throw error;
  }
}
