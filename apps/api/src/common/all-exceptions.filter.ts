import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { API_ERROR_STATUS, ApiError, type ApiErrorBody, type ApiErrorCode } from './api-error';

const CODE_OF_STATUS: Partial<Record<number, ApiErrorCode>> = Object.fromEntries(
  Object.entries(API_ERROR_STATUS).map(([code, status]) => [status, code as ApiErrorCode]),
);

/** Fastify's own client errors (bad JSON, wrong content type, body too large) keep their 4xx. */
function fastifyClientError(error: unknown): ApiErrorBody | undefined {
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof e.statusCode !== 'number' || e.statusCode < 400 || e.statusCode >= 500) return undefined;
  const code =
    e.statusCode === 400 ? 'MALFORMED_REQUEST' : (CODE_OF_STATUS[e.statusCode] ?? 'MALFORMED_REQUEST');
  return {
    statusCode: e.statusCode,
    code,
    message: typeof e.message === 'string' ? e.message : 'Bad request',
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
      const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST');
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
    return (
      fastifyClientError(exception) ?? {
        statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
        code: 'INTERNAL',
        message: 'Internal error',
      }
    );
  }
}
