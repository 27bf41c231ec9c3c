import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { DeadlineExtensionError } from '@haoma/orders';
import { StaffPaymentError, type StaffPaymentErrorCode } from '@haoma/payments';
import { ApiError, type ApiErrorCode } from '../common/api-error';
import { toApiError } from '../orders/order-error.interceptor';

// Every staff payment code is an API code: this fails to compile when libs/payments gains one
// that API_ERROR_STATUS does not know.
const API_CODE_OF = {
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  ORDER_NOT_PAYABLE: 'ORDER_NOT_PAYABLE',
  PAYMENT_AMOUNT_MISMATCH: 'PAYMENT_AMOUNT_MISMATCH',
  BANK_TRANSFER_DUPLICATE: 'BANK_TRANSFER_DUPLICATE',
  REFUND_NOT_ALLOWED: 'REFUND_NOT_ALLOWED',
  REFUND_EXCEEDS_PAID: 'REFUND_EXCEEDS_PAID',
  REFUND_NOT_FOUND: 'NOT_FOUND',
} as const satisfies Record<StaffPaymentErrorCode, ApiErrorCode>;

/** A cursor this API did not hand out. */
export class InvalidStaffCursorError extends Error {}

/** A refusal of a staff order action (payments, deadlines, the order workflow) as the API answers it. */
export function toStaffActionApiError(error: unknown): unknown {
  if (error instanceof StaffPaymentError)
    return new ApiError(API_CODE_OF[error.code], error.message, undefined, error.details);
  if (error instanceof DeadlineExtensionError)
    return new ApiError('DEADLINE_NOT_EXTENDABLE', error.message, undefined, error.details);
  if (error instanceof InvalidStaffCursorError)
    return new ApiError('INVALID_QUERY', error.message, [
      { field: 'cursor', errors: [error.message], codes: ['INVALID_CURSOR'] },
    ]);
  return toApiError(error);
}

/** Turns the libraries' refusals thrown by the staff action controller into ApiErrors. */
@Injectable()
export class StaffActionErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toStaffActionApiError(error))));
  }
}
