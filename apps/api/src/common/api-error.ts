import { HttpStatus } from '@nestjs/common';

/** Error codes the API answers with, and their HTTP status: one table, so the mapping is exhaustive. */
export const API_ERROR_STATUS = {
  INVALID_NUMBER: HttpStatus.BAD_REQUEST,
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  INVALID_QUERY: HttpStatus.BAD_REQUEST,
  MALFORMED_REQUEST: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NUMBER_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  METHOD_NOT_ALLOWED: HttpStatus.METHOD_NOT_ALLOWED,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  // Accounts and sessions (apps/api/src/auth).
  EMAIL_TAKEN: HttpStatus.CONFLICT,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  ACCOUNT_LOCKED: HttpStatus.TOO_MANY_REQUESTS,
  ACCOUNT_DISABLED: HttpStatus.FORBIDDEN,
  TOKEN_EXPIRED: HttpStatus.UNAUTHORIZED,
  SESSION_REVOKED: HttpStatus.UNAUTHORIZED,
  INVALID_REFRESH_TOKEN: HttpStatus.UNAUTHORIZED,
  // Orders (libs/orders: ORDER_ERROR_CODES and ORDER_SERVICE_ERROR_CODES).
  ORDER_NOT_FOUND: HttpStatus.NOT_FOUND,
  ORDER_TRANSITION_NOT_ALLOWED: HttpStatus.CONFLICT,
  ORDER_ACTOR_NOT_ALLOWED: HttpStatus.FORBIDDEN,
  ORDER_PLAN_REQUIRED: HttpStatus.CONFLICT,
  ORDER_HOLD_EXPIRED: HttpStatus.CONFLICT,
  ORDER_HOLD_NOT_DUE: HttpStatus.CONFLICT,
  ORDER_DEADLINE_NOT_DUE: HttpStatus.CONFLICT,
  ORDER_NUMBER_TAKEN: HttpStatus.CONFLICT,
  ORDER_NOT_EDITABLE: HttpStatus.CONFLICT,
  NUMBER_UNAVAILABLE: HttpStatus.CONFLICT,
  HOLD_LIMIT_REACHED: HttpStatus.CONFLICT,
  HOLD_EXTENSION_LIMIT: HttpStatus.CONFLICT,
  PLAN_NOT_FOUND: HttpStatus.BAD_REQUEST,
  PLAN_NOT_ALLOWED_FOR_GRADE: HttpStatus.BAD_REQUEST,
  FEATURE_NOT_FOUND: HttpStatus.BAD_REQUEST,
  FEATURES_CONFLICT: HttpStatus.BAD_REQUEST,
  AGREEMENT_OUTDATED: HttpStatus.CONFLICT,
  // Payments (libs/payments: PAYMENT_ERROR_CODES) and provider webhooks.
  ORDER_NOT_PAYABLE: HttpStatus.CONFLICT,
  PAYMENT_IN_PROGRESS: HttpStatus.CONFLICT,
  PAYMENT_PROVIDER_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  PAYMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  PAYMENT_NOT_OPEN: HttpStatus.CONFLICT,
  WEBHOOK_SIGNATURE_INVALID: HttpStatus.BAD_REQUEST,
  WEBHOOK_MALFORMED: HttpStatus.BAD_REQUEST,
  // Documents (libs/documents: DOCUMENT_ERROR_CODES).
  UPLOAD_NOT_MULTIPART: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  UPLOAD_KIND_INVALID: HttpStatus.BAD_REQUEST,
  UPLOAD_FILENAME_INVALID: HttpStatus.BAD_REQUEST,
  UPLOAD_EMPTY: HttpStatus.BAD_REQUEST,
  UPLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UPLOAD_TOO_MANY_FILES: HttpStatus.BAD_REQUEST,
  UPLOAD_TYPE_NOT_ALLOWED: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  UPLOAD_POLYGLOT: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  UPLOAD_QUOTA_EXCEEDED: HttpStatus.CONFLICT,
  DOCUMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  // Dossiers, submissions and review (libs/verification: VERIFICATION_ERROR_CODES).
  DOSSIER_NOT_FOUND: HttpStatus.NOT_FOUND,
  DOSSIER_INVALID: HttpStatus.BAD_REQUEST,
  DOSSIER_DOCUMENT_NOT_USABLE: HttpStatus.BAD_REQUEST,
  DOSSIER_DOCUMENTS_INCOMPLETE: HttpStatus.BAD_REQUEST,
  DOSSIER_PURGED: HttpStatus.GONE,
  DOSSIER_VERSION_CONFLICT: HttpStatus.CONFLICT,
  SUBMISSION_NOT_FOUND: HttpStatus.NOT_FOUND,
  REVIEW_NOT_FOUND: HttpStatus.NOT_FOUND,
  REVIEW_NOT_READY: HttpStatus.CONFLICT,
  REVIEW_ALREADY_DECIDED: HttpStatus.CONFLICT,
  REVIEW_REASONS_REQUIRED: HttpStatus.BAD_REQUEST,
  // Live services and re-verification (libs/compliance: COMPLIANCE_ERROR_CODES).
  SERVICE_NOT_FOUND: HttpStatus.NOT_FOUND,
  SERVICE_TRANSITION_NOT_ALLOWED: HttpStatus.CONFLICT,
  CAMPAIGN_NOT_FOUND: HttpStatus.NOT_FOUND,
  CAMPAIGN_INVALID: HttpStatus.BAD_REQUEST,
  TASK_NOT_FOUND: HttpStatus.NOT_FOUND,
  TASK_ALREADY_COMPLETED: HttpStatus.CONFLICT,
  TASK_DOSSIER_INVALID: HttpStatus.BAD_REQUEST,
  // Back office (issue 7): pipeline and order actions (libs/sales, staff actions).
  ASSIGNEE_INVALID: HttpStatus.BAD_REQUEST,
  MENTION_UNKNOWN: HttpStatus.BAD_REQUEST,
  PAYMENT_AMOUNT_MISMATCH: HttpStatus.BAD_REQUEST,
  BANK_TRANSFER_DUPLICATE: HttpStatus.CONFLICT,
  REFUND_NOT_ALLOWED: HttpStatus.CONFLICT,
  REFUND_EXCEEDS_PAID: HttpStatus.BAD_REQUEST,
  DEADLINE_NOT_EXTENDABLE: HttpStatus.CONFLICT,
  NOTIFICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  // Inventory, catalog and staff administration.
  IMPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  IMPORT_FILE_INVALID: HttpStatus.BAD_REQUEST,
  REGRADE_IN_PROGRESS: HttpStatus.CONFLICT,
  REGRADE_NOT_FOUND: HttpStatus.NOT_FOUND,
  GRADING_RULES_INVALID: HttpStatus.BAD_REQUEST,
  NUMBER_NOT_RETIRABLE: HttpStatus.CONFLICT,
  NUMBER_NOT_HELD: HttpStatus.CONFLICT,
  CATALOG_INVALID: HttpStatus.BAD_REQUEST,
  CATALOG_VERSION_CONFLICT: HttpStatus.CONFLICT,
  CATALOG_NOT_FOUND: HttpStatus.NOT_FOUND,
  STAFF_NOT_FOUND: HttpStatus.NOT_FOUND,
  STAFF_LAST_ADMIN: HttpStatus.CONFLICT,
  // Reports.
  REPORT_PERIOD_INVALID: HttpStatus.BAD_REQUEST,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
} as const satisfies Record<string, HttpStatus>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export interface FieldError {
  field: string;
  errors: string[];
  /** Stable codes of the errors, where the check has them (e.g. a search's QUERY_ERROR_CODES). */
  codes?: string[];
}

/** The JSON body of every error response. */
export interface ApiErrorBody {
  statusCode: number;
  code: ApiErrorCode | string;
  message: string;
  fields?: FieldError[];
  [detail: string]: unknown;
}

/** An error meant for the client: a stable code, a human message, and for validation the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Machine-readable detail beside the code, e.g. the parse reason of a malformed number. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
}

/**
 * The code of a bare HTTP status (a framework 404, a Fastify 400, a library's 429): the
 * generic code of each status, whatever specific codes share it.
 */
export const GENERIC_CODE_OF_STATUS: Readonly<Partial<Record<number, ApiErrorCode>>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'MALFORMED_REQUEST',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};
