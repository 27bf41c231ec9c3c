import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@haoma/documents';
import {
  failImport,
  failRegradeRun,
  importStorageKey,
  InventoryAdminError,
  runRegrade,
  runUploadedImport,
  type RegradeOutcome,
  type UploadedImportOutcome,
} from '@haoma/inventory';
import type { JobName, JobPayloads } from '@haoma/jobs';
import { WORKER_SETTINGS } from '../boot/worker-settings';

// The stored file is gone while its row still waits: nothing can ever import it.
class StoredFileMissing extends Error {}

const isLastAttempt = (job: Job): boolean => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * The backoffice queue: imports of uploaded CSVs and re-grades of the inventory. Both are
 * long, resumable and idempotent (a row claimed by compare-and-set, work that skips what is
 * done), so a duplicated or restarted job does nothing twice. Transient failures are retried
 * by BullMQ; the last attempt, or a business failure, marks the row failed.
 */
@Processor('backoffice', WORKER_SETTINGS.backoffice)
export class BackofficeProcessor extends WorkerHost {
  private readonly logger = new Logger(BackofficeProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {
    super();
  }

  async process(job: Job): Promise<UploadedImportOutcome | RegradeOutcome> {
    const name = job.name as JobName;
    switch (name) {
      case 'import-inventory':
        return this.importInventory(job, (job.data as JobPayloads['import-inventory']).importId);
      case 'regrade-inventory':
        return this.regrade(job, (job.data as JobPayloads['regrade-inventory']).runId);
      default:
        throw new UnrecoverableError(`backoffice: unknown job "${job.name}"`);
    }
  }

  /** Imports one uploaded file, then deletes it (whatever the outcome, once the row is final). */
  async importInventory(job: Job, importId: string): Promise<UploadedImportOutcome> {
    const key = importStorageKey(importId);
    try {
      const outcome = await runUploadedImport(this.config.DATABASE_URL, importId, () =>
        this.storage.get(key).catch((error: unknown) => {
          throw (error as { code?: unknown }).code === 'ENOENT' ? new StoredFileMissing(key) : error;
        }),
      );
      if (outcome.outcome === 'succeeded')
        this.logger.log(
          `import ${importId}: ${outcome.added} added, ${outcome.skipped} skipped, ${outcome.rejected} rejected`,
        );
      await this.storage.delete(key);
      return outcome;
    } catch (error) {
      const final =
        error instanceof StoredFileMissing || error instanceof InventoryAdminError || isLastAttempt(job);
      if (!final) throw error;
      const message =
        error instanceof StoredFileMissing
          ? 'the uploaded file is no longer stored'
          : (error as Error).message;
      await failImport(this.dataSource.manager, importId, message);
      await this.storage.delete(key);
      throw new UnrecoverableError(`import ${importId} failed: ${message}`);
    }
  }

  async regrade(job: Job, runId: string): Promise<RegradeOutcome> {
    try {
      const outcome = await runRegrade(this.dataSource, runId, {
        onBatch: (progress) => void job.updateProgress(progress).catch(() => undefined),
      });
      if (outcome.outcome === 'succeeded')
        this.logger.log(`re-grade ${runId}: ${outcome.graded} graded, ${outcome.changed} changed`);
      return outcome;
    } catch (error) {
      if (!(error instanceof InventoryAdminError) && !isLastAttempt(job)) throw error;
      await failRegradeRun(this.dataSource, runId, (error as Error).message);
      throw new UnrecoverableError(`re-grade ${runId} failed: ${(error as Error).message}`);
    }
  }
}
