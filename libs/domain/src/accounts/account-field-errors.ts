/**
 * Why a field of an account form (registration, staff member) was refused. Codes are
 * stable: clients switch on them, the English message is for people.
 */
export const ACCOUNT_FIELD_ERROR_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'INVALID_TEXT',
  'INVALID_EMAIL',
  'INVALID_MOBILE',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_SIMPLE',
  'INVALID_ROLE',
] as const;
export type AccountFieldErrorCode = (typeof ACCOUNT_FIELD_ERROR_CODES)[number];

export interface AccountFieldError {
  readonly field: string;
  readonly code: AccountFieldErrorCode;
  readonly message: string;
}
