import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOCUMENT_KINDS } from '@haoma/domain';
import { CustomerOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { PageQuery } from '../common/page.request';
import { setDocumentContentHeaders } from './document-content.headers';
import { DocumentErrorInterceptor } from './document-error.interceptor';
import { DocumentListResponse, DocumentResponse, toDocumentResponse } from './document.response';
import { DocumentsService } from './documents.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** A customer's dossier documents: upload one, list them, read one back, delete an unused one. */
@ApiTags('documents')
@ApiBearerAuth()
@CustomerOnly()
@UseInterceptors(DocumentErrorInterceptor)
@Controller('api/v1/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({
    summary: 'Upload one document of a dossier',
    description:
      'multipart/form-data with a `kind` field and exactly one `file` part, in either order. ' +
      'JPG, PNG or PDF as decided by the file’s magic bytes (its name and declared type play no part), ' +
      'at most UPLOAD_MAX_BYTES; files that are also another format are refused. An upload not attached ' +
      'to a dossier within UPLOAD_ORPHAN_TTL is deleted.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiBadRequestResponse({
    description:
      'UPLOAD_KIND_INVALID, UPLOAD_FILENAME_INVALID (with `reason`), UPLOAD_EMPTY, UPLOAD_TOO_MANY_FILES, ' +
      'VALIDATION_FAILED (no file, unexpected parts), MALFORMED_REQUEST',
  })
  @ApiPayloadTooLargeResponse({ description: 'UPLOAD_TOO_LARGE (with `maxBytes`)' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'UPLOAD_NOT_MULTIPART, UPLOAD_TYPE_NOT_ALLOWED, UPLOAD_POLYGLOT (with `reason`)',
  })
  @ApiConflictResponse({ description: 'UPLOAD_QUOTA_EXCEEDED (with `quota`: files or bytes)' })
  upload(
    @CurrentAccount() account: AuthenticatedAccount,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentResponse> {
    return this.documents.upload(account.id, request, reply);
  }

  @Get()
  @ApiOperation({ summary: 'The customer’s documents, newest first, keyset-paginated' })
  @ApiOkResponse({ type: DocumentListResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, or INVALID_QUERY for a cursor we did not hand out',
  })
  list(
    @CurrentAccount() account: AuthenticatedAccount,
    @Query() query: PageQuery,
  ): Promise<DocumentListResponse> {
    return this.documents.list(account.id, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One document’s details' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND (also for another customer’s document)' })
  async get(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<DocumentResponse> {
    return toDocumentResponse(await this.documents.get(account.id, id));
  }

  @Get(':id/content')
  @ApiOperation({
    summary: 'The document’s bytes, as a download',
    description:
      'Served with the type decided at upload, `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`, ' +
      'a sandboxing Content-Security-Policy and no caching.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiProduces('image/jpeg', 'image/png', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND (also for another customer’s document)' })
  async content(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, bytes } = await this.documents.content(account.id, id);
    setDocumentContentHeaders(reply, document);
    return new StreamableFile(bytes);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a document no dossier uses (row and bytes)' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONFLICT: the document is attached to a dossier version' })
  async delete(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<void> {
    await this.documents.delete(account.id, id);
  }
}
