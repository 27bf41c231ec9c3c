import { Controller, Get, Param, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffOnly } from '../auth/access.decorator';
import { setDocumentContentHeaders } from './document-content.headers';
import { DocumentErrorInterceptor } from './document-error.interceptor';
import { StaffDocumentResponse, toStaffDocumentResponse } from './document.response';
import { DocumentsService } from './documents.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** Reviewers (and admins) read any customer's documents; sales staff do not. */
@ApiTags('staff: documents')
@ApiBearerAuth()
@StaffOnly('reviewer', 'admin')
@UseInterceptors(DocumentErrorInterceptor)
@Controller('api/v1/staff/documents')
export class StaffDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One document’s details, with its owner' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: StaffDocumentResponse })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a reviewer or admin' })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND' })
  async get(@Param('id', ParseUuidParamPipe) id: string): Promise<StaffDocumentResponse> {
    return toStaffDocumentResponse(await this.documents.get(null, id));
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'The document’s bytes, as a download (same headers as the customer’s)' })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiProduces('image/jpeg', 'image/png', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a reviewer or admin' })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND' })
  async content(
    @Param('id', ParseUuidParamPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, bytes } = await this.documents.content(null, id);
    setDocumentContentHeaders(reply, document);
    return new StreamableFile(bytes);
  }
}
