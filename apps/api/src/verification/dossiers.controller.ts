import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, UseInterceptors } from '@nestjs/common';
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
import type { DossierDetail, DossierSummary, DossierVersionView, Page } from '@haoma/verification';
import { CustomerOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { VerificationErrorInterceptor } from './verification-error.interceptor';
import { DossierVersionRequest, ListDossiersQuery, NewDossierVersionRequest } from './verification.request';
import { DossierListResponse, DossierResponse, DossierVersionResponse } from './verification.response';
import { VerificationService } from './verification.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** A customer's real-name dossiers: one per company, reusable, updated by new versions. */
@ApiTags('dossiers')
@ApiBearerAuth()
@CustomerOnly()
@UseInterceptors(VerificationErrorInterceptor)
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(private readonly verification: VerificationService) {}

  @Post()
  @ApiOperation({ summary: 'Create a dossier (version 1) from the form and uploaded documents' })
  @ApiCreatedResponse({ type: DossierResponse })
  @ApiBadRequestResponse({
    description:
      'DOSSIER_INVALID (fields: form.<path> with codes), DOSSIER_DOCUMENT_NOT_USABLE (documentIds), VALIDATION_FAILED',
  })
  create(
    @CurrentAccount() account: AuthenticatedAccount,
    @Body() body: DossierVersionRequest,
  ): Promise<DossierDetail> {
    return this.verification.createDossier(account.id, body.form, body.documentIds);
  }

  @Get()
  @ApiOperation({ summary: 'The customer’s dossiers, newest first, keyset-paginated' })
  @ApiOkResponse({ type: DossierListResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY (cursor)' })
  list(
    @CurrentAccount() account: AuthenticatedAccount,
    @Query() query: ListDossiersQuery,
  ): Promise<Page<DossierSummary>> {
    return this.verification.listDossiers(account.id, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dossier: its current version and the history of versions' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: DossierResponse })
  @ApiNotFoundResponse({ description: 'DOSSIER_NOT_FOUND (also for another customer’s)' })
  get(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<DossierDetail> {
    return this.verification.getDossier(account.id, id);
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'One version of a dossier, with its documents' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiParam({ name: 'version', type: Number })
  @ApiOkResponse({ type: DossierVersionResponse })
  @ApiNotFoundResponse({ description: 'DOSSIER_NOT_FOUND' })
  version(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<DossierVersionView> {
    return this.verification.getVersion(account.id, id, version);
  }

  @Post(':id/versions')
  @ApiOperation({
    summary: 'Add a version (update the dossier); earlier versions are kept',
    description: '`baseVersion` must be the current version, so two editors never overwrite each other.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiCreatedResponse({ type: DossierResponse })
  @ApiBadRequestResponse({ description: 'DOSSIER_INVALID, DOSSIER_DOCUMENT_NOT_USABLE, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'DOSSIER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'DOSSIER_VERSION_CONFLICT (with currentVersion)' })
  addVersion(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() body: NewDossierVersionRequest,
  ): Promise<DossierDetail> {
    return this.verification.addVersion(account.id, id, body);
  }
}
