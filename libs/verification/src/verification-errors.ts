/** Codes of refusals by dossiers, submissions and review; each is an API code with a status. */
export const VERIFICATION_ERROR_CODES = [
  'DOSSIER_NOT_FOUND',
  'DOSSIER_INVALID',
  'DOSSIER_DOCUMENT_NOT_USABLE',
  'DOSSIER_DOCUMENTS_INCOMPLETE',
  'DOSSIER_PURGED',
  'DOSSIER_VERSION_CONFLICT',
  'SUBMISSION_NOT_FOUND',
  'REVIEW_NOT_FOUND',
  'REVIEW_NOT_READY',
  'REVIEW_ALREADY_DECIDED',
  'REVIEW_REASONS_REQUIRED',
] as const;
export type VerificationErrorCode = (typeof VERIFICATION_ERROR_CODES)[number];

/** A refusal with a stable code and machine-readable details (field errors, missing kinds). */
export class VerificationError extends Error {
  constructor(
    readonly code: VerificationErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'VerificationError';
  }
}
