import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AccountsService } from '@haoma/accounts';
import { recordAudit, type AuditContext } from '@haoma/audit';
import { JobProducer, QUEUE_NAMES } from '@haoma/jobs';
import { bearerToken } from '../auth/access.guard';
import { toApiError } from '../auth/account-error.interceptor';
import { clientInfo } from '../auth/client-info';
import { ApiError, type ApiErrorCode } from '../common/api-error';
import {
  checkDashboardTicket,
  dashboardKey,
  dashboardTicketOf,
  QUEUE_DASHBOARD_PATH,
} from './queue-dashboard-session';

/** Dashboard actions too blunt for a browser click: adding raw jobs, emptying or destroying a queue. */
const REFUSED_ROUTES = new Set([
  `${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/add`,
  `${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/empty`,
  `${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/obliterate`,
]);

type DashboardRequest = FastifyRequest & { queueAdmin?: { id: string } };

function refuse(reply: FastifyReply, code: ApiErrorCode, message: string): FastifyReply {
  const error = new ApiError(code, message);
  if (error.status === 401) void reply.header('WWW-Authenticate', 'Bearer realm="haoma"');
  return reply
    .code(error.status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ statusCode: error.status, code, message });
}

/**
 * Bull Board at /admin/queues, for admins only. Its routes are plain Fastify routes, not Nest
 * controllers, so the API's global guard never sees them: an onRequest hook scoped to this
 * prefix checks every request first — an admin's bearer access token (API clients), or the
 * short-lived HttpOnly ticket cookie a browser gets from POST /api/v1/admin/queues/session
 * (see QueueDashboardController). Anonymous → 401, anyone else → 403. Every queue of
 * QUEUE_NAMES is shown; each action an admin takes there lands in the audit log.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const logger = new Logger('QueueDashboard');
  const accounts = app.get(AccountsService);
  const dataSource = app.get(DataSource);
  const producer = app.get(JobProducer);
  const key = dashboardKey(accounts.policy.secret);

  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(producer.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Haoma queues' } },
  });

  async function admit(request: DashboardRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const token = bearerToken(request.headers.authorization);
    if (token) {
      let principal;
      try {
        principal = await accounts.authenticate(token);
      } catch (error) {
        const refusal = toApiError(error);
        return refusal instanceof ApiError
          ? refuse(reply, refusal.code, refusal.message)
          : refuse(reply, 'UNAUTHENTICATED', 'The access token is not valid.');
      }
      if (principal.kind !== 'staff' || principal.role !== 'admin')
        return refuse(reply, 'FORBIDDEN', 'The queue dashboard is for admin staff.');
      request.queueAdmin = { id: principal.id };
    } else {
      const ticket = dashboardTicketOf(request.headers.cookie);
      const admin = ticket ? await checkDashboardTicket(dataSource, key, ticket, new Date()) : undefined;
      if (!admin)
        return refuse(
          reply,
          'UNAUTHENTICATED',
          'Log in first: send an admin access token, or POST /api/v1/admin/queues/session with it for a browser cookie.',
        );
      request.queueAdmin = { id: admin.id };
    }
    if (REFUSED_ROUTES.has(request.routeOptions.url ?? ''))
      return refuse(reply, 'FORBIDDEN', 'This queue action is not available from the dashboard.');
    return undefined;
  }

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request: DashboardRequest, reply) => {
        await admit(request, reply);
      });
      // What an admin did with the queues (retry, clean, pause…), in the audit log.
      scope.addHook('onResponse', async (request: DashboardRequest, reply) => {
        if (!request.queueAdmin || ['GET', 'HEAD'].includes(request.method) || reply.statusCode >= 300)
          return;
        const client = clientInfo(request);
        const context: AuditContext = {
          actor: `staff:${request.queueAdmin.id}`,
          actorId: request.queueAdmin.id,
          actorRole: 'admin',
          ip: client.ip ?? null,
          userAgent: client.userAgent ?? null,
          request: `${request.method} ${request.routeOptions.url ?? ''}`.slice(0, 300),
        };
        const params = (request.params ?? {}) as Record<string, string>;
        try {
          await recordAudit(
            dataSource.manager,
            {
              action: 'queue.dashboard_action',
              targetType: 'queue',
              targetId: params['queueName'] ?? null,
              after: { params, status: reply.statusCode },
            },
            context,
          );
        } catch (error) {
          logger.error(`could not audit ${context.request}: ${String(error)}`);
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
