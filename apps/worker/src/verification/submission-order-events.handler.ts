import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobPayloads } from '@haoma/jobs';
import { withdrawSubmissionsFor } from '@haoma/verification';

/**
 * Part of the order-event fan-out: an order cancelled (by the customer, staff, or the
 * documents deadline) withdraws its undecided submission, so it leaves the reviewer queue.
 * Idempotent: a repeated delivery finds nothing open.
 */
@Injectable()
export class SubmissionOrderEvents {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(
    payload: JobPayloads['order-event-recorded'],
  ): Promise<{ outcome: 'withdrawn'; submissionIds: string[] } | { outcome: 'none' }> {
    return this.dataSource.transaction((manager) => withdrawSubmissionsFor(manager, payload.orderEventId));
  }
}
