import type { EntityManager } from 'typeorm';
import { ALL_GROUP, fenToYuan, periodBuckets, type ReportInterval, type ReportPeriod } from '@haoma/domain';

export const REVENUE_GROUPINGS = ['none', 'carrier', 'grade', 'plan'] as const;
export type RevenueGrouping = (typeof REVENUE_GROUPINGS)[number];

/** The group of orders sold without a plan, when grouped by plan. */
export const NO_PLAN_GROUP = 'none';

/** Money of a bucket, a group or the whole period. */
export interface RevenueTotals {
  payments: number;
  paidFen: number;
  paidYuan: string;
  refunds: number;
  refundedFen: number;
  refundedYuan: string;
  netFen: number;
  netYuan: string;
}

/** One bucket (day or month, China time) of one group. */
export interface RevenueRow extends RevenueTotals {
  [column: string]: string | number;
  bucket: string;
  group: string;
}

export const REVENUE_COLUMNS = [
  'bucket',
  'group',
  'payments',
  'paidFen',
  'paidYuan',
  'refunds',
  'refundedFen',
  'refundedYuan',
  'netFen',
  'netYuan',
] as const satisfies readonly (keyof RevenueRow)[];

export interface RevenueReport {
  from: string;
  to: string;
  interval: ReportInterval;
  by: RevenueGrouping;
  /** Every bucket of the period × every group with money in it, zeros included. */
  rows: RevenueRow[];
  totals: RevenueTotals;
}

const GROUP_SQL: Record<RevenueGrouping, string> = {
  none: `'${ALL_GROUP}'`,
  carrier: 'n.carrier',
  grade: 'o.grade',
  plan: `coalesce(pl.code, '${NO_PLAN_GROUP}')`,
};

const BUCKET_FORMAT: Record<ReportInterval, string> = { day: 'YYYY-MM-DD', month: 'YYYY-MM' };

// A payment counts when it was paid; a refund when it succeeded (succeeded_at).
const MONEY_SQL = `
  SELECT p.paid_at AS at, p.order_id, p.amount_fen AS paid, 0 AS refunded, 1 AS payments, 0 AS refunds
    FROM payments p WHERE p.status = 'paid' AND p.paid_at >= $1 AND p.paid_at < $2
  UNION ALL
  SELECT r.succeeded_at, r.order_id, 0, r.amount_fen, 0, 1
    FROM refunds r WHERE r.status = 'succeeded' AND r.succeeded_at >= $1 AND r.succeeded_at < $2`;

const row = (bucket: string, group: string, sums: Sums): RevenueRow => ({
  bucket,
  group,
  ...totalsOf(sums),
});

interface Sums {
  payments: number;
  paidFen: number;
  refunds: number;
  refundedFen: number;
}

const totalsOf = (s: Sums): RevenueTotals => ({
  payments: s.payments,
  paidFen: s.paidFen,
  paidYuan: fenToYuan(s.paidFen),
  refunds: s.refunds,
  refundedFen: s.refundedFen,
  refundedYuan: fenToYuan(s.refundedFen),
  netFen: s.paidFen - s.refundedFen,
  netYuan: fenToYuan(s.paidFen - s.refundedFen),
});

const ZERO: Sums = { payments: 0, paidFen: 0, refunds: 0, refundedFen: 0 };

/**
 * Money taken in `period`: paid payments by when they were paid, minus succeeded refunds by
 * when they succeeded (whatever period the payment fell in), per day or month in China and
 * per carrier, grade or plan of the order.
 */
export async function revenueReport(
  manager: EntityManager,
  period: ReportPeriod,
  interval: ReportInterval,
  by: RevenueGrouping,
): Promise<RevenueReport> {
  const sums: {
    bucket: string;
    group: string;
    payments: string;
    paid: string;
    refunds: string;
    refunded: string;
  }[] = await manager.query(
    `SELECT to_char(m.at AT TIME ZONE 'Asia/Shanghai', '${BUCKET_FORMAT[interval]}') AS bucket,
              ${GROUP_SQL[by]} AS "group",
              sum(m.payments) AS payments, sum(m.paid) AS paid, sum(m.refunds) AS refunds, sum(m.refunded) AS refunded
         FROM (${MONEY_SQL}) m
         JOIN orders o ON o.id = m.order_id
         JOIN numbers n ON n.number = o.number
         LEFT JOIN plans pl ON pl.id = o.plan_id
        GROUP BY 1, 2`,
    [period.start, period.end],
  );
  const found = new Map<string, Sums>();
  const groups = new Set<string>(by === 'none' ? [ALL_GROUP] : []);
  const total: Sums = { ...ZERO };
  for (const s of sums) {
    const figures = {
      payments: Number(s.payments),
      paidFen: Number(s.paid),
      refunds: Number(s.refunds),
      refundedFen: Number(s.refunded),
    };
    found.set(`${s.bucket}\u0000${s.group}`, figures);
    groups.add(s.group);
    total.payments += figures.payments;
    total.paidFen += figures.paidFen;
    total.refunds += figures.refunds;
    total.refundedFen += figures.refundedFen;
  }
  const sortedGroups = [...groups].sort();
  const rows = periodBuckets(period, interval).flatMap((bucket) =>
    sortedGroups.map((group) => row(bucket, group, found.get(`${bucket}\u0000${group}`) ?? ZERO)),
  );
  return { from: period.from, to: period.to, interval, by, rows, totals: totalsOf(total) };
}
