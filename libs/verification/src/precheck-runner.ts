import type { EntityManager } from 'typeorm';
import {
  chinaDate,
  precheckDossier,
  worstSeverity,
  type DocumentKind,
  type DossierForm,
  type FindingSeverity,
} from '@haoma/domain';
import { gatherPrecheckFacts } from './precheck-facts';
import type { VerificationSettings } from './verification-settings';

export type PrecheckOutcome =
  | { outcome: 'checked'; findings: number; worstSeverity: FindingSeverity | null }
  | { outcome: 'skipped'; reason: string };

/**
 * Runs the automatic pre-check of one submission, in the caller's transaction: gathers the
 * facts, stores the findings and moves the submission from `prechecking` to
 * `awaiting_review` by compare-and-set. A submission no longer prechecking (checked
 * already, withdrawn) is skipped, so a repeated job changes nothing.
 */
export async function runPrecheck(
  manager: EntityManager,
  input: {
    submissionId: string;
    settings: Pick<VerificationSettings, 'idMinValidityMs' | 'maxNumbersPerCompany'>;
    now?: Date;
  },
): Promise<PrecheckOutcome> {
  const now = input.now ?? new Date();
  const rows: {
    status: string;
    order_id: string;
    customer_id: string;
    version_id: string;
    form: DossierForm;
  }[] = await manager.query(
    `SELECT vs.status, vs.order_id, vs.customer_id, dv.id AS version_id, dv.form
         FROM verification_submissions vs JOIN dossier_versions dv ON dv.id = vs.dossier_version_id
        WHERE vs.id = $1 FOR UPDATE OF vs`,
    [input.submissionId],
  );
  const submission = rows[0];
  if (!submission) return { outcome: 'skipped', reason: 'no such submission' };
  if (submission.status !== 'prechecking')
    return { outcome: 'skipped', reason: `submission is ${submission.status}` };

  const kinds: { kind: DocumentKind }[] = await manager.query(
    `SELECT kind FROM dossier_version_documents WHERE version_id = $1`,
    [submission.version_id],
  );
  const findings = precheckDossier({
    form: submission.form,
    documentKinds: kinds.map((k) => k.kind),
    today: chinaDate(now),
    settings: input.settings,
    facts: await gatherPrecheckFacts(manager, {
      form: submission.form,
      customerId: submission.customer_id,
      orderId: submission.order_id,
    }),
  });
  const worst = worstSeverity(findings);
  await manager.query(
    `UPDATE verification_submissions
        SET status = 'awaiting_review', findings = $2, worst_severity = $3, prechecked_at = $4, updated_at = $4
      WHERE id = $1 AND status = 'prechecking'`,
    [input.submissionId, JSON.stringify(findings), worst, now],
  );
  return { outcome: 'checked', findings: findings.length, worstSeverity: worst };
}
