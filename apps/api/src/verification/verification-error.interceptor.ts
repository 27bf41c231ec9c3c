import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import type { DossierFieldError } from '@haoma/domain';
import { VerificationError, type VerificationErrorCode } from '@haoma/verification';
import { ApiError, type ApiErrorCode } from '../common/api-error';
import { toApiError as orderToApiError } from '../orders/order-error.interceptor';

// Fails to compile when libs/verification gains a code that API_ERROR_STATUS does not know.
const API_CODE_OF = {
  DOSSIER_NOT_FOUND: 'DOSSIER_NOT_FOUND',
  DOSSIER_INVALID: 'DOSSIER_INVALID',
  DOSSIER_DOCUMENT_NOT_USABLE: 'DOSSIER_DOCUMENT_NOT_USABLE',
  DOSSIER_DOCUMENTS_INCOMPLETE: 'DOSSIER_DOCUMENTS_INCOMPLETE',
  DOSSIER_PURGED: 'DOSSIER_PURGED',
  DOSSIER_VERSION_CONFLICT: 'DOSSIER_VERSION_CONFLICT',
  SUBMISSION_NOT_FOUND: 'SUBMISSION_NOT_FOUND',
  REVIEW_NOT_FOUND: 'REVIEW_NOT_FOUND',
  REVIEW_NOT_READY: 'REVIEW_NOT_READY',
  REVIEW_ALREADY_DECIDED: 'REVIEW_ALREADY_DECIDED',
  REVIEW_REASONS_REQUIRED: 'REVIEW_REASONS_REQUIRED',
} as const satisfies Record<VerificationErrorCode, ApiErrorCode>;

/** A verification (or order) refusal as the API answers it; form errors become the body's `fields`. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof VerificationError)) return orderToApiError(error);
  if (error.code === 'DOSSIER_INVALID') {
    const fieldErrors = (error.details['fields'] ?? []) as DossierFieldError[];
    return new ApiError(
      'DOSSIER_INVALID',
      error.message,
      fieldErrors.map((f) => ({ field: `form.${f.field}`, errors: [f.message], codes: [f.code] })),
    );
  }
  return new ApiError(API_CODE_OF[error.code], error.message, undefined, error.details);
}

/** Turns VerificationErrors and OrderErrors thrown by a controller into ApiErrors. */
@Injectable()
export class VerificationErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toApiError(error))));
  }
}
