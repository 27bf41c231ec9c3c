import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import type { OrderErrorCode } from '@haoma/domain';
import { OrderError, type OrderServiceErrorCode } from '@haoma/orders';
import { ApiError, type ApiErrorCode } from '../common/api-error';

// Every order code is an API code with a status: this fails to compile when the workflow
// or the order services gain a code that API_ERROR_STATUS does not know.
const API_CODE_OF = {
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  ORDER_TRANSITION_NOT_ALLOWED: 'ORDER_TRANSITION_NOT_ALLOWED',
  ORDER_ACTOR_NOT_ALLOWED: 'ORDER_ACTOR_NOT_ALLOWED',
  ORDER_PLAN_REQUIRED: 'ORDER_PLAN_REQUIRED',
  ORDER_HOLD_EXPIRED: 'ORDER_HOLD_EXPIRED',
  ORDER_HOLD_NOT_DUE: 'ORDER_HOLD_NOT_DUE',
  ORDER_DEADLINE_NOT_DUE: 'ORDER_DEADLINE_NOT_DUE',
  ORDER_NUMBER_TAKEN: 'ORDER_NUMBER_TAKEN',
  NUMBER_NOT_FOUND: 'NUMBER_NOT_FOUND',
  NUMBER_UNAVAILABLE: 'NUMBER_UNAVAILABLE',
  HOLD_LIMIT_REACHED: 'HOLD_LIMIT_REACHED',
  HOLD_EXTENSION_LIMIT: 'HOLD_EXTENSION_LIMIT',
  PLAN_NOT_FOUND: 'PLAN_NOT_FOUND',
  PLAN_NOT_ALLOWED_FOR_GRADE: 'PLAN_NOT_ALLOWED_FOR_GRADE',
  FEATURE_NOT_FOUND: 'FEATURE_NOT_FOUND',
  FEATURES_CONFLICT: 'FEATURES_CONFLICT',
  AGREEMENT_OUTDATED: 'AGREEMENT_OUTDATED',
  ORDER_NOT_EDITABLE: 'ORDER_NOT_EDITABLE',
} as const satisfies Record<OrderErrorCode | OrderServiceErrorCode, ApiErrorCode>;

/** An ApiError whose details (lists included: agreements, features, suggestions) go into the body as they are. */
export function apiError(code: ApiErrorCode, message: string, details: Record<string, unknown>): ApiError {
  return new ApiError(code, message, undefined, details);
}

/** An order refusal as the API answers it: its code, message and details in the body. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof OrderError)) return error;
  return apiError(API_CODE_OF[error.code], error.message, error.details);
}

/** Turns OrderErrors thrown by a controller into ApiErrors the exception filter answers. */
@Injectable()
export class OrderErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toApiError(error))));
  }
}
