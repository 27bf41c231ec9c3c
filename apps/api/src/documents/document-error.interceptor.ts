import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { DocumentError, type DocumentErrorCode } from '@haoma/documents';
import { ApiError, type ApiErrorCode } from '../common/api-error';

// Every document code is an API code with a status: this fails to compile when
// libs/documents gains a code the API does not map.
const API_CODE_OF = {
  UPLOAD_NOT_MULTIPART: 'UPLOAD_NOT_MULTIPART',
  UPLOAD_KIND_INVALID: 'UPLOAD_KIND_INVALID',
  UPLOAD_FILENAME_INVALID: 'UPLOAD_FILENAME_INVALID',
  UPLOAD_EMPTY: 'UPLOAD_EMPTY',
  UPLOAD_TOO_LARGE: 'UPLOAD_TOO_LARGE',
  UPLOAD_TOO_MANY_FILES: 'UPLOAD_TOO_MANY_FILES',
  UPLOAD_TYPE_NOT_ALLOWED: 'UPLOAD_TYPE_NOT_ALLOWED',
  UPLOAD_POLYGLOT: 'UPLOAD_POLYGLOT',
  UPLOAD_QUOTA_EXCEEDED: 'UPLOAD_QUOTA_EXCEEDED',
  DOCUMENT_NOT_FOUND: 'DOCUMENT_NOT_FOUND',
  DOCUMENT_ATTACHED: 'CONFLICT',
} as const satisfies Record<DocumentErrorCode, ApiErrorCode>;

/** A document refusal as the API answers it: its code, message and details in the body. */
export function toDocumentApiError(error: unknown): unknown {
  if (!(error instanceof DocumentError)) return error;
  return new ApiError(API_CODE_OF[error.code], error.message, undefined, error.details);
}

/** Turns DocumentErrors thrown by a controller into ApiErrors the exception filter answers. */
@Injectable()
export class DocumentErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toDocumentApiError(error))));
  }
}
