/** Codes the compliance services refuse with; the API maps each to a status. */
export const COMPLIANCE_ERROR_CODES = [
  'SERVICE_NOT_FOUND',
  'SERVICE_TRANSITION_NOT_ALLOWED',
  'SERVICE_ACTOR_NOT_ALLOWED',
  'CAMPAIGN_NOT_FOUND',
  'CAMPAIGN_INVALID',
  'TASK_NOT_FOUND',
  'TASK_ALREADY_COMPLETED',
  'TASK_DOSSIER_INVALID',
  'AGREEMENT_OUTDATED',
  'DOSSIER_NOT_FOUND',
  'DOSSIER_PURGED',
] as const;
export type ComplianceErrorCode = (typeof COMPLIANCE_ERROR_CODES)[number];

/** A refusal of the compliance services, with a stable code and details for the client. */
export class ComplianceError extends Error {
  constructor(
    readonly code: ComplianceErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ComplianceError';
  }
}
