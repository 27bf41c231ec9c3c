import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../common/api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document id must be a UUID: anything else is a 400 naming the field, never a database error. */
@Injectable()
export class ParseDocumentIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    const message = 'id must be a document id (a UUID)';
    throw new ApiError('VALIDATION_FAILED', message, [{ field: 'id', errors: [message] }]);
  }
}
