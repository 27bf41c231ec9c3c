import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOLDING_ORDER_STATUSES, type OrderEvent } from '@haoma/domain';
import { OrderError, transitionOrder } from '@haoma/orders';

/** What one pass over a kind of deadline did. */
export interface OverdueReport {
  /** Orders moved on (expired, cancelled). */
  handled: number;
  /** Orders that no longer needed it (extended, paid, already handled by their timer). */
  skipped: number;
  /** Orders that failed with an unexpected error; logged and tried again next sweep. */
  failed: number;
}

interface Deadline {
  event: Extract<OrderEvent, 'hold_expired' | 'documents_deadline_passed'>;
  column: 'hold_until' | 'documents_due_at';
  statuses: readonly string[];
}

const DEADLINES = {
  hold: { event: 'hold_expired', column: 'hold_until', statuses: HOLDING_ORDER_STATUSES },
  documents: {
    event: 'documents_deadline_passed',
    column: 'documents_due_at',
    statuses: ['awaiting_documents'],
  },
} as const satisfies Record<string, Deadline>;

// Statuses are literals in the SQL (constants of the workflow, not input) so that the planner
// can use the partial indexes orders_hold_until_idx and orders_documents_due_idx.
const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const BATCH_SIZE = 200;
const PARALLEL = 4;
const SWEEPER = { kind: 'system', id: 'sweeper' } as const;
// Refusals that mean "not overdue any more": extended, paid, cancelled or gone meanwhile.
const SKIPS: readonly string[] = [
  'ORDER_HOLD_NOT_DUE',
  'ORDER_DEADLINE_NOT_DUE',
  'ORDER_TRANSITION_NOT_ALLOWED',
  'ORDER_NOT_FOUND',
];

/**
 * Finds, in PostgreSQL, every order whose deadline (hold, documents) has passed and moves it
 * on through the one transition service, each in its own short transaction. It does not need
 * the delayed jobs at all, which is what makes a deadline hold when the worker was down or
 * Redis lost its jobs. A timer job and the sweeper racing on one order is harmless: the
 * second to lock the row finds it already moved ("already there").
 */
@Injectable()
export class OverdueOrders {
  private readonly logger = new Logger(OverdueOrders.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(kind: keyof typeof DEADLINES, now: Date = new Date()): Promise<OverdueReport> {
    const deadline: Deadline = DEADLINES[kind];
    const report: OverdueReport = { handled: 0, skipped: 0, failed: 0 };
    // Keyset over (deadline, id): an order that failed is not picked again in this pass.
    let after: { due: Date; id: string } | null = null;
    for (;;) {
      const batch: { id: string; due: Date }[] = await this.dataSource.query(
        `SELECT id, ${deadline.column} AS due FROM orders
          WHERE status IN (${sqlList(deadline.statuses)}) AND ${deadline.column} <= $1
            AND ($2::timestamptz IS NULL OR (${deadline.column}, id) > ($2::timestamptz, $3::uuid))
          ORDER BY ${deadline.column}, id
          LIMIT $4`,
        [now, after?.due ?? null, after?.id ?? null, BATCH_SIZE],
      );
      for (let i = 0; i < batch.length; i += PARALLEL)
        await Promise.all(batch.slice(i, i + PARALLEL).map((row) => this.moveOn(row.id, deadline, report)));
      const last = batch.at(-1);
      if (!last || batch.length < BATCH_SIZE) return report;
      after = { due: last.due, id: last.id };
    }
  }

  private async moveOn(orderId: string, deadline: Deadline, report: OverdueReport): Promise<void> {
    try {
      const result = await this.dataSource.transaction((manager) =>
        transitionOrder(manager, { orderId, event: deadline.event, actor: SWEEPER }),
      );
      if (result.changed) report.handled += 1;
      else report.skipped += 1;
    } catch (error) {
      if (error instanceof OrderError && SKIPS.includes(error.code)) {
        report.skipped += 1;
        return;
      }
      report.failed += 1;
      this.logger.error(
        `${deadline.event} of order ${orderId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
