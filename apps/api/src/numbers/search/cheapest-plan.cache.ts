import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { toMoney } from '../../catalog/money.response';
import type { PlanSummaryResponse } from '../number.response';

const TTL_MS = 30_000;

interface PlanRow {
  id: string;
  code: string;
  version: number;
  name: string;
  name_zh: string;
  annual_fee_fen: number;
  allowed_grades: string[];
}

/** The cheapest current plan for each grade, re-read at most every 30 s (the catalog rarely changes). */
@Injectable()
export class CheapestPlanCache implements OnApplicationBootstrap {
  private cached: { byGrade: Map<string, PlanSummaryResponse>; at: number } | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): Promise<void> {
    return this.refresh();
  }

  async refresh(): Promise<void> {
    // Same order as GET /plans: cheapest first, code breaking ties.
    const rows = (await this.dataSource.query(
      `SELECT id, code, version, name, name_zh, annual_fee_fen, allowed_grades
         FROM plans WHERE retired_at IS NULL ORDER BY annual_fee_fen, code`,
    )) as PlanRow[];
    const byGrade = new Map<string, PlanSummaryResponse>();
    for (const row of rows) {
      for (const grade of row.allowed_grades) {
        if (byGrade.has(grade)) continue;
        byGrade.set(grade, {
          id: row.id,
          code: row.code,
          version: row.version,
          name: row.name,
          nameZh: row.name_zh,
          annualFee: toMoney(row.annual_fee_fen),
        });
      }
    }
    this.cached = { byGrade, at: Date.now() };
  }

  /** The plan for a grade from the last read; refreshes in the background when stale. */
  forGrade(grade: string): PlanSummaryResponse | null {
    if ((!this.cached || Date.now() - this.cached.at > TTL_MS) && !this.refreshing) {
      this.refreshing = this.refresh()
        .catch(() => undefined)
        .finally(() => (this.refreshing = undefined));
    }
    return this.cached?.byGrade.get(grade) ?? null;
  }
}
