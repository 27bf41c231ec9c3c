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
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { OrderNoteView, Page, ReassignResult } from '@haoma/sales';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';
import { SalesErrorInterceptor } from './sales-error.interceptor';
import { AssigneeRequest, NoteRequest, NotesQuery } from './sales.request';
import { AssigneeResponse, NoteCreatedResponse, NotesPageResponse } from './sales.response';
import { SalesService } from './sales.service';

/** Who follows an order, and the staff's notes on it. */
@ApiTags('staff orders')
@ApiBearerAuth()
@UseInterceptors(SalesErrorInterceptor)
@Controller('api/v1/staff/orders/:orderId')
export class OrderNotesController {
  constructor(private readonly sales: SalesService) {}

  @Post('assignee')
  @StaffOnly('sales', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Hand the order to an active sales member (or to no one), with a reason',
    description: 'Roles: sales, admin. Written to the timeline (`assigned`) and the audit log.',
  })
  @ApiParam({ name: 'orderId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: AssigneeResponse })
  @ApiBadRequestResponse({ description: 'ASSIGNEE_INVALID (not an active sales member), VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  reassign(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('orderId', ParseUuidParamPipe) orderId: string,
    @Body() body: AssigneeRequest,
  ): Promise<ReassignResult> {
    return this.sales.reassign(account.id, orderId, body.assigneeId, body.reason);
  }

  @Post('notes')
  @StaffOnly('sales', 'reviewer', 'admin')
  @ApiOperation({
    summary: 'Add a note (append-only); `@<email>` mentions notify those staff members',
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiParam({ name: 'orderId', type: String, format: 'uuid' })
  @ApiCreatedResponse({ type: NoteCreatedResponse })
  @ApiBadRequestResponse({ description: 'MENTION_UNKNOWN (lists `mentions`), VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  async addNote(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('orderId', ParseUuidParamPipe) orderId: string,
    @Body() body: NoteRequest,
  ): Promise<OrderNoteView & { notificationIds: string[] }> {
    const { note, notificationIds } = await this.sales.addNote(account.id, orderId, body.body);
    return { ...note, notificationIds };
  }

  @Get('notes')
  @StaffOnly('sales', 'reviewer', 'admin')
  @ApiOperation({
    summary: 'The order’s notes, newest first, keyset-paginated',
    description: 'Roles: sales, reviewer, admin.',
  })
  @ApiParam({ name: 'orderId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: NotesPageResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY (cursor)' })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  notes(
    @Param('orderId', ParseUuidParamPipe) orderId: string,
    @Query() query: NotesQuery,
  ): Promise<Page<OrderNoteView>> {
    return this.sales.notes(orderId, query);
  }
}
