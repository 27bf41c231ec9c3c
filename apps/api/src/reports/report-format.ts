import type { FastifyReply } from 'fastify';
import { toCsv, type CsvValue } from '@haoma/domain';
import type { ReportFormat } from './reports.request';

/** CSV when `format=csv`, or without `format` when the client accepts text/csv. */
export function wantsCsv(format: ReportFormat | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return /(^|,)\s*text\/csv\b/i.test(accept ?? '');
}

/**
 * Answers a report's rows as a CSV download (`<name>.csv`); `columns` fix the header and
 * the order, the same keys as the JSON rows.
 */
export function sendCsv<Row extends Record<string, CsvValue>>(
  reply: FastifyReply,
  fileName: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  void reply.headers({
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}.csv"`,
    'cache-control': 'private, no-store',
  });
  return toCsv(columns, rows);
}
