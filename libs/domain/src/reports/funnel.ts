/**
 * The sales funnel as data: its steps in order and how one group's counts and step times
 * become report rows. The counting itself is SQL (libs/reports); this is the arithmetic.
 */
import { rate, wholeSeconds } from './report-ratio';

/** The steps an order goes through, after the storefront search that precedes any order. */
export const FUNNEL_ORDER_STEPS = [
  'holds',
  'signed',
  'paid',
  'documents_submitted',
  'approved',
  'active',
] as const;
export type FunnelOrderStep = (typeof FUNNEL_ORDER_STEPS)[number];
export const FUNNEL_STEPS = ['searches', ...FUNNEL_ORDER_STEPS] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const FUNNEL_GROUPINGS = ['none', 'carrier', 'grade'] as const;
export type FunnelGrouping = (typeof FUNNEL_GROUPINGS)[number];

/** The group holding every order of the cohort. */
export const ALL_GROUP = 'all';

/** What the queries measure for one group of orders. */
export interface FunnelGroupFigures {
  group: string;
  /** Orders of the cohort that reached each step. */
  counts: Record<FunnelOrderStep, number>;
  /**
   * Median seconds from the previous step to this one, over the orders that reached both
   * (`holds` has none: searches are not tied to orders).
   */
  medianSeconds: Partial<Record<FunnelOrderStep, number | null>>;
}

/** One line of the funnel report (and of its CSV). */
export interface FunnelRow {
  [column: string]: string | number | null;
  group: string;
  step: FunnelStep;
  count: number;
  /** This step's count over the previous step's, or null (no previous step, or it was 0). */
  conversionRate: number | null;
  medianSecondsFromPrevious: number | null;
}

export const FUNNEL_COLUMNS = [
  'group',
  'step',
  'count',
  'conversionRate',
  'medianSecondsFromPrevious',
] as const satisfies readonly (keyof FunnelRow)[];

/**
 * The rows of one group: `searches` first when given (only the whole cohort has them:
 * searches are counted per hour, not per carrier or grade), then each order step with its
 * conversion from the step before.
 */
export function funnelRows(figures: FunnelGroupFigures, searches: number | null): FunnelRow[] {
  const rows: FunnelRow[] = [];
  let previous: number | null = null;
  if (searches !== null) {
    rows.push({
      group: figures.group,
      step: 'searches',
      count: searches,
      conversionRate: null,
      medianSecondsFromPrevious: null,
    });
    previous = searches;
  }
  for (const step of FUNNEL_ORDER_STEPS) {
    const count = figures.counts[step];
    rows.push({
      group: figures.group,
      step,
      count,
      conversionRate: previous === null ? null : rate(count, previous),
      medianSecondsFromPrevious: wholeSeconds(figures.medianSeconds[step]),
    });
    previous = count;
  }
  return rows;
}
