import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffOnly } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';
import { StaffActionErrorInterceptor } from './staff-action-error.interceptor';
import { StaffActionsService } from './staff-actions.service';
import {
  BankTransferRequest,
  DeadlineExtensionRequest,
  IDEMPOTENCY_KEY,
  StaffCancelRequest,
  StaffNotificationsQuery,
  StaffRefundRequest,
} from './staff-actions.request';
import {
  BankTransferResponse,
  DeadlineExtensionResponse,
  ResendNotificationResponse,
  StaffNotificationListResponse,
  StaffOrderStateResponse,
  StaffPaymentListResponse,
  StaffRefundIssuedResponse,
} from './staff-actions.response';

/**
 * What sales (and admins) do to an order besides moving it through the pipeline: record a
 * bank transfer, refund, cancel, give more time, send a message again. Every change is
 * audited with before and after.
 */
@ApiTags('staff: order actions')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no or an expired staff token' })
@ApiForbiddenResponse({ description: 'FORBIDDEN: a customer, or a staff role the route does not name' })
@UseInterceptors(StaffActionErrorInterceptor)
@Controller('api/v1/staff/orders/:id')
export class StaffActionsController {
  constructor(private readonly actions: StaffActionsService) {}

  @Post('bank-transfers')
  @StaffOnly('sales', 'admin')
  @ApiOperation({
    summary: 'Record a bank transfer (对公转账) that pays the order',
    description:
      'Roles: sales, admin. The amount must be the order total. Moves the order as a card payment ' +
      'would: awaiting_payment → awaiting_documents (number locked, documents deadline set); expired → ' +
      'reclaimed when the number is free, else refunded in full (settled by hand) and cancelled. An ' +
      'open checkout session is left open (a later card payment is refunded as a duplicate).',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiCreatedResponse({ type: BankTransferResponse })
  @ApiBadRequestResponse({ description: 'PAYMENT_AMOUNT_MISMATCH (with expectedFen), VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'BANK_TRANSFER_DUPLICATE (reference recorded), ORDER_NOT_PAYABLE' })
  bankTransfer(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: BankTransferRequest,
  ): Promise<BankTransferResponse> {
    return this.actions.recordBankTransfer(account, id, body);
  }

  @Get('payments')
  @StaffOnly()
  @ApiOperation({
    summary: "The order's payments (checkout sessions, bank transfers) with their refunds",
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffPaymentListResponse })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  payments(@Param('id', ParseUuidParamPipe) id: string): Promise<StaffPaymentListResponse> {
    return this.actions.listPayments(id);
  }

  @Post('refunds')
  @StaffOnly('admin')
  @ApiOperation({
    summary: "Refund part or all of what is left of the order's payment",
    description:
      'Roles: admin. Recorded pending with the job that asks the provider; a bank-transfer payment ' +
      'is refunded by hand (settlement `manual`; settle it with POST /api/v1/staff/refunds/{refundId}/settle). ' +
      'With an Idempotency-Key, a repeat of the request answers 200 with the refund it made ' +
      '(`created: false`) and refunds nothing more; without one, each request is a new refund.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      '8–200 letters, digits, `_` and `-`; one per refund decision (a double click sends it twice)',
  })
  @ApiCreatedResponse({ type: StaffRefundIssuedResponse })
  @ApiOkResponse({ type: StaffRefundIssuedResponse, description: 'A repeat (same Idempotency-Key)' })
  @ApiBadRequestResponse({
    description: 'REFUND_EXCEEDS_PAID (with remainingFen), VALIDATION_FAILED (body, Idempotency-Key)',
  })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'REFUND_NOT_ALLOWED: nothing was paid, or the Idempotency-Key was used for another amount',
  })
  async refund(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: StaffRefundRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffRefundIssuedResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new ApiError('VALIDATION_FAILED', 'Idempotency-Key is not valid', [
        { field: 'Idempotency-Key', errors: ['Idempotency-Key must be 8–200 letters, digits, _ or -'] },
      ]);
    const issued = await this.actions.issueRefund(account, id, body, idempotencyKey);
    if (!issued.created) void reply.status(HttpStatus.OK);
    return issued;
  }

  @Post('cancel')
  @StaffOnly('sales', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel the order with a reason',
    description:
      'Roles: sales, admin. Any status before active; the number goes back on sale and a paid order ' +
      'is refunded per the refund policy. Cancelling a cancelled order changes nothing.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffOrderStateResponse })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORDER_TRANSITION_NOT_ALLOWED (active, ended, expired)' })
  cancel(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: StaffCancelRequest,
  ): Promise<StaffOrderStateResponse> {
    return this.actions.cancel(account, id, body);
  }

  @Post('deadline-extension')
  @StaffOnly('sales', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Give the order more time: the documents deadline, or the hold of an unpaid order',
    description:
      'Roles: sales, admin. `until` (a time) or `by` (`7d`, `12h`), and a reason. The new deadline ' +
      'must be later than the current one and at most 90 days out; the customer is told.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: DeadlineExtensionResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (both or neither of until and by)' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'DEADLINE_NOT_EXTENDABLE: no deadline in this status, not later, or beyond 90 days',
  })
  extendDeadline(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: DeadlineExtensionRequest,
  ): Promise<DeadlineExtensionResponse> {
    return this.actions.extendDeadline(account, id, body);
  }

  @Get('notifications')
  @StaffOnly()
  @ApiOperation({
    summary: "The order's messages, newest first (keyset pages)",
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffNotificationListResponse })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY (cursor), VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  notifications(
    @Param('id', ParseUuidParamPipe) id: string,
    @Query() query: StaffNotificationsQuery,
  ): Promise<StaffNotificationListResponse> {
    return this.actions.listNotifications(id, query);
  }

  @Post('notifications/:notificationId/resend')
  @StaffOnly('sales', 'admin')
  @ApiOperation({
    summary: 'Send one of the order’s messages again (a copy, as it was first written)',
    description: 'Roles: sales, admin.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiParam({ name: 'notificationId', type: String, format: 'uuid' })
  @ApiCreatedResponse({ type: ResendNotificationResponse })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND, NOTIFICATION_NOT_FOUND (not this order’s)' })
  resend(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Param('notificationId', ParseUuidParamPipe) notificationId: string,
  ): Promise<ResendNotificationResponse> {
    return this.actions.resendNotification(account, id, notificationId);
  }
}
