import type { EntityManager } from 'typeorm';
import {
  credentialProblems,
  CUSTOMER_RESUMABLE_REASONS,
  type ComplianceWindows,
  type ServiceStatus,
  type SuspensionReason,
} from '@haoma/domain';
import { ComplianceError } from './compliance-errors';
import { recordServiceEvent } from './service-events';
import { transitionService } from './service-transitions';

/** The rules a re-verification follows (from the config). */
export interface ReverificationSettings {
  windows: ComplianceWindows;
  /** ID_MIN_VALIDITY: every credential must stay valid at least this long. */
  idMinValidityMs: number;
}

interface VersionRow {
  id: string;
  dossier_id: string;
  version: number;
  licence_expires_on: string | null;
  legal_rep_id_expires_on: string | null;
  industry_licence_expires_on: string | null;
  purged_at: Date | null;
  dossier_purged_at: Date | null;
}

/**
 * The customer's dossier version a line is re-verified with (`version`, or the dossier's
 * current one), refused with TASK_DOSSIER_INVALID and the reasons when a credential lapses
 * within ID_MIN_VALIDITY. Another customer's dossier is DOSSIER_NOT_FOUND.
 */
export async function verifiableVersion(
  manager: EntityManager,
  input: {
    customerId: string;
    dossierId: string;
    version?: number | null;
    now: Date;
    idMinValidityMs: number;
  },
): Promise<{ id: string; dossierId: string; version: number }> {
  const rows: VersionRow[] = await manager.query(
    `SELECT v.id, v.dossier_id, v.version, v.licence_expires_on::text AS licence_expires_on,
            v.legal_rep_id_expires_on::text AS legal_rep_id_expires_on,
            v.industry_licence_expires_on::text AS industry_licence_expires_on,
            v.purged_at, d.purged_at AS dossier_purged_at
       FROM dossiers d
       JOIN dossier_versions v ON v.dossier_id = d.id AND v.version = COALESCE($3::integer, d.current_version)
      WHERE d.id = $1 AND d.customer_id = $2`,
    [input.dossierId, input.customerId, input.version ?? null],
  );
  const row = rows[0];
  if (!row) throw new ComplianceError('DOSSIER_NOT_FOUND', 'No such dossier version.');
  if (row.purged_at || row.dossier_purged_at)
    throw new ComplianceError('DOSSIER_PURGED', 'This dossier was purged; write a new one.');
  const problems = credentialProblems(
    {
      licenceExpiresOn: row.licence_expires_on,
      legalRepIdExpiresOn: row.legal_rep_id_expires_on,
      industryLicenceExpiresOn: row.industry_licence_expires_on,
    },
    input.now,
    input.idMinValidityMs,
  );
  if (problems.length)
    throw new ComplianceError(
      'TASK_DOSSIER_INVALID',
      'A credential of this dossier version lapses too soon.',
      {
        reasons: problems.map((p) => ({ field: p.field, code: p.code, lapsesAt: p.lapsesAt.toISOString() })),
      },
    );
  return { id: row.id, dossierId: row.dossier_id, version: row.version };
}

interface ServiceRow {
  id: string;
  status: ServiceStatus;
  suspension_reason: SuspensionReason | null;
  dossier_version_id: string;
}

/**
 * Points a live line at a newly verified dossier version (timeline row `reverified`), then
 * resumes it when it was suspended for a reason in `resumable`. Locks the line first.
 */
async function reverifyLine(
  manager: EntityManager,
  input: {
    customerId: string;
    serviceId: string;
    version: { id: string; dossierId: string; version: number };
    resumable: readonly SuspensionReason[];
    data: Record<string, unknown>;
    now: Date;
    windows: ComplianceWindows;
  },
): Promise<{ resumed: boolean }> {
  const rows: ServiceRow[] = await manager.query(
    `SELECT id, status, suspension_reason, dossier_version_id FROM services
      WHERE id = $1 AND customer_id = $2 FOR UPDATE`,
    [input.serviceId, input.customerId],
  );
  const service = rows[0];
  if (!service) throw new ComplianceError('SERVICE_NOT_FOUND', 'No such service.');
  if (service.status === 'terminated')
    throw new ComplianceError('SERVICE_TRANSITION_NOT_ALLOWED', 'A terminated line cannot be re-verified.', {
      status: service.status,
    });
  await manager.query(
    `UPDATE services SET dossier_id = $2, dossier_version_id = $3, verified_at = $4, updated_at = $4 WHERE id = $1`,
    [service.id, input.version.dossierId, input.version.id, input.now],
  );
  await recordServiceEvent(manager, {
    serviceId: service.id,
    event: 'reverified',
    fromStatus: service.status,
    toStatus: service.status,
    actor: `customer:${input.customerId}`,
    data: {
      ...input.data,
      dossierId: input.version.dossierId,
      dossierVersion: input.version.version,
      previousDossierVersionId: service.dossier_version_id,
    },
    at: input.now,
  });
  const resumable =
    service.status === 'suspended' &&
    service.suspension_reason !== null &&
    input.resumable.includes(service.suspension_reason);
  if (!resumable) return { resumed: false };
  const result = await transitionService(manager, {
    serviceId: service.id,
    event: 'resume',
    actor: { kind: 'customer', id: input.customerId },
    reason: '客户已重新完成实名认证 / the customer re-verified',
    windows: input.windows,
    now: input.now,
  });
  return { resumed: result.changed };
}

