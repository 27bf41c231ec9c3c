import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { StaffAdminError } from '@haoma/accounts';
import { CatalogAdminError, type CatalogAdminErrorCode } from '@haoma/catalog';
import { InventoryAdminError, type InventoryAdminErrorCode } from '@haoma/inventory';
import { ApiError, type ApiErrorCode } from '../common/api-error';

// Every lib code is an API code: these fail to compile when a lib gains one the API does not know.
const INVENTORY_CODE = {
  IMPORT_NOT_FOUND: 'IMPORT_NOT_FOUND',
  IMPORT_FILE_INVALID: 'IMPORT_FILE_INVALID',
  REGRADE_IN_PROGRESS: 'REGRADE_IN_PROGRESS',
  REGRADE_NOT_FOUND: 'REGRADE_NOT_FOUND',
  GRADING_RULES_INVALID: 'GRADING_RULES_INVALID',
  NUMBER_NOT_FOUND: 'NUMBER_NOT_FOUND',
  NUMBER_NOT_RETIRABLE: 'NUMBER_NOT_RETIRABLE',
  NUMBER_NOT_HELD: 'NUMBER_NOT_HELD',
  CONFLICT: 'CONFLICT',
} as const satisfies Record<InventoryAdminErrorCode, ApiErrorCode>;

const CATALOG_CODE = {
  CATALOG_INVALID: 'CATALOG_INVALID',
  CATALOG_VERSION_CONFLICT: 'CATALOG_VERSION_CONFLICT',
  CATALOG_NOT_FOUND: 'CATALOG_NOT_FOUND',
} as const satisfies Record<CatalogAdminErrorCode, ApiErrorCode>;

/** An inventory, catalog or staff administration refusal as the API answers it. */
export function toAdminApiError(error: unknown): unknown {
  if (error instanceof InventoryAdminError)
    return new ApiError(INVENTORY_CODE[error.code], error.message, undefined, error.details);
  if (error instanceof CatalogAdminError)
    return new ApiError(CATALOG_CODE[error.code], error.message, undefined, error.details);
  if (error instanceof StaffAdminError) return new ApiError(error.code, error.message);
  return error;
}

/** Turns administration errors thrown by a controller into ApiErrors the exception filter answers. */
@Injectable()
export class AdminErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toAdminApiError(error))));
  }
}
