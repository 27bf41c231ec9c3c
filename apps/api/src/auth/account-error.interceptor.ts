import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import { AccountError, type AccountErrorCode } from '@haoma/accounts';
import { ApiError, type ApiErrorCode, type FieldError } from '../common/api-error';

// Every accounts code is an API code: this fails to compile when one is added to the
// library without a status in API_ERROR_STATUS.
const API_CODE_OF = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  SESSION_REVOKED: 'SESSION_REVOKED',
  INVALID_REFRESH_TOKEN: 'INVALID_REFRESH_TOKEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
} as const satisfies Record<AccountErrorCode, ApiErrorCode>;

/**
 * An accounts refusal as the API answers it: fields grouped with their codes, and for a
 * locked account the Retry-After header (set on `reply`) and `retryAfterSeconds`.
 */
export function toApiError(error: unknown, reply?: FastifyReply): unknown {
  if (!(error instanceof AccountError)) return error;
  const { fields, retryAfterSeconds } = error.details;
  let grouped: FieldError[] | undefined;
  if (fields) {
    const byField = new Map<string, FieldError & { codes: string[] }>();
    for (const f of fields) {
      const entry = byField.get(f.field) ?? { field: f.field, errors: [], codes: [] };
      entry.errors.push(f.message);
      entry.codes.push(f.code);
      byField.set(f.field, entry);
    }
    grouped = [...byField.values()];
  }
  if (retryAfterSeconds !== undefined) void reply?.header('Retry-After', String(retryAfterSeconds));
  return new ApiError(
    API_CODE_OF[error.code],
    error.message,
    grouped,
    retryAfterSeconds === undefined ? undefined : { retryAfterSeconds },
  );
}

/** Turns AccountErrors thrown by a controller into ApiErrors the exception filter answers. */
@Injectable()
export class AccountErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toApiError(error, reply))));
  }
}
