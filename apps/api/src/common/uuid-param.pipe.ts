import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id must be a UUID: anything else is a 400 naming the parameter, never a database error. */
@Injectable()
export class ParseUuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: { data?: string }): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    const message = `${field} must be a UUID`;
    throw new ApiError('VALIDATION_FAILED', message, [{ field, errors: [message] }]);
  }
}
