import { Injectable } from '@nestjs/common';

/** What one pass of the compliance timers did. SKELETON: owned by the compliance helper. */
export type ComplianceSweepReport = Record<string, number>;

/** Every compliance timer, from PostgreSQL. SKELETON: owned by the compliance helper. */
@Injectable()
export class ComplianceSweep {
  async sweep(_now: Date): Promise<ComplianceSweepReport> {
    return {};
  }
}
