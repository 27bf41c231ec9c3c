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
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@haoma/documents';
import {
  checkImportFile,
  cleanSourceName,
  findImport,
  IMPORT_UPLOAD_MAX_BYTES,
  importStorageKey,
  listImports,
  newImportId,
  queueImport,
} from '@haoma/inventory';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { DEFAULT_PAGE_SIZE, PageQuery } from '../common/page.request';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';
import { decodeRunCursor, encodeRunCursor, staffActor } from './admin-cursor';
import { AdminErrorInterceptor } from './admin-error.interceptor';
import { ImportListResponse, ImportQueuedResponse, ImportResponse, toImportResponse } from './admin.response';
import { readImportForm } from './import-upload.form';

/** Inventory imports through the API: upload a CSV, the worker imports it, the admin polls. */
@ApiTags('admin')
@ApiBearerAuth()
@StaffOnly('admin')
@ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
@UseInterceptors(AdminErrorInterceptor)
@Controller('api/v1/admin/inventory/imports')
export class InventoryImportsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Upload a CSV of numbers to import (admin)',
    description:
      'multipart/form-data with one `file` part (text/csv or text/plain, at most 200 MB): one number per line, ' +
      'or a header row with a `number` column. The import runs as a job; poll GET …/imports/:id for progress.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({ type: ImportQueuedResponse })
  @ApiBadRequestResponse({ description: 'IMPORT_FILE_INVALID, VALIDATION_FAILED, MALFORMED_REQUEST' })
  @ApiPayloadTooLargeResponse({ description: 'UPLOAD_TOO_LARGE' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UPLOAD_NOT_MULTIPART, UPLOAD_TYPE_NOT_ALLOWED' })
  async upload(
    @CurrentAccount() account: AuthenticatedAccount,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportQueuedResponse> {
    const form = await readImportForm(request, reply, IMPORT_UPLOAD_MAX_BYTES);
    checkImportFile(form.bytes);
    const id = newImportId();
    // Stored before the row commits (the job must find it); removed again if the row does not.
    await this.storage.put(importStorageKey(id), form.bytes);
    try {
      return await this.dataSource.transaction((manager) =>
        queueImport(manager, {
          id,
          source: cleanSourceName(form.fileName),
          startedBy: staffActor(account),
          bytesTotal: form.bytes.length,
        }),
      );
    } catch (error) {
      await this.storage.delete(importStorageKey(id)).catch(() => undefined);
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Imports, newest first, keyset-paginated (admin)' })
  @ApiOkResponse({ type: ImportListResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY (cursor)' })
  async list(@Query() query: PageQuery): Promise<ImportListResponse> {
    const page = await listImports(this.dataSource.manager, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      after: decodeRunCursor(query.cursor),
    });
    return {
      items: page.imports.map((view) => toImportResponse(view, false)),
      nextCursor: page.next ? encodeRunCursor(page.next) : null,
    };
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One import: progress (percent of bytes, lines/s, ETA, errors so far) and the rejected lines (admin)',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: ImportResponse })
  @ApiNotFoundResponse({ description: 'IMPORT_NOT_FOUND' })
  async get(@Param('id', ParseUuidParamPipe) id: string): Promise<ImportResponse> {
    return toImportResponse(await findImport(this.dataSource.manager, id), true);
  }
}
