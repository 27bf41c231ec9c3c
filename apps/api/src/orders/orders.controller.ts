import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CustomerOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { InvalidNumberErrorResponse } from '../numbers/number.response';
import { OrderErrorInterceptor } from './order-error.interceptor';
import { CancelOrderRequest, CreateOrderRequest, ListOrdersQuery } from './order.request';
import { NumberUnavailableErrorResponse, OrderListResponse, OrderResponse } from './order.response';
import { OrdersService } from './orders.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** A customer's orders: open one by holding a number, list them, read one. */
@ApiTags('orders')
@ApiBearerAuth()
@CustomerOnly()
@UseInterceptors(OrderErrorInterceptor)
@Controller('api/v1/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @ApiOperation({
    summary: 'Hold a number for HOLD_TTL and open an order for it',
    description: 'The order starts in `selecting`: choose a plan, sign, then pay before the hold ends.',
  })
  @ApiCreatedResponse({ type: OrderResponse })
  @ApiBadRequestResponse({
    type: InvalidNumberErrorResponse,
    description: 'INVALID_NUMBER, VALIDATION_FAILED',
  })
  @ApiNotFoundResponse({ description: 'NUMBER_NOT_FOUND: a valid 400 number we do not have' })
  @ApiConflictResponse({
    type: NumberUnavailableErrorResponse,
    description: 'NUMBER_UNAVAILABLE (held: with `heldUntil`; with suggestions), or HOLD_LIMIT_REACHED',
  })
  create(
    @CurrentAccount() account: AuthenticatedAccount,
    @Body() body: CreateOrderRequest,
  ): Promise<OrderResponse> {
    return this.orders.create(account.id, body.number);
  }

  @Get()
  @ApiOperation({ summary: 'The customer’s orders, newest first, keyset-paginated' })
  @ApiOkResponse({ type: OrderListResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, or INVALID_QUERY for a cursor we did not hand out',
  })
  list(
    @CurrentAccount() account: AuthenticatedAccount,
    @Query() query: ListOrdersQuery,
  ): Promise<OrderListResponse> {
    return this.orders.list(account.id, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One order: status, next step and deadline, price breakdown, signatures, timeline',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND (also for another customer’s order)' })
  get(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<OrderResponse> {
    return this.orders.get(account.id, id);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel the order; its number goes back on sale at once',
    description: 'Allowed before activation; after payment the refund follows the refund policy.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'ORDER_TRANSITION_NOT_ALLOWED (already active or expired); a repeated cancel is a no-op',
  })
  cancel(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: CancelOrderRequest,
  ): Promise<OrderResponse> {
    return this.orders.cancel(account.id, id, body.reason);
  }
}
