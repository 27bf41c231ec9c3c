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
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { PageQuery } from '../common/page.request';
import { ComplianceErrorInterceptor } from './compliance-error.interceptor';
import { ServicesApiService } from './services-api.service';
import { CreateCampaignRequest, StaffReasonRequest, StaffServicesQuery } from './services.request';
import {
  CampaignListResponse,
  CampaignResponse,
  StaffServiceDetailResponse,
  StaffServiceListResponse,
} from './services.response';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/**
 * Compliance staff: every line with what will be suspended or terminated and when; regulator
 * flags, lifting suspensions, terminations; re-verification campaigns. Reads are for all
 * staff, actions for reviewers and admins.
 */
@ApiTags('staff: services')
@ApiBearerAuth()
@UseInterceptors(ComplianceErrorInterceptor)
@Controller('api/v1/staff')
export class StaffServicesController {
  constructor(private readonly services: ServicesApiService) {}

  @Get('services')
  @StaffOnly()
  @ApiOperation({
    summary: 'Lines, newest first; filters: status, suspension reason, a step due within N days',
  })
  @ApiOkResponse({ type: StaffServiceListResponse })
  list(@Query() query: StaffServicesQuery): Promise<StaffServiceListResponse> {
    return this.services.staffList(query);
  }

  @Get('services/:id')
  @StaffOnly()
  @ApiOperation({ summary: 'One line with its timeline (who did what) and tasks' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffServiceDetailResponse })
  @ApiNotFoundResponse({ description: 'SERVICE_NOT_FOUND' })
  get(@Param('id', ParseUuidParamPipe) id: string): Promise<StaffServiceDetailResponse> {
    return this.services.staffGet(id);
  }

  @Post('services/:id/flag')
  @StaffOnly('reviewer', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'A regulator flag: suspend the line (regulator_flag); terminated after the window',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffServiceDetailResponse })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a reviewer or admin' })
  @ApiConflictResponse({
    description: 'SERVICE_TRANSITION_NOT_ALLOWED; flagging a suspended line is a no-op',
  })
  flag(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: StaffReasonRequest,
  ): Promise<StaffServiceDetailResponse> {
    return this.services.staffAct(account.id, id, 'flag', body.reason);
  }

  @Post('services/:id/resume')
  @StaffOnly('reviewer', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift a suspension (any reason)' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffServiceDetailResponse })
  @ApiConflictResponse({ description: 'SERVICE_TRANSITION_NOT_ALLOWED (terminated)' })
  resume(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: StaffReasonRequest,
  ): Promise<StaffServiceDetailResponse> {
    return this.services.staffAct(account.id, id, 'resume', body.reason);
  }

  @Post('services/:id/terminate')
  @StaffOnly('reviewer', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Terminate the line now (销户); the number rests in quarantine' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffServiceDetailResponse })
  terminate(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: StaffReasonRequest,
  ): Promise<StaffServiceDetailResponse> {
    return this.services.staffAct(account.id, id, 'terminate', body.reason);
  }

  @Post('reverification-campaigns')
  @StaffOnly('reviewer', 'admin')
  @ApiOperation({
    summary: 'Open a re-verification campaign (all lines, verified before a date, or a list) with a deadline',
    description: 'Starts `opening`; tasks are created in the background — poll for progress.',
  })
  @ApiCreatedResponse({ type: CampaignResponse })
  @ApiBadRequestResponse({ description: 'CAMPAIGN_INVALID (deadline past, empty list), VALIDATION_FAILED' })
  create(
    @CurrentAccount() account: AuthenticatedAccount,
    @Body() body: CreateCampaignRequest,
  ): Promise<CampaignResponse> {
    return this.services.createCampaign(account.id, body);
  }

  @Get('reverification-campaigns')
  @StaffOnly()
  @ApiOperation({ summary: 'Campaigns, newest first, with progress' })
  @ApiOkResponse({ type: CampaignListResponse })
  campaigns(@Query() query: PageQuery): Promise<CampaignListResponse> {
    return this.services.campaigns(query);
  }

  @Get('reverification-campaigns/:id')
  @StaffOnly()
  @ApiOperation({
    summary: 'One campaign: tasks created of the total (percent), and open / completed / overdue',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiNotFoundResponse({ description: 'CAMPAIGN_NOT_FOUND' })
  campaign(@Param('id', ParseUuidParamPipe) id: string): Promise<CampaignResponse> {
    return this.services.campaign(id);
  }
}
