import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { CustomerOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { PaymentErrorInterceptor } from './payment-error.interceptor';
import { ListPaymentsQuery } from './payment.request';
import { CheckoutResponse, PaymentListResponse } from './payment.response';
import { PaymentsService } from './payments.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** Paying one of the customer's orders, and its payments and refunds. */
@ApiTags('payments')
@ApiBearerAuth()
@CustomerOnly()
@UseInterceptors(PaymentErrorInterceptor)
@Controller('api/v1/orders/:id')
@ApiParam({ name: 'id', type: String, format: 'uuid' })
@ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND (also for another customer’s order)' })
export class OrderPaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('checkout')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Start paying a signed order: a Checkout Session in CNY (card, Alipay, WeChat Pay)',
    description:
      'The amount and lines are the order’s server-computed price. Calling again returns the same ' +
      'open session; a changed amount replaces it (the old one is expired). A hold ending within ' +
      '31 minutes is extended so the session can live Stripe’s minimum 30 minutes (not counted ' +
      'against the customer’s extensions). The order moves on when the provider’s event arrives.',
  })
  @ApiOkResponse({ type: CheckoutResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the id is not a UUID' })
  @ApiConflictResponse({
    description:
      'ORDER_NOT_PAYABLE (not awaiting payment, with `status`), ORDER_HOLD_EXPIRED, PAYMENT_IN_PROGRESS ' +
      '(the previous session was completed and is being applied)',
  })
  @ApiServiceUnavailableResponse({ description: 'PAYMENT_PROVIDER_UNAVAILABLE: retrying is safe' })
  checkout(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<CheckoutResponse> {
    const publicUrl = this.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
    return this.payments.checkout(account.id, id, publicUrl);
  }

  @Get('payments')
  @ApiOperation({ summary: 'The order’s payments (newest first), each with its refunds' })
  @ApiOkResponse({ type: PaymentListResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY (a cursor that is not ours)' })
  list(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Query() query: ListPaymentsQuery,
  ): Promise<PaymentListResponse> {
    return this.payments.list(account.id, id, query);
  }
}
