import { Injectable } from '@nestjs/common';

/** Re-enqueues carrier applications whose next attempt is overdue. SKELETON: owned by the carrier helper. */
@Injectable()
export class CarrierApplicationsSweep {
  async requeueDue(_now: Date): Promise<number> {
    return 0;
  }
}
