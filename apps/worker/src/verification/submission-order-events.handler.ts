import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@haoma/jobs';

/** Part of the order-event fan-out for verification submissions. SKELETON: owned by the verification helper. */
@Injectable()
export class SubmissionOrderEvents {
  async handle(_payload: JobPayloads['order-event-recorded']): Promise<{ outcome: string }> {
    return { outcome: 'none' };
  }
}
