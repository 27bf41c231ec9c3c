import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import {
  deleteUnattachedDocument,
  DOCUMENT_STORAGE,
  DocumentError,
  findDocument,
  InvalidDocumentCursorError,
  listDocuments,
  storeUpload,
  uploadLimitsFrom,
  type DocumentStorage,
  type StoredDocument,
  type UploadLimits,
} from '@haoma/documents';
import { ApiError } from '../common/api-error';
import { DEFAULT_PAGE_SIZE, type PageQuery } from '../common/page.request';
import { toDocumentResponse, type DocumentListResponse, type DocumentResponse } from './document.response';
import { readUploadForm } from './upload-form';

const notFound = () => new DocumentError('DOCUMENT_NOT_FOUND', 'No such document.');

/**
 * The document use cases over libs/documents. A document is looked up with its owner
 * (customers) or without (reviewers); another customer's document is simply not found.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Documents');
  private readonly limits: UploadLimits;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = uploadLimitsFrom(config);
  }

  async upload(customerId: string, request: FastifyRequest, reply: FastifyReply): Promise<DocumentResponse> {
    const form = await readUploadForm(request, reply, this.limits.maxBytes);
    const stored = await storeUpload(
      this.dataSource,
      this.storage,
      { customerId, kind: form.kind ?? '', fileName: form.fileName, content: form.bytes },
      this.limits,
    );
    return toDocumentResponse(stored);
  }

  async list(customerId: string, query: PageQuery): Promise<DocumentListResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    try {
      const page = await listDocuments(this.dataSource.manager, { customerId, limit, cursor: query.cursor });
      return { items: page.items.map(toDocumentResponse), limit, nextCursor: page.nextCursor };
    } catch (error) {
      if (!(error instanceof InvalidDocumentCursorError)) throw error;
      throw new ApiError('INVALID_QUERY', error.message, [
        { field: 'cursor', errors: [error.message], codes: ['INVALID_CURSOR'] },
      ]);
    }
  }

  /** The document; `customerId` null for staff, who may read any. */
  async get(customerId: string | null, documentId: string): Promise<StoredDocument> {
    const document = await findDocument(this.dataSource.manager, {
      documentId,
      customerId: customerId ?? undefined,
    });
    if (!document) throw notFound();
    return document;
  }

  async content(
    customerId: string | null,
    documentId: string,
  ): Promise<{ document: StoredDocument; bytes: Buffer }> {
    const document = await this.get(customerId, documentId);
    try {
      return { document, bytes: await this.storage.get(document.storageKey) };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
      // A row without its bytes should not exist (they are written before it commits).
      this.logger.error(`document ${document.id} has no bytes under ${document.storageKey}`);
      throw notFound();
    }
  }

  async delete(customerId: string, documentId: string): Promise<void> {
    await deleteUnattachedDocument(this.dataSource, this.storage, { customerId, documentId });
  }
}
