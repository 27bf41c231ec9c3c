import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
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
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CustomerOnly } from '../auth/access.decorator';
import { clientInfo } from '../auth/client-info';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { OrderErrorInterceptor } from './order-error.interceptor';
import { SelectionRequest, SignatureRequest } from './order.request';
import { OrderResponse } from './order.response';
import { OrdersService } from './orders.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** The customer's steps on an order before payment: choose, extend the hold, sign. */
@ApiTags('orders')
@ApiBearerAuth()
@CustomerOnly()
@UseInterceptors(OrderErrorInterceptor)
@Controller('api/v1/orders/:id')
@ApiParam({ name: 'id', type: String, format: 'uuid' })
@ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND (also for another customer’s order)' })
export class OrderStepsController {
  constructor(private readonly orders: OrdersService) {}

  @Put('selection')
  @ApiOperation({
    summary: 'Choose the plan and features; the server prices them from the current catalog',
    description:
      'Only while `selecting` and the hold runs. Prices are never accepted from the client; ' +
      'choosing again replaces the previous choice.',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED, PLAN_NOT_FOUND, FEATURE_NOT_FOUND, PLAN_NOT_ALLOWED_FOR_GRADE (with ' +
      '`cheapestPlanCode`), FEATURES_CONFLICT (with the two `featureCodes`)',
  })
  @ApiConflictResponse({ description: 'ORDER_NOT_EDITABLE, ORDER_HOLD_EXPIRED' })
  choose(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: SelectionRequest,
  ): Promise<OrderResponse> {
    return this.orders.choose(account.id, id, body);
  }

  @Post('hold-extension')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Extend the hold by HOLD_EXTENSION (HOLD_MAX_EXTENSIONS times at most)' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiConflictResponse({ description: 'HOLD_EXTENSION_LIMIT, ORDER_HOLD_EXPIRED, ORDER_NOT_EDITABLE' })
  extend(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<OrderResponse> {
    return this.orders.extend(account.id, id);
  }

  @Post('signature')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign the current service and 400 supplement agreements; the order awaits payment',
    description:
      'Name the versions shown to the signer (GET /api/v1/agreements). Signer, time, IP and user ' +
      'agent are recorded with each version’s sha256. Signing again is a no-op.',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({
    description:
      'AGREEMENT_OUTDATED (with the `current` versions), ORDER_PLAN_REQUIRED, ORDER_HOLD_EXPIRED, ' +
      'ORDER_TRANSITION_NOT_ALLOWED',
  })
  sign(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: SignatureRequest,
    @Req() request: FastifyRequest,
  ): Promise<OrderResponse> {
    return this.orders.sign(account.id, id, body, clientInfo(request));
  }
}
