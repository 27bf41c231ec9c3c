import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '@haoma/accounts';

/** Where a request came from, as a session records it. */
export function clientInfo(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}
