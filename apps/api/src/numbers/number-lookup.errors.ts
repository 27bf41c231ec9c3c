import type { ParseErrorCode } from '@haoma/domain';
import { ApiError } from '../common/api-error';

/** Input that is not a 400 number, with the parser's reason code. */
export class InvalidNumberError extends ApiError {
  constructor(
    readonly reason: ParseErrorCode,
    message: string,
  ) {
    super('INVALID_NUMBER', message, undefined, { reason });
    this.name = 'InvalidNumberError';
  }
}