/**
 * A customer renews an expired (or expiring) licence or ID outside any campaign: the line is
 * re-verified with the given dossier version, and a suspension for an expiry is lifted.
 */
export async function reverifyService(
  manager: EntityManager,
  input: {
    customerId: string;
    serviceId: string;
    dossierId: string;
    version?: number | null;
    now?: Date;
    settings: ReverificationSettings;
  },
): Promise<{ resumed: boolean }> {
  const now = input.now ?? new Date();
  const owned: unknown[] = await manager.query(`SELECT 1 FROM services WHERE id = $1 AND customer_id = $2`, [
    input.serviceId,
    input.customerId,
  ]);
  if (owned.length === 0) throw new ComplianceError('SERVICE_NOT_FOUND', 'No such service.');
  const version = await verifiableVersion(manager, {
    customerId: input.customerId,
    dossierId: input.dossierId,
    version: input.version ?? null,
    now,
    idMinValidityMs: input.settings.idMinValidityMs,
  });
  return reverifyLine(manager, {
    customerId: input.customerId,
    serviceId: input.serviceId,
    version,
    resumable: ['licence_expired', 'id_expired'],
    data: { via: 'renewal' },
    now,
    windows: input.settings.windows,
  });
}

export interface CompleteTaskInput {
  customerId: string;
  taskId: string;
  agreementId: string;
  signerName: string;
  signerTitle: string;
  dossierId: string;
  version?: number | null;
  now?: Date;
  settings: ReverificationSettings;
}

/**
 * A customer completes a re-verification task: re-signs the campaign's supplement agreement
 * (another version is AGREEMENT_OUTDATED) and confirms or updates the dossier. The line is
 * re-verified, and resumed when it was suspended for the missed deadline or an expiry.
 * Completing an overdue task is allowed: re-verifying during suspension resumes the line.
 */
export async function completeTask(
  manager: EntityManager,
  input: CompleteTaskInput,
): Promise<{ serviceId: string; resumed: boolean }> {
  const now = input.now ?? new Date();
  const rows: {
    id: string;
    service_id: string;
    status: string;
    campaign_id: string;
    agreement_id: string;
  }[] = await manager.query(
    `SELECT t.id, t.service_id, t.status, t.campaign_id, c.agreement_id
         FROM reverification_tasks t JOIN reverification_campaigns c ON c.id = t.campaign_id
        WHERE t.id = $1 AND t.customer_id = $2
        FOR UPDATE OF t`,
    [input.taskId, input.customerId],
  );
  const task = rows[0];
  if (!task) throw new ComplianceError('TASK_NOT_FOUND', 'No such re-verification task.');
  if (task.status === 'completed')
    throw new ComplianceError('TASK_ALREADY_COMPLETED', 'This task is completed.');
  if (task.agreement_id !== input.agreementId)
    throw new ComplianceError(
      'AGREEMENT_OUTDATED',
      'Sign the supplement agreement version of the campaign.',
      {
        agreementId: task.agreement_id,
      },
    );
  const version = await verifiableVersion(manager, {
    customerId: input.customerId,
    dossierId: input.dossierId,
    version: input.version ?? null,
    now,
    idMinValidityMs: input.settings.idMinValidityMs,
  });
  await manager.query(
    `UPDATE reverification_tasks
        SET status = 'completed', completed_at = $2, dossier_version_id = $3, agreement_id = $4,
            signer_name = $5, signer_title = $6
      WHERE id = $1`,
    [task.id, now, version.id, input.agreementId, input.signerName, input.signerTitle],
  );
  const { resumed } = await reverifyLine(manager, {
    customerId: input.customerId,
    serviceId: task.service_id,
    version,
    resumable: CUSTOMER_RESUMABLE_REASONS,
    data: { via: 'campaign', campaignId: task.campaign_id, taskId: task.id },
    now,
    windows: input.settings.windows,
  });
  return { serviceId: task.service_id, resumed };
}
