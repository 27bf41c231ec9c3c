import { Injectable, type PipeTransform } from '@nestjs/common';
import { parseNumber } from '@haoma/domain';
import { InvalidNumberError } from './number-lookup.errors';

/** Turns a number as people write it into its canonical 10 digits, or refuses it with the reason. */
@Injectable()
export class ParseNumberPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const parsed = parseNumber(typeof value === 'string' ? value : '');
    if (!parsed.ok) throw new InvalidNumberError(parsed.reason, parsed.message);
    return parsed.digits;
  }
}
