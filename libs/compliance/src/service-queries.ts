import type { EntityManager } from 'typeorm';
import {
  dossierExpiry,
  nextServiceDeadline,
  type NextServiceDeadline,
  type ServiceStatus,
  type SuspensionReason,
} from '@haoma/domain';
import { cursorTimeSql, encodePageCursor, pageAfter } from './page-cursor';

/** A live line as lists and detail pages show it. */
export interface ServiceView {
  id: string;
  customerId: string;
  orderId: string;
  number: string;
  carrier: string;
  status: ServiceStatus;
  activatedAt: Date;
  termEndsAt: Date;
  verifiedAt: Date;
  dossierId: string;
  dossierVersion: number;
  /** When the verified credentials lapse (the earliest), or null when long-term / purged. */
  credentialsExpireAt: Date | null;
  suspendedAt: Date | null;
  suspensionReason: SuspensionReason | null;
  terminatesAt: Date | null;
  terminatedAt: Date | null;
  quarantineUntil: Date | null;
  numberReleasedAt: Date | null;
  recordsPurgeAt: Date | null;
  recordsPurgedAt: Date | null;
  /** What happens next unless the customer acts. */
  nextDeadline: NextServiceDeadline | null;
}

export interface ServiceTimelineEntry {
  id: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

export interface TaskView {
  id: string;
  campaignId: string;
  campaignName: string;
  serviceId: string;
  number: string;
  status: string;
  dueAt: Date;
  completedAt: Date | null;
  agreementId: string;
}

export interface ServiceDetail extends ServiceView {
  timeline: ServiceTimelineEntry[];
  tasks: TaskView[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface ServiceRow {
  id: string;
  customer_id: string;
  order_id: string;
  number: string;
  carrier: string;
  status: ServiceStatus;
  activated_at: Date;
  term_ends_at: Date;
  verified_at: Date;
  dossier_id: string;
  dossier_version: number;
  licence_expires_on: string | null;
  legal_rep_id_expires_on: string | null;
  industry_licence_expires_on: string | null;
  suspended_at: Date | null;
  suspension_reason: SuspensionReason | null;
  terminates_at: Date | null;
  terminated_at: Date | null;
  quarantine_until: Date | null;
  number_released_at: Date | null;
  records_purge_at: Date | null;
  records_purged_at: Date | null;
  open_task_due_at: Date | null;
  cursor_at: string;
}

const SERVICE_SELECT = `
  SELECT s.id, s.customer_id, s.order_id, s.number, s.carrier, s.status, s.activated_at, s.term_ends_at,
         s.verified_at, s.dossier_id, v.version AS dossier_version,
         v.licence_expires_on::text AS licence_expires_on, v.legal_rep_id_expires_on::text AS legal_rep_id_expires_on,
         v.industry_licence_expires_on::text AS industry_licence_expires_on,
         s.suspended_at, s.suspension_reason, s.terminates_at, s.terminated_at, s.quarantine_until,
         s.number_released_at, s.records_purge_at, s.records_purged_at,
         (SELECT min(t.due_at) FROM reverification_tasks t WHERE t.service_id = s.id AND t.status = 'open') AS open_task_due_at,
         ${cursorTimeSql('s.activated_at')} AS cursor_at
    FROM services s JOIN dossier_versions v ON v.id = s.dossier_version_id`;

// SQL: when an active line's credentials lapse (see compliance-schedule.ts credentialLapsesAt).
const EXPIRY_SQL = `((LEAST(v.licence_expires_on, v.legal_rep_id_expires_on, v.industry_licence_expires_on) + 1)::timestamp
                     AT TIME ZONE 'Asia/Shanghai')`;

function toView(row: ServiceRow): ServiceView {
  const expiry = dossierExpiry({
    licenceExpiresOn: row.licence_expires_on,
    legalRepIdExpiresOn: row.legal_rep_id_expires_on,
    industryLicenceExpiresOn: row.industry_licence_expires_on,
  });
  return {
    id: row.id,
    customerId: row.customer_id,
    orderId: row.order_id,
    number: row.number,
    carrier: row.carrier,
    status: row.status,
    activatedAt: row.activated_at,
    termEndsAt: row.term_ends_at,
    verifiedAt: row.verified_at,
    dossierId: row.dossier_id,
    dossierVersion: row.dossier_version,
    credentialsExpireAt: expiry?.at ?? null,
    suspendedAt: row.suspended_at,
    suspensionReason: row.suspension_reason,
    terminatesAt: row.terminates_at,
    terminatedAt: row.terminated_at,
    quarantineUntil: row.quarantine_until,
    numberReleasedAt: row.number_released_at,
    recordsPurgeAt: row.records_purge_at,
    recordsPurgedAt: row.records_purged_at,
    nextDeadline: nextServiceDeadline({
      status: row.status,
      terminatesAt: row.terminates_at,
      expiry,
      openTaskDueAt: row.open_task_due_at,
    }),
  };
}

export interface ServiceFilter {
  /** Only this customer's lines (a customer's own list). */
  customerId?: string;
  status?: ServiceStatus;
  suspensionReason?: SuspensionReason;
  /** Only lines with a step (suspension, termination) due within this many days of `now`. */
  dueWithinDays?: number;
  now?: Date;
  limit: number;
  cursor?: string;
}

/** Lines, newest activation first, keyset-paginated; throws InvalidPageCursorError for a foreign cursor. */
export async function listServices(
  manager: EntityManager,
  filter: ServiceFilter,
): Promise<Page<ServiceView>> {
  const after = pageAfter(filter.cursor);
  const now = filter.now ?? new Date();
  const horizon =
    filter.dueWithinDays === undefined ? null : new Date(now.getTime() + filter.dueWithinDays * 86_400_000);
  const rows: ServiceRow[] = await manager.query(
    `${SERVICE_SELECT}
      WHERE ($1::uuid IS NULL OR s.customer_id = $1::uuid)
        AND ($2::text IS NULL OR s.status = $2::text)
        AND ($3::text IS NULL OR s.suspension_reason = $3::text)
        AND ($4::timestamptz IS NULL
             OR (s.status = 'suspended' AND s.terminates_at <= $4)
             OR (s.status = 'active' AND (${EXPIRY_SQL} <= $4
                 OR EXISTS (SELECT 1 FROM reverification_tasks t
                             WHERE t.service_id = s.id AND t.status = 'open' AND t.due_at <= $4))))
        AND ($5::timestamp IS NULL OR (s.activated_at, s.id) < ($5::timestamp AT TIME ZONE 'UTC', $6::uuid))
      ORDER BY s.activated_at DESC, s.id DESC
      LIMIT $7`,
    [
      filter.customerId ?? null,
      filter.status ?? null,
      filter.suspensionReason ?? null,
      horizon,
      after?.at ?? null,
      after?.id ?? null,
      filter.limit + 1,
    ],
  );
  const more = rows.length > filter.limit;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor: more && last ? encodePageCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

/** One line with its timeline and tasks; null when absent (or another customer's, given `customerId`). */
export async function findService(
  manager: EntityManager,
  serviceId: string,
  customerId: string | null,
): Promise<ServiceDetail | null> {
  const rows: ServiceRow[] = await manager.query(
    `${SERVICE_SELECT} WHERE s.id = $1 AND ($2::uuid IS NULL OR s.customer_id = $2::uuid)`,
    [serviceId, customerId],
  );
  const row = rows[0];
  if (!row) return null;
  const events: {
    id: string;
    event: string;
    from_status: string | null;
    to_status: string;
    actor: string;
    reason: string | null;
    data: Record<string, unknown> | null;
    created_at: Date;
  }[] = await manager.query(
    `SELECT id, event, from_status, to_status, actor, reason, data, created_at FROM service_events
      WHERE service_id = $1 ORDER BY id LIMIT 500`,
    [serviceId],
  );
  const tasks = await listTasks(manager, { serviceId, limit: 100 });
  return {
    ...toView(row),
    timeline: events.map((e) => ({
      id: String(e.id),
      event: e.event,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: e.actor,
      reason: e.reason,
      data: e.data,
      at: e.created_at,
    })),
    tasks: tasks.items,
  };
}

/** Re-verification tasks, newest first: a customer's (`customerId`) or one line's (`serviceId`). */
export async function listTasks(
  manager: EntityManager,
  filter: { customerId?: string; serviceId?: string; limit: number; cursor?: string },
): Promise<Page<TaskView>> {
  const after = pageAfter(filter.cursor);
  const rows: {
    id: string;
    campaign_id: string;
    campaign_name: string;
    service_id: string;
    number: string;
    status: string;
    due_at: Date;
    completed_at: Date | null;
    agreement_id: string;
    cursor_at: string;
  }[] = await manager.query(
    `SELECT t.id, t.campaign_id, c.name AS campaign_name, t.service_id, s.number, t.status, t.due_at, t.completed_at,
            c.agreement_id, ${cursorTimeSql('t.created_at')} AS cursor_at
       FROM reverification_tasks t
       JOIN reverification_campaigns c ON c.id = t.campaign_id
       JOIN services s ON s.id = t.service_id
      WHERE ($1::uuid IS NULL OR t.customer_id = $1::uuid) AND ($2::uuid IS NULL OR t.service_id = $2::uuid)
        AND ($3::timestamp IS NULL OR (t.created_at, t.id) < ($3::timestamp AT TIME ZONE 'UTC', $4::uuid))
      ORDER BY t.created_at DESC, t.id DESC
      LIMIT $5`,
    [
      filter.customerId ?? null,
      filter.serviceId ?? null,
      after?.at ?? null,
      after?.id ?? null,
      filter.limit + 1,
    ],
  );
  const more = rows.length > filter.limit;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      serviceId: r.service_id,
      number: r.number,
      status: r.status,
      dueAt: r.due_at,
      completedAt: r.completed_at,
      agreementId: r.agreement_id,
    })),
    nextCursor: more && last ? encodePageCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}
