import type { AccountFieldError } from '@haoma/domain';

/** Codes of the accounts library's refusals; the API maps each to its HTTP status. */
export const ACCOUNT_ERROR_CODES = [
  'VALIDATION_FAILED',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'SESSION_REVOKED',
  'INVALID_REFRESH_TOKEN',
  'NOT_FOUND',
  'CONFLICT',
] as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

/** A refusal of the accounts library: a stable code, a message for people, and details. */
export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
    readonly details: {
      /** VALIDATION_FAILED: every field at fault. */
      fields?: readonly AccountFieldError[];
      /** ACCOUNT_LOCKED: whole seconds until a login may be tried again. */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/** A VALIDATION_FAILED error naming the fields at fault. */
export function validationFailed(fields: readonly AccountFieldError[]): AccountError {
  const names = [...new Set(fields.map((f) => f.field))];
  return new AccountError('VALIDATION_FAILED', `Invalid request: ${names.join(', ')}`, { fields });
}
