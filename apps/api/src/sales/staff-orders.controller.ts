import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { ActivityEntry, Board, Page, PipelineItem, StaffOrderDetail } from '@haoma/sales';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';
import { SalesErrorInterceptor } from './sales-error.interceptor';
import { ActivityQuery, PipelineFilterQuery, PipelineListQuery } from './sales.request';
import {
  ActivityPageResponse,
  BoardResponse,
  PipelinePageResponse,
  StaffOrderResponse,
} from './sales.response';
import { SalesService } from './sales.service';

/** The sales pipeline: every order, filtered and sorted, a board view, one order and its activity. */
@ApiTags('staff orders')
@ApiBearerAuth()
@StaffOnly('sales', 'reviewer', 'admin')
@UseInterceptors(SalesErrorInterceptor)
@Controller('api/v1/staff/orders')
export class StaffOrdersController {
  constructor(private readonly sales: SalesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Orders by status, assignee (`me` = my orders), carrier, grade, dates, aging, overdue; search; keyset pages',
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiOkResponse({ type: PipelinePageResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (a parameter), INVALID_QUERY (cursor, empty range)',
  })
  list(
    @CurrentAccount() account: AuthenticatedAccount,
    @Query() query: PipelineListQuery,
  ): Promise<Page<PipelineItem>> {
    return this.sales.list(query, account.id);
  }

  @Get('board')
  @ApiOperation({
    summary: 'Counts per status with the same filters, and the median and longest time in each status',
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiOkResponse({ type: BoardResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY' })
  board(
    @CurrentAccount() account: AuthenticatedAccount,
    @Query() query: PipelineFilterQuery,
  ): Promise<Board> {
    return this.sales.board(query, account.id);
  }

  @Get(':orderId')
  @ApiOperation({
    summary: 'One order: customer, assignee, price lines, deadlines',
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiParam({ name: 'orderId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffOrderResponse })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  get(@Param('orderId', ParseUuidParamPipe) orderId: string): Promise<StaffOrderDetail> {
    return this.sales.order(orderId);
  }

  @Get(':orderId/activity')
  @ApiOperation({
    summary:
      'The order’s activity: transitions and timeline rows, notes, payments, refunds, notifications, documents, reviews, carrier applications, merged in time order',
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiParam({ name: 'orderId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: ActivityPageResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY (cursor)' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  activity(
    @Param('orderId', ParseUuidParamPipe) orderId: string,
    @Query() query: ActivityQuery,
  ): Promise<Page<ActivityEntry>> {
    return this.sales.activity(orderId, query);
  }
}
