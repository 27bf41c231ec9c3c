import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { SalesError, type SalesErrorCode } from '@haoma/sales';
import { ApiError, type ApiErrorCode } from '../common/api-error';

// Fails to compile when libs/sales gains a code that API_ERROR_STATUS does not know.
const API_CODE_OF = {
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  ASSIGNEE_INVALID: 'ASSIGNEE_INVALID',
  MENTION_UNKNOWN: 'MENTION_UNKNOWN',
  INVALID_QUERY: 'INVALID_QUERY',
} as const satisfies Record<SalesErrorCode, ApiErrorCode>;

/** A sales refusal as the API answers it (details such as the unknown mentions beside the code). */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof SalesError)) return error;
  return new ApiError(API_CODE_OF[error.code], error.message, undefined, error.details);
}

/** Turns SalesErrors thrown by a controller into ApiErrors. */
@Injectable()
export class SalesErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toApiError(error))));
  }
}
