import { Controller, HttpCode, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AccountsService } from '@haoma/accounts';
import { recordAudit } from '@haoma/audit';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import {
  dashboardCookie,
  dashboardKey,
  issueDashboardTicket,
  QUEUE_DASHBOARD_PATH,
} from './queue-dashboard-session';

export class QueueDashboardSessionResponse {
  @ApiProperty({ type: String, example: QUEUE_DASHBOARD_PATH }) path!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
}

/** How a browser gets into the queue dashboard: its admin bearer token, swapped for a cookie. */
@ApiTags('admin: operations')
@ApiBearerAuth()
@Controller('api/v1/admin/queues')
export class QueueDashboardController {
  private readonly key: Buffer;

  constructor(
    accounts: AccountsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = dashboardKey(accounts.policy.secret);
  }

  @Post('session')
  @StaffOnly('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'A cookie for the queue dashboard at /admin/queues (admin)',
    description:
      'Sets a 15-minute HttpOnly, SameSite=Strict cookie scoped to /admin/queues, bound to this ' +
      'session: logging out, deactivation or losing the admin role ends it at once.',
  })
  @ApiOkResponse({ type: QueueDashboardSessionResponse })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an admin' })
  async open(
    @CurrentAccount() account: AuthenticatedAccount,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QueueDashboardSessionResponse> {
    const { ticket, expiresAt } = issueDashboardTicket(
      this.key,
      { id: account.id, sessionId: account.sessionId },
      new Date(),
    );
    await recordAudit(this.dataSource.manager, {
      action: 'queue_dashboard.session_opened',
      targetType: 'staff',
      targetId: account.id,
      after: { expiresAt: expiresAt.toISOString() },
    });
    void reply
      .header('set-cookie', dashboardCookie(ticket, this.config.NODE_ENV === 'production'))
      .header('cache-control', 'no-store');
    return { path: QUEUE_DASHBOARD_PATH, expiresAt: expiresAt.toISOString() };
  }
}
