import type { DataSource, EntityManager } from 'typeorm';
import { dossierExpiry, type ComplianceWindows, type SuspensionReason } from '@haoma/domain';
import type { DocumentStorage } from '@haoma/documents';
import { ComplianceError } from './compliance-errors';
import { COMPLIANCE_SWEEP_ACTOR, serviceActorLabel } from './service-actor';
import { recordServiceEvent } from './service-events';
import { transitionService } from './service-transitions';

const BATCH_SIZE = 200;

/** What one pass of a timer did: steps taken, candidates another worker had or that no longer qualified, failures. */
export interface TimerReport {
  done: number;
  skipped: number;
  failed: number;
}

export interface TimerContext {
  dataSource: DataSource;
  windows: ComplianceWindows;
  now: Date;
  /** Told of unexpected failures (each is retried on the next sweep). */
  onError?: (step: string, id: string, error: unknown) => void;
}

// SQL: the moment the earliest credential of version `v` lapses (the end of its last day in
// Beijing: compliance-schedule.ts credentialLapsesAt); NULL when all are long-term.
const EXPIRY_SQL = `((LEAST(v.licence_expires_on, v.legal_rep_id_expires_on, v.industry_licence_expires_on) + 1)::timestamp
                     AT TIME ZONE 'Asia/Shanghai')`;

/**
 * Runs `step` for every id `select` returns, in keyset batches over (key, id) so that a
 * failing row is not picked again in this pass; each step is its own short transaction whose
 * first statement locks the row with SKIP LOCKED and re-checks the condition (another worker,
 * or a customer re-verifying meanwhile, makes it a skip).
 */
async function eachDue(
  ctx: TimerContext,
  name: string,
  select: (after: { key: Date; id: string } | null) => Promise<{ id: string; key: Date }[]>,
  step: (manager: EntityManager, id: string) => Promise<boolean>,
  committed?: (id: string) => void,
): Promise<TimerReport> {
  const report: TimerReport = { done: 0, skipped: 0, failed: 0 };
  let after: { key: Date; id: string } | null = null;
  for (;;) {
    const batch = await select(after);
    for (const row of batch) {
      try {
        const done = await ctx.dataSource.transaction((manager) => step(manager, row.id));
        committed?.(row.id);
        if (done) report.done += 1;
        else report.skipped += 1;
      } catch (error) {
        if (error instanceof ComplianceError && error.code === 'SERVICE_TRANSITION_NOT_ALLOWED') {
          report.skipped += 1;
          continue;
        }
        report.failed += 1;
        ctx.onError?.(name, row.id, error);
      }
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH_SIZE) return report;
    after = { key: last.key, id: last.id };
  }
}

const keyset = (after: { key: Date; id: string } | null) => [after?.key ?? null, after?.id ?? null];

/** (a) Active lines whose verified dossier version has lapsed: suspended (licence_expired / id_expired). */
export function suspendExpired(ctx: TimerContext): Promise<TimerReport> {
  return eachDue(
    ctx,
    'suspend-expired',
    (after) =>
      ctx.dataSource.query(
        `SELECT s.id, ${EXPIRY_SQL} AS key FROM services s JOIN dossier_versions v ON v.id = s.dossier_version_id
          WHERE s.status = 'active' AND ${EXPIRY_SQL} <= $1
            AND ($2::timestamptz IS NULL OR (${EXPIRY_SQL}, s.id) > ($2::timestamptz, $3::uuid))
          ORDER BY 2, s.id LIMIT ${BATCH_SIZE}`,
        [ctx.now, ...keyset(after)],
      ),
    async (manager, id) => {
      const rows: {
        licence_expires_on: string | null;
        legal_rep_id_expires_on: string | null;
        industry_licence_expires_on: string | null;
      }[] = await manager.query(
        `SELECT v.licence_expires_on::text AS licence_expires_on, v.legal_rep_id_expires_on::text AS legal_rep_id_expires_on,
                v.industry_licence_expires_on::text AS industry_licence_expires_on
           FROM services s JOIN dossier_versions v ON v.id = s.dossier_version_id
          WHERE s.id = $1 AND s.status = 'active' AND ${EXPIRY_SQL} <= $2
          FOR UPDATE OF s SKIP LOCKED`,
        [id, ctx.now],
      );
      const row = rows[0];
      if (!row) return false;
      const expiry = dossierExpiry({
        licenceExpiresOn: row.licence_expires_on,
        legalRepIdExpiresOn: row.legal_rep_id_expires_on,
        industryLicenceExpiresOn: row.industry_licence_expires_on,
      });
      if (!expiry) return false;
      return (
        await suspend(manager, ctx, id, expiry.reason, {
          field: expiry.field,
          lapsedAt: expiry.at.toISOString(),
        })
      ).changed;
    },
  );
}

