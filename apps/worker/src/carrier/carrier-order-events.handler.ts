import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@haoma/jobs';

/** Part of the order-event fan-out for carrier applications. SKELETON: owned by the carrier helper. */
@Injectable()
export class CarrierOrderEvents {
  async handle(_payload: JobPayloads['order-event-recorded']): Promise<{ outcome: string }> {
    return { outcome: 'none' };
  }
}
