import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiError, GENERIC_CODE_OF_STATUS, type ApiErrorBody } from './api-error';

// PostgreSQL's query_canceled: the statement timeout stopped a query that ran too long.
const PG_QUERY_CANCELED = '57014';

/** Fastify's own client errors (bad JSON or URL, wrong content type, body too large) keep their 4xx. */
export function fastifyClientError(error: unknown): ApiErrorBody | undefined {
  const e = error as { statusCode?: unknown; message?: unknown };
  if (typeof e.statusCode !== 'number' || e.statusCode < 400 || e.statusCode >= 500) return undefined;
  return {
    statusCode: e.statusCode,
    code: GENERIC_CODE_OF_STATUS[e.statusCode] ?? 'MALFORMED_REQUEST',
    // Fastify's messages may echo the request: never a whole over-long URL.
    message:
      e.statusCode === 414
        ? 'The request URL is too long.'
        : typeof e.message === 'string'
          ? e.message.slice(0, 200)
          : 'Bad request',
  };
}

/**
 * The one place errors become responses: JSON with a stable code and a human message, never
 * a stack trace; anything unexpected is logged and answered as a plain 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.code === 'INTERNAL') {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ApiError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...exception.details,
        ...(exception.fields ? { fields: exception.fields } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
      const code = GENERIC_CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST');
      // Structured detail an exception carries (e.g. the health check's per-service status)
      // is kept beside the envelope's fields.
      const {
        statusCode: _s,
        message: _m,
        error: _e,
        ...detail
      } = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      return {
        ...detail,
        statusCode: status,
        code,
        message: status >= 500 && code === 'INTERNAL' ? 'Internal error' : message,
      };
    }
    if ((exception as { code?: unknown }).code === PG_QUERY_CANCELED) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The query took too long; narrow it down or try again.',
      };
    }
    return (
      fastifyClientError(exception) ?? {
        statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
        code: 'INTERNAL',
        message: 'Internal error',
      }
    );
  }
}
