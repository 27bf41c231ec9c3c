import type { EntityManager } from 'typeorm';
import {
  ALL_GROUP,
  FUNNEL_ORDER_STEPS,
  funnelRows,
  type FunnelGrouping,
  type FunnelGroupFigures,
  type FunnelOrderStep,
  type FunnelRow,
  type ReportPeriod,
} from '@haoma/domain';
import { searchesBetween } from './search-counts';

/** How the cohort is chosen and followed, as the report states it. */
export const FUNNEL_COHORT_RULE =
  'Orders created in the period (China days), each followed to today: a step counts if the order ' +
  'ever reached it, even after the period. Searches are the storefront searches made in the period ' +
  '(first pages only), counted per hour: they cannot be split by carrier or grade.';

export interface FunnelReport {
  from: string;
  to: string;
  by: FunnelGrouping;
  cohortRule: string;
  /** Searches in the period; the `searches` row of the `all` group repeats it. */
  searches: number;
  /** The `all` group first, then one group per carrier or grade (alphabetical) when asked. */
  rows: FunnelRow[];
}

// Whitelisted group expressions: the grouping never reaches SQL as text from the request.
const GROUP_SQL: Record<FunnelGrouping, string> = {
  none: `'${ALL_GROUP}'`,
  carrier: 'carrier',
  grade: 'grade',
};

// Each order step's moment: created, the first sign transition, paid_at, the first submission,
// the first approval, the carrier's activation.
const COHORT_SQL = `
  SELECT o.grade, n.carrier, o.created_at AS holds_at,
         (SELECT min(e.created_at) FROM order_events e
           WHERE e.order_id = o.id AND e.type = 'transition' AND e.event = 'sign') AS signed_at,
         o.paid_at,
         (SELECT min(s.submitted_at) FROM verification_submissions s WHERE s.order_id = o.id) AS documents_submitted_at,
         (SELECT min(s.decided_at) FROM verification_submissions s
           WHERE s.order_id = o.id AND s.status = 'approved') AS approved_at,
         (SELECT min(e.created_at) FROM order_events e
           WHERE e.order_id = o.id AND e.type = 'transition' AND e.event = 'carrier_activated') AS active_at
    FROM orders o JOIN numbers n ON n.number = o.number
   WHERE o.created_at >= $1 AND o.created_at < $2`;

const MOMENT: Record<FunnelOrderStep, string> = {
  holds: 'holds_at',
  signed: 'signed_at',
  paid: 'paid_at',
  documents_submitted: 'documents_submitted_at',
  approved: 'approved_at',
  active: 'active_at',
};

const medianSql = (from: string, to: string): string =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${to} - ${from}))`;

type FigureRow = Record<string, string | number | null>;

async function groupFigures(
  manager: EntityManager,
  period: ReportPeriod,
  by: FunnelGrouping,
): Promise<FunnelGroupFigures[]> {
  const counts = FUNNEL_ORDER_STEPS.map((step) => `count(${MOMENT[step]}) AS "n_${step}"`);
  const medians = FUNNEL_ORDER_STEPS.slice(1).map(
    (step, i) =>
      `${medianSql(MOMENT[FUNNEL_ORDER_STEPS[i] as FunnelOrderStep], MOMENT[step])} AS "m_${step}"`,
  );
  const rows: FigureRow[] = await manager.query(
    `WITH cohort AS (${COHORT_SQL})
     SELECT ${GROUP_SQL[by]} AS "group", ${[...counts, ...medians].join(', ')}
       FROM cohort GROUP BY 1 ORDER BY 1`,
    [period.start, period.end],
  );
  return rows.map((row) => ({
    group: String(row['group']),
    counts: Object.fromEntries(FUNNEL_ORDER_STEPS.map((s) => [s, Number(row[`n_${s}`])])) as Record<
      FunnelOrderStep,
      number
    >,
    medianSeconds: Object.fromEntries(
      FUNNEL_ORDER_STEPS.slice(1).map((s) => {
        const m = row[`m_${s}`];
        return [s, m === null || m === undefined ? null : Number(m)];
      }),
    ),
  }));
}

const EMPTY: FunnelGroupFigures = {
  group: ALL_GROUP,
  counts: { holds: 0, signed: 0, paid: 0, documents_submitted: 0, approved: 0, active: 0 },
  medianSeconds: {},
};

/**
 * The funnel of the orders created in `period` (see {@link FUNNEL_COHORT_RULE}): the whole
 * cohort (group `all`, with the searches before it), then per carrier or grade when asked.
 */
export async function funnelReport(
  manager: EntityManager,
  period: ReportPeriod,
  by: FunnelGrouping,
): Promise<FunnelReport> {
  const searches = await searchesBetween(manager, period.start, period.end);
  const [all = EMPTY] = await groupFigures(manager, period, 'none');
  const groups = by === 'none' ? [] : await groupFigures(manager, period, by);
  return {
    from: period.from,
    to: period.to,
    by,
    cohortRule: FUNNEL_COHORT_RULE,
    searches,
    rows: [...funnelRows(all, searches), ...groups.flatMap((g) => funnelRows(g, null))],
  };
}
