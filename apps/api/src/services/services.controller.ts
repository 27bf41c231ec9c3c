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
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CustomerOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { PageQuery } from '../common/page.request';
import { ComplianceErrorInterceptor } from './compliance-error.interceptor';
import { ServicesApiService } from './services-api.service';
import { CompleteTaskRequest, ReverifyRequest } from './services.request';
import {
  ServiceDetailResponse,
  ServiceListResponse,
  TaskListResponse,
  TaskResponse,
} from './services.response';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** A customer's live lines and re-verification tasks. Another customer's are "not found". */
@ApiTags('services')
@ApiBearerAuth()
@CustomerOnly()
@UseInterceptors(ComplianceErrorInterceptor)
@Controller('api/v1')
export class ServicesController {
  constructor(private readonly services: ServicesApiService) {}

  @Get('services')
  @ApiOperation({ summary: 'The customer’s lines, newest first, keyset-paginated' })
  @ApiOkResponse({ type: ServiceListResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY (cursor)' })
  list(
    @CurrentAccount() account: AuthenticatedAccount,
    @Query() query: PageQuery,
  ): Promise<ServiceListResponse> {
    return this.services.list(account.id, query);
  }

  @Get('services/:id')
  @ApiOperation({
    summary: 'One line: status, number, dates, the next deadline and what happens then, timeline, tasks',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: ServiceDetailResponse })
  @ApiNotFoundResponse({ description: 'SERVICE_NOT_FOUND (also another customer’s)' })
  get(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<ServiceDetailResponse> {
    return this.services.get(account.id, id);
  }

  @Post('services/:id/reverify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Re-verify a line with a renewed dossier version (an expired licence or ID)',
    description: 'A suspension for an expired licence or ID is lifted.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: ServiceDetailResponse })
  @ApiBadRequestResponse({ description: 'TASK_DOSSIER_INVALID (with `reasons`), VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'SERVICE_NOT_FOUND, DOSSIER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SERVICE_TRANSITION_NOT_ALLOWED (terminated)' })
  reverify(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: ReverifyRequest,
  ): Promise<ServiceDetailResponse> {
    return this.services.reverify(account.id, id, body);
  }

  @Get('reverification-tasks')
  @ApiOperation({ summary: 'The customer’s re-verification tasks, newest first' })
  @ApiOkResponse({ type: TaskListResponse })
  tasks(
    @CurrentAccount() account: AuthenticatedAccount,
    @Query() query: PageQuery,
  ): Promise<TaskListResponse> {
    return this.services.tasks(account.id, query);
  }

  @Post('reverification-tasks/:id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Complete a task: re-sign the campaign’s supplement agreement, confirm or update the dossier',
    description: 'Completing an overdue task resumes the line it suspended.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiBadRequestResponse({ description: 'TASK_DOSSIER_INVALID (with `reasons`), VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'TASK_NOT_FOUND, DOSSIER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'AGREEMENT_OUTDATED, TASK_ALREADY_COMPLETED' })
  complete(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: CompleteTaskRequest,
  ): Promise<TaskResponse> {
    return this.services.completeTask(account.id, id, body);
  }
}
