import type { EntityManager } from 'typeorm';
import { dayNumber, dayOfNumber, shanghaiDay } from '@haoma/domain';

export const OUTLOOK_KINDS = ['suspension', 'termination', 'quarantine_release'] as const;
export type OutlookKind = (typeof OUTLOOK_KINDS)[number];

export const MAX_OUTLOOK_DAYS = 366;
export const DEFAULT_OUTLOOK_LIMIT = 200;
export const MAX_OUTLOOK_LIMIT = 1000;

/** One thing that will happen to one line unless someone acts. */
export interface OutlookRow {
  [column: string]: string | boolean | null;
  kind: OutlookKind;
  /** When (ISO instant). */
  at: string;
  /** The China day it falls on; overdue steps (the sweeper has not acted yet) count today. */
  day: string;
  overdue: boolean;
  serviceId: string;
  number: string;
  carrier: string;
  customerId: string;
  companyName: string;
  /** Suspensions: licence_expired, id_expired or reverification_overdue. */
  reason: string | null;
}

export const OUTLOOK_COLUMNS = [
  'kind',
  'at',
  'day',
  'overdue',
  'serviceId',
  'number',
  'carrier',
  'customerId',
  'companyName',
  'reason',
] as const satisfies readonly (keyof OutlookRow)[];

export interface OutlookDay {
  day: string;
  suspensions: number;
  terminations: number;
  quarantineReleases: number;
}

export interface ComplianceOutlook {
  /** The moment the outlook was computed, and the horizon (now + days). */
  asOf: string;
  until: string;
  days: number;
  /** Every China day from today to the horizon's, zeros included. */
  perDay: OutlookDay[];
  totals: { suspensions: number; terminations: number; quarantineReleases: number };
  /** How many rows there are in all; `rows` holds the first `limit` of them by time. */
  total: number;
  truncated: boolean;
  rows: OutlookRow[];
}

// The credential lapse is the midnight in China after the expiry day (credentialLapsesAt);
// ties go to the licence, the legal representative's ID, the industry licence, then an open
// re-verification task (nextServiceDeadline's order).
const EVENTS_SQL = `
  SELECT 'suspension' AS kind, x.at, x.reason, s.id, s.number, s.carrier, s.customer_id
    FROM services s
    JOIN dossier_versions v ON v.id = s.dossier_version_id
    LEFT JOIN LATERAL (SELECT min(t.due_at) AS due FROM reverification_tasks t
                        WHERE t.service_id = s.id AND t.status = 'open') t ON true
    CROSS JOIN LATERAL (
      SELECT c.at, c.reason FROM (VALUES
        ((v.licence_expires_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', 'licence_expired', 1),
        ((v.legal_rep_id_expires_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', 'id_expired', 2),
        ((v.industry_licence_expires_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', 'licence_expired', 3),
        (t.due, 'reverification_overdue', 4)) AS c(at, reason, rank)
       WHERE c.at IS NOT NULL ORDER BY c.at, c.rank LIMIT 1) x
   WHERE s.status = 'active' AND x.at < $1
  UNION ALL
  SELECT 'termination', s.terminates_at, NULL, s.id, s.number, s.carrier, s.customer_id
    FROM services s WHERE s.status = 'suspended' AND s.terminates_at < $1
  UNION ALL
  SELECT 'quarantine_release', s.quarantine_until, NULL, s.id, s.number, s.carrier, s.customer_id
    FROM services s
   WHERE s.status = 'terminated' AND s.number_released_at IS NULL AND s.quarantine_until < $1`;

const DAY_MS = 86_400_000;

/**
 * What the compliance sweeper will do within `days` unless customers or staff act: active
 * lines to be suspended (credentials lapsing, re-verification tasks falling due), suspended
 * lines to be terminated, terminated lines whose number leaves quarantine. Steps already due
 * but not yet acted on are included (overdue, counted today).
 */
export async function complianceOutlook(
  manager: EntityManager,
  options: { now: Date; days: number; limit: number },
): Promise<ComplianceOutlook> {
  const until = new Date(options.now.getTime() + options.days * DAY_MS);
  const today = shanghaiDay(options.now);
  const dayOf = (at: Date): string => (at < options.now ? today : shanghaiDay(at));

  const counts: { kind: OutlookKind; day: string; n: string }[] = await manager.query(
    `SELECT kind, to_char(greatest(at, $2) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*) AS n
       FROM (${EVENTS_SQL}) e GROUP BY 1, 2`,
    [until, options.now],
  );
  const first = dayNumber(today) as number;
  const last = dayNumber(shanghaiDay(until)) as number;
  const perDay = new Map<string, OutlookDay>();
  for (let d = first; d <= last; d += 1) {
    const day = dayOfNumber(d);
    perDay.set(day, { day, suspensions: 0, terminations: 0, quarantineReleases: 0 });
  }
  const totals = { suspensions: 0, terminations: 0, quarantineReleases: 0 };
  const field = {
    suspension: 'suspensions',
    termination: 'terminations',
    quarantine_release: 'quarantineReleases',
  } as const;
  for (const c of counts) {
    const entry = perDay.get(c.day);
    if (entry) entry[field[c.kind]] += Number(c.n);
    totals[field[c.kind]] += Number(c.n);
  }
  const total = totals.suspensions + totals.terminations + totals.quarantineReleases;

  const rows: {
    kind: OutlookKind;
    at: Date;
    reason: string | null;
    id: string;
    number: string;
    carrier: string;
    customer_id: string;
    company_name: string;
  }[] = await manager.query(
    `SELECT e.*, c.company_name FROM (${EVENTS_SQL}) e JOIN customers c ON c.id = e.customer_id
      ORDER BY e.at, e.kind, e.id LIMIT $2`,
    [until, options.limit],
  );
  return {
    asOf: options.now.toISOString(),
    until: until.toISOString(),
    days: options.days,
    perDay: [...perDay.values()],
    totals,
    total,
    truncated: total > rows.length,
    rows: rows.map((r) => {
      const at = new Date(r.at);
      return {
        kind: r.kind,
        at: at.toISOString(),
        day: dayOf(at),
        overdue: at < options.now,
        serviceId: r.id,
        number: r.number,
        carrier: r.carrier,
        customerId: r.customer_id,
        companyName: r.company_name,
        reason: r.reason,
      };
    }),
  };
}