function suspend(
  manager: EntityManager,
  ctx: TimerContext,
  serviceId: string,
  reason: SuspensionReason,
  data: Record<string, unknown>,
) {
  return transitionService(manager, {
    serviceId,
    event: 'suspend',
    actor: COMPLIANCE_SWEEP_ACTOR,
    suspensionReason: reason,
    data,
    windows: ctx.windows,
    now: ctx.now,
  });
}

/** (b) Open re-verification tasks past their deadline: overdue, and the line suspended (reverification_overdue). */
export function markTasksOverdue(ctx: TimerContext): Promise<TimerReport> {
  return eachDue(
    ctx,
    'tasks-overdue',
    (after) =>
      ctx.dataSource.query(
        `SELECT id, due_at AS key FROM reverification_tasks
          WHERE status = 'open' AND due_at <= $1
            AND ($2::timestamptz IS NULL OR (due_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY due_at, id LIMIT ${BATCH_SIZE}`,
        [ctx.now, ...keyset(after)],
      ),
    async (manager, id) => {
      const tasks: { service_id: string; campaign_id: string }[] = await manager.query(
        // A CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
        `WITH changed AS (
           UPDATE reverification_tasks SET status = 'overdue'
            WHERE id = (SELECT id FROM reverification_tasks WHERE id = $1 AND status = 'open' AND due_at <= $2
                         FOR UPDATE SKIP LOCKED)
            RETURNING service_id, campaign_id)
         SELECT * FROM changed`,
        [id, ctx.now],
      );
      const task = tasks[0];
      if (!task) return false;
      const live: unknown[] = await manager.query(
        `SELECT 1 FROM services WHERE id = $1 AND status = 'active'`,
        [task.service_id],
      );
      if (live.length)
        await suspend(manager, ctx, task.service_id, 'reverification_overdue', {
          taskId: id,
          campaignId: task.campaign_id,
        });
      return true;
    },
  );
}

/** (c) Suspended lines past `terminates_at`: terminated; the number goes to quarantine. */
export function terminateDue(ctx: TimerContext): Promise<TimerReport> {
  return eachDue(
    ctx,
    'terminate',
    (after) =>
      ctx.dataSource.query(
        `SELECT id, terminates_at AS key FROM services
          WHERE status = 'suspended' AND terminates_at <= $1
            AND ($2::timestamptz IS NULL OR (terminates_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY terminates_at, id LIMIT ${BATCH_SIZE}`,
        [ctx.now, ...keyset(after)],
      ),
    async (manager, id) => {
      const due: unknown[] = await manager.query(
        `SELECT 1 FROM services WHERE id = $1 AND status = 'suspended' AND terminates_at <= $2 FOR UPDATE SKIP LOCKED`,
        [id, ctx.now],
      );
      if (due.length === 0) return false;
      const result = await transitionService(manager, {
        serviceId: id,
        event: 'terminate',
        actor: COMPLIANCE_SWEEP_ACTOR,
        reason: '停机后未在期限内完成实名认证 / not re-verified within the window after suspension',
        windows: ctx.windows,
        now: ctx.now,
      });
      return result.changed;
    },
  );
}

/** (d) Terminated lines past `quarantine_until`: the number, if still in quarantine, back on sale. */
export function releaseQuarantined(ctx: TimerContext): Promise<TimerReport> {
  const actor = serviceActorLabel(COMPLIANCE_SWEEP_ACTOR);
  return eachDue(
    ctx,
    'release-number',
    (after) =>
      ctx.dataSource.query(
        `SELECT id, quarantine_until AS key FROM services
          WHERE status = 'terminated' AND number_released_at IS NULL AND quarantine_until <= $1
            AND ($2::timestamptz IS NULL OR (quarantine_until, id) > ($2::timestamptz, $3::uuid))
          ORDER BY quarantine_until, id LIMIT ${BATCH_SIZE}`,
        [ctx.now, ...keyset(after)],
      ),
    async (manager, id) => {
      const rows: { number: string; order_id: string }[] = await manager.query(
        `WITH changed AS (
           UPDATE services SET number_released_at = $2, updated_at = $2
            WHERE id = (SELECT id FROM services WHERE id = $1 AND status = 'terminated' AND number_released_at IS NULL
                           AND quarantine_until <= $2 FOR UPDATE SKIP LOCKED)
            RETURNING number, order_id)
         SELECT * FROM changed`,
        [id, ctx.now],
      );
      const service = rows[0];
      if (!service) return false;
      // Only a number still resting is put back; one an admin retired meanwhile stays retired.
      const released: unknown[] = await manager.query(
        `WITH changed AS (
           UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL,
                  status_changed_at = $2, updated_at = $2
            WHERE number = $1 AND status = 'quarantine' RETURNING number)
         INSERT INTO number_events (number, from_status, to_status, order_id, actor, reason, created_at)
         SELECT number, 'quarantine', 'available', $3, $4, 'quarantine over: back on sale', $2 FROM changed
         RETURNING id`,
        [service.number, ctx.now, service.order_id, actor],
      );
      await recordServiceEvent(manager, {
        serviceId: id,
        event: 'number_released',
        fromStatus: 'terminated',
        toStatus: 'terminated',
        actor,
        data: { number: service.number, backOnSale: released.length === 1 },
        at: ctx.now,
      });
      return true;
    },
  );
}

