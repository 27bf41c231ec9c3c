/**
 * Why a field of a dossier form was refused. Codes are stable (clients switch on them); the
 * English message is for people. These are hard errors: the dossier is not saved.
 */
export const DOSSIER_FIELD_ERROR_CODES = [
  'REQUIRED',
  'INVALID_TYPE',
  'INVALID_TEXT',
  'TOO_LONG',
  'INVALID_DATE',
  'INVALID_USCC',
  'INVALID_ID_NUMBER',
  'ID_CHECK_FAILED',
  'ID_BIRTH_DATE_INVALID',
  'INVALID_MOBILE',
  'INVALID_PHONE',
  'EXPIRED',
  'EXPIRES_TOO_SOON',
  'TOO_FEW',
  'TOO_MANY',
  'DUPLICATE',
  'MUST_BE_SIGNED',
] as const;
export type DossierFieldErrorCode = (typeof DOSSIER_FIELD_ERROR_CODES)[number];

export interface DossierFieldError {
  /** Path in the form: `company.uscc`, `destinations[1].number`. */
  readonly field: string;
  readonly code: DossierFieldErrorCode;
  readonly message: string;
}
