import { Inject } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import type { JobName, JobPayloads } from '@haoma/jobs';
import {
  runPrecheck,
  verificationSettingsFrom,
  type PrecheckOutcome,
  type VerificationSettings,
} from '@haoma/verification';
import { WORKER_SETTINGS } from '../boot/worker-settings';

/**
 * Verification: the automatic pre-check of each submission. The job carries the id only;
 * the runner reloads the submission and skips one that is no longer prechecking, so a
 * duplicate or late job changes nothing.
 */
@Processor('verification', WORKER_SETTINGS.verification)
export class VerificationProcessor extends WorkerHost {
  private readonly settings: VerificationSettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.settings = verificationSettingsFrom(config);
  }

  async process(job: Job): Promise<PrecheckOutcome> {
    const name = job.name as JobName;
    switch (name) {
      case 'precheck-submission': {
        const { submissionId } = job.data as JobPayloads['precheck-submission'];
        return this.dataSource.transaction((manager) =>
          runPrecheck(manager, { submissionId, settings: this.settings }),
        );
      }
      default:
        throw new UnrecoverableError(`verification: unknown job "${job.name}"`);
    }
  }
}