/** The timeline's reason of a rejection once its quoted reasons are purged. */
export const PURGED_REASON = '保存期满，原因已删除 / reasons purged after the retention period';

/** SQL: a jsonb array of reasons with each `text` blanked (target, document and code kept). */
const WITHOUT_TEXTS = (column: string) => `COALESCE(
  (SELECT jsonb_agg(CASE WHEN jsonb_typeof(r.reason) = 'object' THEN r.reason || '{"text": ""}'::jsonb
                         ELSE r.reason END ORDER BY r.n)
     FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${column}) = 'array' THEN ${column} ELSE '[]'::jsonb END)
          WITH ORDINALITY AS r(reason, n)),
  '[]'::jsonb)`;

export interface PurgeReport extends TimerReport {
  /** Lines past retention whose dossier another live line or undecided order still uses. */
  deferred: number;
}

/**
 * (e) Terminated lines past `records_purge_at`: their identity records are purged — unless
 * another live line, another line still within its retention, or an undecided order uses the
 * dossier (then it waits for the last of them). The form is blanked, the id numbers and dates
 * nulled, the documents deleted (rows here, bytes through `storage` after commit), the
 * versions' submissions lose their findings, the reviewer's note and the free text of their
 * rejection reasons; those submissions' carrier applications lose the carrier's reason texts
 * and last error; and the orders' `review_rejected` / `carrier_rejected` timeline rows get a
 * neutral reason instead of the quoted one. Codes, targets and statuses stay: they say what
 * happened without saying who.
 *
 * Not purged: the audit log. A trigger keeps `audit_log` append-only (no UPDATE or DELETE),
 * so the review and service audit rows are written without identity data in the first place
 * (reason codes and targets, never the texts or notes). Nor the notifications already sent.
 */
