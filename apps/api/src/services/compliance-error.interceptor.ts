import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { ComplianceError, InvalidPageCursorError, type ComplianceErrorCode } from '@haoma/compliance';
import { ApiError, type ApiErrorCode } from '../common/api-error';

// Every compliance code is an API code: this fails to compile when libs/compliance gains one
// that API_ERROR_STATUS does not know.
const API_CODE_OF = {
  SERVICE_NOT_FOUND: 'SERVICE_NOT_FOUND',
  SERVICE_TRANSITION_NOT_ALLOWED: 'SERVICE_TRANSITION_NOT_ALLOWED',
  SERVICE_ACTOR_NOT_ALLOWED: 'FORBIDDEN',
  CAMPAIGN_NOT_FOUND: 'CAMPAIGN_NOT_FOUND',
  CAMPAIGN_INVALID: 'CAMPAIGN_INVALID',
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  TASK_ALREADY_COMPLETED: 'TASK_ALREADY_COMPLETED',
  TASK_DOSSIER_INVALID: 'TASK_DOSSIER_INVALID',
  AGREEMENT_OUTDATED: 'AGREEMENT_OUTDATED',
  DOSSIER_NOT_FOUND: 'DOSSIER_NOT_FOUND',
  DOSSIER_PURGED: 'DOSSIER_PURGED',
} as const satisfies Record<ComplianceErrorCode, ApiErrorCode>;

/** A compliance refusal (or a foreign cursor) as the API answers it. */
export function toComplianceApiError(error: unknown): unknown {
  if (error instanceof InvalidPageCursorError)
    return new ApiError('INVALID_QUERY', error.message, [
      { field: 'cursor', errors: [error.message], codes: ['INVALID_CURSOR'] },
    ]);
  if (!(error instanceof ComplianceError)) return error;
  return new ApiError(API_CODE_OF[error.code], error.message, undefined, error.details);
}

/** Turns ComplianceErrors thrown by a controller into ApiErrors the exception filter answers. */
@Injectable()
export class ComplianceErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toComplianceApiError(error))));
  }
}
