import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
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
import { DataSource } from 'typeorm';
import {
  activateRuleSet,
  createRuleSet,
  findRegradeRun,
  listRegradeRuns,
  listRuleSets,
  type GradingRuleSetView,
} from '@haoma/inventory';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { DEFAULT_PAGE_SIZE, PageQuery } from '../common/page.request';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';
import { ApiError } from '../common/api-error';
import { decodeRunCursor, encodeRunCursor, staffActor } from './admin-cursor';
import { AdminErrorInterceptor } from './admin-error.interceptor';
import { GradingRulesRequest } from './admin.request';
import {
  GradingRuleSetResponse,
  GradingRulesResponse,
  RegradeRunListResponse,
  RegradeRunResponse,
  toRegradeRunResponse,
} from './admin.response';

const toRuleSetResponse = (view: GradingRuleSetView): GradingRuleSetResponse => ({
  version: view.version,
  active: view.active,
  rules: view.rules,
  createdAt: view.createdAt.toISOString(),
});

const versionPipe = new ParseIntPipe({
  exceptionFactory: () =>
    new ApiError('VALIDATION_FAILED', 'version must be an integer', [
      { field: 'version', errors: ['version must be an integer'] },
    ]),
});

/** Grading rules as versioned data, and the re-grades that apply a new version to the inventory. */
@ApiTags('admin')
@ApiBearerAuth()
@StaffOnly('admin')
@ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
@UseInterceptors(AdminErrorInterceptor)
@Controller('api/v1/admin')
export class GradingRulesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('grading-rules')
  @ApiOperation({ summary: 'Every grading rule set version, newest first, and which is active (admin)' })
  @ApiOkResponse({ type: GradingRulesResponse })
  async list(): Promise<GradingRulesResponse> {
    const versions = await listRuleSets(this.dataSource.manager);
    return {
      activeVersion: versions.find((version) => version.active)?.version ?? null,
      versions: versions.map(toRuleSetResponse),
    };
  }

  @Post('grading-rules')
  @ApiOperation({ summary: 'Store new grading rules as the next version, not active yet (admin)' })
  @ApiCreatedResponse({ type: GradingRuleSetResponse })
  @ApiBadRequestResponse({ description: 'GRADING_RULES_INVALID with `problems`, VALIDATION_FAILED' })
  async create(@Body() body: GradingRulesRequest): Promise<GradingRuleSetResponse> {
    return toRuleSetResponse(
      await this.dataSource.transaction((manager) => createRuleSet(manager, body.rules)),
    );
  }

  @Post('grading-rules/:version/activate')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Make a version active and re-grade the inventory with it, as a job (admin)',
    description:
      'Only available, retired and quarantined numbers without a price override are re-graded: numbers held or sold ' +
      'keep the grade and fee their order was priced with.',
  })
  @ApiParam({ name: 'version', type: Number })
  @ApiAcceptedResponse({ type: RegradeRunResponse })
  @ApiBadRequestResponse({ description: 'GRADING_RULES_INVALID (no such version, or invalid rules)' })
  @ApiConflictResponse({ description: 'REGRADE_IN_PROGRESS' })
  async activate(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('version', versionPipe) version: number,
  ): Promise<RegradeRunResponse> {
    const run = await this.dataSource.transaction((manager) =>
      activateRuleSet(manager, version, staffActor(account)),
    );
    return toRegradeRunResponse(run);
  }

  @Get('regrade-runs')
  @ApiOperation({ summary: 'Re-grade runs, newest first, keyset-paginated (admin)' })
  @ApiOkResponse({ type: RegradeRunListResponse })
  async runs(@Query() query: PageQuery): Promise<RegradeRunListResponse> {
    const page = await listRegradeRuns(this.dataSource.manager, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      after: decodeRunCursor(query.cursor),
    });
    const now = new Date();
    return {
      items: page.runs.map((run) => toRegradeRunResponse(run, now)),
      nextCursor: page.next ? encodeRunCursor(page.next) : null,
    };
  }

  @Get('regrade-runs/:id')
  @ApiOperation({ summary: 'One re-grade run with its progress (percent, numbers/s, ETA) (admin)' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: RegradeRunResponse })
  @ApiNotFoundResponse({ description: 'REGRADE_NOT_FOUND' })
  async run(@Param('id', ParseUuidParamPipe) id: string): Promise<RegradeRunResponse> {
    return toRegradeRunResponse(await findRegradeRun(this.dataSource.manager, id));
  }
}
