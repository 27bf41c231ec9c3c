import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import type { JobPayloads } from '@haoma/jobs';
import { autoAssignOrder, type AutoAssignOutcome } from '@haoma/sales';

/**
 * Part of the order-event fan-out: when a payment is confirmed (on time or late) and
 * ORDER_ASSIGNMENT is `round_robin`, the order goes to the active sales member assigned
 * least recently. Every other timeline row, and a retried job, does nothing.
 */
@Injectable()
export class OrderAssignmentHandler {
  private readonly logger = new Logger(OrderAssignmentHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(
    payload: JobPayloads['order-event-recorded'],
  ): Promise<AutoAssignOutcome | { outcome: 'off' }> {
    if (this.config.ORDER_ASSIGNMENT !== 'round_robin') return { outcome: 'off' };
    const result = await this.dataSource.transaction((manager) =>
      autoAssignOrder(manager, payload.orderEventId),
    );
    if (result.outcome === 'no_sales_staff')
      this.logger.warn(`order ${payload.orderId} paid but left unassigned: no active sales staff`);
    return result;
  }
}