export async function purgeIdentityRecords(
  ctx: TimerContext,
  storage: DocumentStorage,
): Promise<PurgeReport> {
  const actor = serviceActorLabel(COMPLIANCE_SWEEP_ACTOR);
  let deferred = 0;
  const staged = new Map<string, string[]>();
  const keys: string[] = [];
  const report = await eachDue(
    ctx,
    'purge',
    (after) =>
      ctx.dataSource.query(
        `SELECT id, records_purge_at AS key FROM services
          WHERE status = 'terminated' AND records_purged_at IS NULL AND records_purge_at <= $1
            AND ($2::timestamptz IS NULL OR (records_purge_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY records_purge_at, id LIMIT ${BATCH_SIZE}`,
        [ctx.now, ...keyset(after)],
      ),
    async (manager, id) => {
      const rows: { dossier_id: string }[] = await manager.query(
        `SELECT dossier_id FROM services
          WHERE id = $1 AND status = 'terminated' AND records_purged_at IS NULL AND records_purge_at <= $2
          FOR UPDATE SKIP LOCKED`,
        [id, ctx.now],
      );
      const service = rows[0];
      if (!service) return false;
      // Lock the dossier: two lines of one dossier purge it once, and no submission slips in.
      await manager.query(`SELECT id FROM dossiers WHERE id = $1 FOR UPDATE`, [service.dossier_id]);
      const inUse: unknown[] = await manager.query(
        `SELECT 1 FROM services o
          WHERE o.dossier_id = $1 AND o.id <> $2
            AND (o.status IN ('active', 'suspended') OR (o.records_purged_at IS NULL AND o.records_purge_at > $3))
         UNION ALL
         SELECT 1 FROM verification_submissions vs
           JOIN dossier_versions v ON v.id = vs.dossier_version_id
           JOIN orders ord ON ord.id = vs.order_id
          WHERE v.dossier_id = $1 AND ord.status IN ('awaiting_documents', 'under_review', 'provisioning')
         LIMIT 1`,
        [service.dossier_id, id, ctx.now],
      );
      if (inUse.length) {
        deferred += 1;
        return false;
      }
      const documents: { id: string; storage_key: string }[] = await manager.query(
        `WITH deleted AS (
           DELETE FROM documents d
            WHERE d.id IN (SELECT dvd.document_id FROM dossier_version_documents dvd
                             JOIN dossier_versions v ON v.id = dvd.version_id WHERE v.dossier_id = $1)
              AND NOT EXISTS (SELECT 1 FROM dossier_version_documents x JOIN dossier_versions xv ON xv.id = x.version_id
                               WHERE x.document_id = d.id AND xv.dossier_id <> $1)
            RETURNING d.id, d.storage_key)
         SELECT * FROM deleted`,
        [service.dossier_id],
      );
      // company_name stays: a company's name is public registry data (anyone can look it up in
      // the national enterprise credit registry), not identity data.
      await manager.query(
        `UPDATE dossier_versions
            SET form = '{}'::jsonb, uscc = NULL, legal_rep_id_number = NULL, handler_id_number = NULL,
                licence_expires_on = NULL, legal_rep_id_expires_on = NULL, industry_licence_expires_on = NULL,
                purged_at = COALESCE(purged_at, $2)
          WHERE dossier_id = $1`,
        [service.dossier_id, ctx.now],
      );
      // The submissions of those versions quote identity data too: the pre-check's findings
      // (names, ID numbers, other accounts' emails in their details) go, and the reviewer's
      // rejection reasons keep their target, document and code but lose their free text.
      // The reviewer's note goes too (it may quote the same).
      await manager.query(
        `UPDATE verification_submissions vs
            SET findings = '[]'::jsonb, review_note = NULL,
                rejection_reasons = ${WITHOUT_TEXTS('vs.rejection_reasons')}
          WHERE vs.dossier_version_id IN (SELECT id FROM dossier_versions WHERE dossier_id = $1)`,
        [service.dossier_id],
      );
      // The carrier's answers to those submissions: its reasons keep their codes, lose their text.
      await manager.query(
        `UPDATE carrier_applications ca
            SET rejection_reasons = ${WITHOUT_TEXTS('ca.rejection_reasons')}, last_error = NULL
          WHERE ca.submission_id IN (SELECT vs.id FROM verification_submissions vs
                                       JOIN dossier_versions v ON v.id = vs.dossier_version_id
                                      WHERE v.dossier_id = $1)`,
        [service.dossier_id],
      );
      // The orders' timelines quoted those reasons (the rejection emails did): the rows of these
      // submissions and their applications keep type, actor and codes; reason and texts go.
      await manager.query(
        `UPDATE order_events e
            SET reason = $2,
                data = CASE WHEN jsonb_typeof(e.data -> 'reasons') = 'array'
                            THEN jsonb_set(e.data, '{reasons}', ${WITHOUT_TEXTS(`e.data -> 'reasons'`)})
                            ELSE e.data END
          WHERE e.type = 'transition' AND e.event IN ('review_rejected', 'carrier_rejected')
            AND e.order_id IN (SELECT vs.order_id FROM verification_submissions vs
                                 JOIN dossier_versions v ON v.id = vs.dossier_version_id
                                WHERE v.dossier_id = $1)
            AND (e.data ->> 'submissionId' IN (SELECT vs.id::text FROM verification_submissions vs
                                                 JOIN dossier_versions v ON v.id = vs.dossier_version_id
                                                WHERE v.dossier_id = $1)
                 OR e.data ->> 'applicationId' IN (SELECT ca.id::text FROM carrier_applications ca
                                                     JOIN verification_submissions vs ON vs.id = ca.submission_id
                                                     JOIN dossier_versions v ON v.id = vs.dossier_version_id
                                                    WHERE v.dossier_id = $1))`,
        [service.dossier_id, PURGED_REASON],
      );
      await manager.query(
        `UPDATE dossiers SET purged_at = COALESCE(purged_at, $2), updated_at = $2 WHERE id = $1`,
        [service.dossier_id, ctx.now],
      );
      await manager.query(`UPDATE services SET records_purged_at = $2, updated_at = $2 WHERE id = $1`, [
        id,
        ctx.now,
      ]);
      await recordServiceEvent(manager, {
        serviceId: id,
        event: 'records_purged',
        fromStatus: 'terminated',
        toStatus: 'terminated',
        actor,
        data: { dossierId: service.dossier_id, documentsDeleted: documents.length },
        at: ctx.now,
      });
      staged.set(
        id,
        documents.map((d) => d.storage_key),
      );
      return true;
    },
    (id) => keys.push(...(staged.get(id) ?? [])),
  );
  // After commit: a crash before this leaves bytes without a row, never a row without bytes.
  for (const key of keys) {
    try {
      await storage.delete(key);
    } catch (error) {
      ctx.onError?.('purge-bytes', key, error);
    }
  }
  return { ...report, skipped: report.skipped - deferred, deferred };
}
