import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseInterceptors } from '@nestjs/common';
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
import { DataSource } from 'typeorm';
import {
  listCatalogVersions,
  publishAgreementVersion,
  publishFeatureVersion,
  publishPlanVersion,
  retireCatalogCode,
  type CatalogVersion,
} from '@haoma/catalog';
import { StaffOnly } from '../auth/access.decorator';
import { AdminErrorInterceptor } from './admin-error.interceptor';
import { AgreementVersionRequest, FeatureVersionRequest, PlanVersionRequest } from './admin.request';
import { CatalogVersionsResponse } from './admin.response';

// Dates as ISO text; everything else as stored.
const toJson = (version: CatalogVersion): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(version).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );

/**
 * Plans, features and agreements as versions: a change is a new version (the current one
 * retired), never an edit, so orders keep the version they were priced from and signatures the
 * text that was signed.
 */
@ApiTags('admin')
@ApiBearerAuth()
@StaffOnly('admin')
@ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
@UseInterceptors(AdminErrorInterceptor)
@Controller('api/v1/admin')
export class CatalogAdminController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('plans')
  @ApiOperation({ summary: 'Every plan version (admin)' })
  @ApiOkResponse({ type: CatalogVersionsResponse })
  async plans(): Promise<CatalogVersionsResponse> {
    return { items: (await listCatalogVersions(this.dataSource.manager, 'plan')).map(toJson) };
  }

  @Get('features')
  @ApiOperation({ summary: 'Every feature version (admin)' })
  @ApiOkResponse({ type: CatalogVersionsResponse })
  async features(): Promise<CatalogVersionsResponse> {
    return { items: (await listCatalogVersions(this.dataSource.manager, 'feature')).map(toJson) };
  }

  @Get('agreements')
  @ApiOperation({ summary: 'Every agreement version, without bodies (admin)' })
  @ApiOkResponse({ type: CatalogVersionsResponse })
  async agreements(): Promise<CatalogVersionsResponse> {
    return { items: (await listCatalogVersions(this.dataSource.manager, 'agreement')).map(toJson) };
  }

  @Post('plans')
  @ApiOperation({ summary: 'Publish a new version of a plan code (a new code starts at version 1) (admin)' })
  @ApiCreatedResponse({ type: Object })
  @ApiBadRequestResponse({ description: 'CATALOG_INVALID, VALIDATION_FAILED' })
  @ApiConflictResponse({ description: 'CATALOG_VERSION_CONFLICT (basedOnVersion is not the latest)' })
  async publishPlan(@Body() body: PlanVersionRequest): Promise<Record<string, unknown>> {
    return toJson(await this.dataSource.transaction((manager) => publishPlanVersion(manager, body)));
  }

  @Post('features')
  @ApiOperation({ summary: 'Publish a new version of a feature code (admin)' })
  @ApiCreatedResponse({ type: Object })
  @ApiBadRequestResponse({ description: 'CATALOG_INVALID, VALIDATION_FAILED' })
  @ApiConflictResponse({ description: 'CATALOG_VERSION_CONFLICT' })
  async publishFeature(@Body() body: FeatureVersionRequest): Promise<Record<string, unknown>> {
    return toJson(await this.dataSource.transaction((manager) => publishFeatureVersion(manager, body)));
  }

  @Post('agreements')
  @ApiOperation({ summary: 'Publish a new text of an agreement kind (admin)' })
  @ApiCreatedResponse({ type: Object })
  @ApiBadRequestResponse({ description: 'CATALOG_INVALID, VALIDATION_FAILED' })
  @ApiConflictResponse({ description: 'CATALOG_VERSION_CONFLICT' })
  async publishAgreement(@Body() body: AgreementVersionRequest): Promise<Record<string, unknown>> {
    const version = await this.dataSource.transaction((manager) => publishAgreementVersion(manager, body));
    return toJson({ ...version, body: undefined });
  }

  @Post('plans/:code/retire')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Retire the current version of a plan: it is no longer sold (admin)' })
  @ApiParam({ name: 'code', type: String })
  @ApiOkResponse({ type: Object })
  @ApiNotFoundResponse({ description: 'CATALOG_NOT_FOUND (no current version)' })
  async retirePlan(@Param('code') code: string): Promise<Record<string, unknown>> {
    return toJson(await this.dataSource.transaction((manager) => retireCatalogCode(manager, 'plan', code)));
  }

  @Post('features/:code/retire')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Retire the current version of a feature (admin)' })
  @ApiParam({ name: 'code', type: String })
  @ApiOkResponse({ type: Object })
  @ApiNotFoundResponse({ description: 'CATALOG_NOT_FOUND (no current version)' })
  async retireFeature(@Param('code') code: string): Promise<Record<string, unknown>> {
    return toJson(
      await this.dataSource.transaction((manager) => retireCatalogCode(manager, 'feature', code)),
    );
  }
}
