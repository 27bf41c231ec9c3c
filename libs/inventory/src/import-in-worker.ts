import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { GenerateNumbersOptions } from './generate-numbers';
import type { ImportOptions, ImportSummary } from './import-numbers';
import type { ImportProgress } from './import-pipeline';

/** What a worker can read by itself (functions and iterables cannot cross threads). */
export type WorkerImportSource =
  { kind: 'file'; path: string } | { kind: 'generate'; options: GenerateNumbersOptions };

/** Sent to the worker as `workerData`. */
export interface WorkerImportJob {
  databaseUrl: string;
  source: WorkerImportSource;
  options: Omit<ImportOptions, 'onProgress' | 'onLockWait' | 'signal'>;
}

/** What the worker is told after it started. */
export type WorkerControlMessage = { type: 'abort'; reason: string };

/** What the worker posts back. */
export type WorkerImportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'lock-wait' }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; message: string };

/**
 * Heap limits of the import worker. V8 grows its young generation to 128 MB or more under
 * an allocation-heavy loop like the importer's, though little of it stays alive; capping it
 * (and the old generation, where the importer keeps ~20 MB) keeps peak RSS well under
 * 300 MB whatever the file size, at the cost of more (cheap) scavenges.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = {
  maxYoungGenerationSizeMb: 48,
  maxOldGenerationSizeMb: 192,
};

// Compiled, the worker is import.worker.js beside this file. From TypeScript sources (tests)
// it needs a TypeScript loader with the tsconfig path aliases: @swc-node/register.
function workerEntry(): { filename: string; execArgv: string[] } {
  const compiled = join(__dirname, 'import.worker.js');
  if (existsSync(compiled)) return { filename: compiled, execArgv: [] };
  return { filename: join(__dirname, 'import.worker.ts'), execArgv: ['--require', '@swc-node/register'] };
}

/**
 * Runs {@link importNumbers} on a worker thread with capped heaps, so a long import's memory
 * stays bounded and apart from the host process (the CLI has TypeORM and Nest loaded).
 * Progress and lock waits are relayed to the callbacks; the summary or the error comes back.
 */
export function importNumbersInWorker(
  databaseUrl: string,
  source: WorkerImportSource,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { onProgress, onLockWait, signal, ...plain } = options;
  const job: WorkerImportJob = { databaseUrl, source, options: plain };
  const { filename, execArgv } = workerEntry();
  const worker = new Worker(filename, { workerData: job, execArgv, resourceLimits: IMPORT_WORKER_LIMITS });
  // The worker aborts its own import, so the run is marked failed like any other failure.
  const abort = (): void => {
    const reason = signal?.reason instanceof Error ? signal.reason.message : 'aborted';
    worker.postMessage({ type: 'abort', reason } satisfies WorkerControlMessage);
  };
  if (signal?.aborted) abort();
  else signal?.addEventListener('abort', abort, { once: true });
  return new Promise<ImportSummary>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      outcome();
    };
    worker.on('message', (message: WorkerImportMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'lock-wait') onLockWait?.();
      else if (message.type === 'done') settle(() => resolve(message.summary));
      else settle(() => reject(new Error(message.message)));
    });
    // Out of memory or a crash of the worker itself; its connection closes with it, so
    // Postgres rolls back the open batch and the next import marks the run abandoned.
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`import worker exited (code ${code}) without a result`))),
    );
  });
}
