import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';
import { StaffActionErrorInterceptor } from './staff-action-error.interceptor';
import { StaffActionsService } from './staff-actions.service';
import { RefundSettlementRequest } from './staff-actions.request';
import { StaffRefundSettledResponse } from './staff-actions.response';

/**
 * Refunds no provider can pay: a bank-transfer payment's refund stays pending until staff
 * send the money back from the company account and say so here.
 */
@ApiTags('staff: order actions')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no or an expired staff token' })
@ApiForbiddenResponse({ description: 'FORBIDDEN: a customer, or a staff role the route does not name' })
@UseInterceptors(StaffActionErrorInterceptor)
@Controller('api/v1/staff/refunds/:refundId')
export class StaffRefundsController {
  constructor(private readonly actions: StaffActionsService) {}

  @Post('settle')
  @StaffOnly('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Settle a bank-transfer refund paid back by hand (settlement `manual`)',
    description:
      'Roles: admin. The pending refund succeeds: the payment’s refunded amount grows and the ' +
      'customer is told, as when a provider settles a refund. The bank reference and the date are ' +
      'kept in the audit log. Once only: a settled refund, or a provider’s, is refused.',
  })
  @ApiParam({ name: 'refundId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffRefundSettledResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (reference, settledOn in the future)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such refund' })
  @ApiConflictResponse({
    description: 'REFUND_NOT_ALLOWED (with status, provider): not pending, or not a bank-transfer payment',
  })
  settle(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('refundId', ParseUuidParamPipe) refundId: string,
    @Body() body: RefundSettlementRequest,
  ): Promise<StaffRefundSettledResponse> {
    return this.actions.settleRefund(account, refundId, body);
  }
}
