import { Injectable, Logger, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { InvalidPaymentCursorError, PaymentError, type PaymentErrorCode } from '@haoma/payments';
import { ApiError, type ApiErrorCode } from '../common/api-error';

// Every payment refusal is an API code with a status: this fails to compile when libs/payments
// gains a code that API_ERROR_STATUS does not know.
const API_CODE_OF = {
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  ORDER_HOLD_EXPIRED: 'ORDER_HOLD_EXPIRED',
  ORDER_NOT_PAYABLE: 'ORDER_NOT_PAYABLE',
  PAYMENT_IN_PROGRESS: 'PAYMENT_IN_PROGRESS',
  PAYMENT_PROVIDER_UNAVAILABLE: 'PAYMENT_PROVIDER_UNAVAILABLE',
  PAYMENT_NOT_FOUND: 'PAYMENT_NOT_FOUND',
  PAYMENT_NOT_OPEN: 'PAYMENT_NOT_OPEN',
} as const satisfies Record<PaymentErrorCode, ApiErrorCode>;

const logger = new Logger('Payments');

/** A payment refusal as the API answers it; a provider failure is logged with its cause. */
export function toPaymentApiError(error: unknown): unknown {
  if (error instanceof InvalidPaymentCursorError)
    return new ApiError('INVALID_QUERY', error.message, [
      { field: 'cursor', errors: [error.message], codes: ['INVALID_CURSOR'] },
    ]);
  if (!(error instanceof PaymentError)) return error;
  if (error.code === 'PAYMENT_PROVIDER_UNAVAILABLE')
    logger.warn(`provider call failed: ${String(error.cause)}`);
  return new ApiError(API_CODE_OF[error.code], error.message, undefined, error.details);
}

/** Turns PaymentErrors thrown by a controller into ApiErrors the exception filter answers. */
@Injectable()
export class PaymentErrorInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toPaymentApiError(error))));
  }
}
