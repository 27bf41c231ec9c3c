import type { EntityManager } from 'typeorm';
import { ORDER_STATUSES, type OrderStatus } from '@haoma/domain';
import { pipelineConditions, type PipelineFilters } from './pipeline-filters';
import { PIPELINE_FROM } from './pipeline-queries';

export interface BoardColumn {
  status: OrderStatus;
  count: number;
  /** Time in status of the column's orders, in seconds at `asOf`; null for an empty column. */
  medianSecondsInStatus: number | null;
  oldestSecondsInStatus: number | null;
  /** When the column's longest-waiting order entered the status. */
  oldestSince: Date | null;
}

export interface Board {
  asOf: Date;
  total: number;
  columns: BoardColumn[];
}

/**
 * Counts per status of the orders matching `filters`, with the aging of each stage: the
 * median (percentile_cont, so the mean of the middle two for an even count) and the longest
 * time in the current status, all measured at one instant. Every status has a column, in
 * workflow order, so a board keeps its shape when a stage is empty.
 */
export async function pipelineBoard(
  manager: EntityManager,
  filters: PipelineFilters,
  now = new Date(),
): Promise<Board> {
  const params: unknown[] = [now];
  const where = pipelineConditions(filters, params, '$1::timestamptz');
  const rows: {
    status: OrderStatus;
    count: string;
    median: number | null;
    oldest: number | null;
    oldest_since: Date | null;
  }[] = await manager.query(
    `SELECT o.status, count(*) AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM $1::timestamptz - o.status_changed_at))::float8 AS median,
            max(extract(epoch FROM $1::timestamptz - o.status_changed_at))::float8 AS oldest,
            min(o.status_changed_at) AS oldest_since
       FROM ${PIPELINE_FROM}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY o.status`,
    params,
  );
  const byStatus = new Map(rows.map((r) => [r.status, r]));
  const columns = ORDER_STATUSES.map((status): BoardColumn => {
    const row = byStatus.get(status);
    return {
      status,
      count: row ? Number(row.count) : 0,
      medianSecondsInStatus: row?.median ?? null,
      oldestSecondsInStatus: row?.oldest ?? null,
      oldestSince: row?.oldest_since ?? null,
    };
  });
  return { asOf: now, total: columns.reduce((sum, c) => sum + c.count, 0), columns };
}
