/** Why a sales operation was refused; the API maps each code to its status. */
export const SALES_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  'ASSIGNEE_INVALID',
  'MENTION_UNKNOWN',
  'INVALID_QUERY',
] as const;
export type SalesErrorCode = (typeof SALES_ERROR_CODES)[number];

/** A refusal with a stable code and machine-readable details (e.g. the unknown mentions). */
export class SalesError extends Error {
  constructor(
    readonly code: SalesErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SalesError';
  }
}
