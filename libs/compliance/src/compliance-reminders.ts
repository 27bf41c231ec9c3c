import type { DataSource } from 'typeorm';
import { dossierExpiry, dueReminder, type ComplianceWindows } from '@haoma/domain';
import {
  recordReminderNotification,
  suspensionReasonText,
  type ReminderTemplateId,
} from '@haoma/notifications';

const BATCH_SIZE = 500;

/** What one pass of the reminders did, per kind, and the notifications it recorded (to send). */
export interface ReminderReport {
  counts: Record<ReminderKind, number>;
  notificationIds: string[];
}

export type ReminderKind = 'documents' | 'expiry' | 'reverification' | 'termination';

interface Candidate {
  id: string;
  key: Date;
  order_id: string;
  reason: string | null;
  /** Identifies the step's occurrence (a new dossier version, a moved deadline: a new step). */
  step: string;
}

interface ReminderKindSpec {
  template: ReminderTemplateId;
  offsets: (w: ComplianceWindows) => readonly number[];
  /** Candidates whose step falls in ($1, $2], keyset after ($3, $4), at most $5. */
  sql: string;
  reason?: (row: Candidate) => string | null;
}

const EXPIRY_SQL = `((LEAST(v.licence_expires_on, v.legal_rep_id_expires_on, v.industry_licence_expires_on) + 1)::timestamp
                     AT TIME ZONE 'Asia/Shanghai')`;
const KEYSET = (key: string, id: string) =>
  `AND ($3::timestamptz IS NULL OR (${key}, ${id}) > ($3::timestamptz, $4::uuid)) ORDER BY ${key}, ${id} LIMIT $5`;

const CREDENTIAL_TEXT = {
  licenceExpiresOn: '营业执照 / business licence',
  legalRepIdExpiresOn: '法定代表人身份证 / legal representative’s ID',
  industryLicenceExpiresOn: '行业许可证 / industry licence',
} as const;

const KINDS: Record<ReminderKind, ReminderKindSpec> = {
  documents: {
    template: 'documents-reminder',
    offsets: (w) => w.documentReminderOffsetsMs,
    sql: `SELECT o.id, o.documents_due_at AS key, o.id AS order_id, NULL AS reason, o.id::text AS step
            FROM orders o
           WHERE o.status = 'awaiting_documents' AND o.documents_due_at > $1 AND o.documents_due_at <= $2
           ${KEYSET('o.documents_due_at', 'o.id')}`,
  },
  expiry: {
    template: 'expiry-reminder',
    offsets: (w) => w.reminderOffsetsMs,
    sql: `SELECT s.id, ${EXPIRY_SQL} AS key, s.order_id,
                 json_build_object('licenceExpiresOn', v.licence_expires_on::text,
                                   'legalRepIdExpiresOn', v.legal_rep_id_expires_on::text,
                                   'industryLicenceExpiresOn', v.industry_licence_expires_on::text)::text AS reason,
                 v.id::text AS step
            FROM services s JOIN dossier_versions v ON v.id = s.dossier_version_id
           WHERE s.status = 'active' AND ${EXPIRY_SQL} > $1 AND ${EXPIRY_SQL} <= $2
           ${KEYSET(EXPIRY_SQL, 's.id')}`,
    reason: (row) => {
      const expiry = row.reason ? dossierExpiry(JSON.parse(row.reason)) : null;
      return expiry ? CREDENTIAL_TEXT[expiry.field] : null;
    },
  },
  reverification: {
    template: 'reverification-reminder',
    offsets: (w) => w.reminderOffsetsMs,
    sql: `SELECT t.id, t.due_at AS key, s.order_id, NULL AS reason, t.id::text AS step
            FROM reverification_tasks t JOIN services s ON s.id = t.service_id
           WHERE t.status = 'open' AND s.status IN ('active', 'suspended') AND t.due_at > $1 AND t.due_at <= $2
           ${KEYSET('t.due_at', 't.id')}`,
  },
  termination: {
    template: 'termination-reminder',
    offsets: (w) => w.reminderOffsetsMs,
    sql: `SELECT s.id, s.terminates_at AS key, s.order_id, s.suspension_reason AS reason,
                 s.suspended_at::text AS step
            FROM services s
           WHERE s.status = 'suspended' AND s.terminates_at > $1 AND s.terminates_at <= $2
           ${KEYSET('s.terminates_at', 's.id')}`,
    reason: (row) => (row.reason ? suspensionReasonText(row.reason) : null),
  },
};

/**
 * (f) The reminders before each step: the document deadline of an order (DOCUMENT_REMINDERS),
 * a verified dossier's expiry (→ suspension), a re-verification deadline, a termination
 * (COMPLIANCE_REMINDERS). For each step only the latest due offset is sent (dueReminder), and
 * each is recorded once, ever, by its dedupe key
 * `reminder:<kind>:<row id>:<step>:<deadline ms>:<offset ms>` — two sweeps, a restart or a
 * lost queue cannot send it twice. The caller enqueues the returned notifications.
 */
export async function recordDueReminders(
  dataSource: DataSource,
  windows: ComplianceWindows,
  now: Date,
): Promise<ReminderReport> {
  const report: ReminderReport = {
    counts: { documents: 0, expiry: 0, reverification: 0, termination: 0 },
    notificationIds: [],
  };
  for (const kind of Object.keys(KINDS) as ReminderKind[]) {
    const spec = KINDS[kind];
    const offsets = spec.offsets(windows);
    const horizon = Math.max(0, ...offsets);
    if (horizon === 0) continue;
    let after: { key: Date; id: string } | null = null;
    for (;;) {
      const batch: Candidate[] = await dataSource.query(spec.sql, [
        now,
        new Date(now.getTime() + horizon),
        after?.key ?? null,
        after?.id ?? null,
        BATCH_SIZE,
      ]);
      for (const row of batch) {
        const due = dueReminder(row.key, offsets, now);
        if (!due) continue;
        const id = await recordReminderNotification(dataSource.manager, {
          template: spec.template,
          orderId: row.order_id,
          dedupeKey: `reminder:${kind}:${row.id}:${row.step}:${row.key.getTime()}:${due.offsetMs}`,
          dueAt: row.key,
          reason: spec.reason ? spec.reason(row) : null,
        });
        if (id) {
          report.counts[kind] += 1;
          report.notificationIds.push(id);
        }
      }
      const last = batch.at(-1);
      if (!last || batch.length < BATCH_SIZE) break;
      after = { key: last.key, id: last.id };
    }
  }
  return report;
}
