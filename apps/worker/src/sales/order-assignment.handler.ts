import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@haoma/jobs';

/** Part of the order-event fan-out: assigns newly paid orders. SKELETON: owned by the sales helper. */
@Injectable()
export class OrderAssignmentHandler {
  async handle(_payload: JobPayloads['order-event-recorded']): Promise<{ outcome: string }> {
    return { outcome: 'none' };
  }
}
