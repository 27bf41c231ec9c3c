import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import type { SubmissionStatus } from '@haoma/domain';
import {
  addDossierVersion,
  approveSubmission,
  createDossier,
  findDossier,
  findDossierVersion,
  findReview,
  listDossiers,
  listOrderSubmissions,
  listReviewQueue,
  rejectSubmission,
  submitDossier,
  verificationSettingsFrom,
  type CustomerSubmissionView,
  type DossierDetail,
  type DossierSummary,
  type DossierVersionView,
  type Page,
  type RejectionReasonInput,
  type ReviewDetail,
  type ReviewQueueItem,
  type VerificationSettings,
} from '@haoma/verification';
import { ApiError } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';

/**
 * The verification use cases over libs/verification: each write in one transaction, then
 * read back as the caller sees it. Refusals are left to VerificationErrorInterceptor.
 */
@Injectable()
export class VerificationService {
  private readonly settings: VerificationSettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = verificationSettingsFrom(config);
  }

  async createDossier(customerId: string, form: unknown, documentIds: string[]): Promise<DossierDetail> {
    const { dossierId } = await this.dataSource.transaction((m) =>
      createDossier(m, { customerId, form, documentIds, settings: this.settings }),
    );
    return findDossier(this.dataSource.manager, { customerId, dossierId });
  }

  async addVersion(
    customerId: string,
    dossierId: string,
    body: { baseVersion: number; form: unknown; documentIds: string[] },
  ): Promise<DossierDetail> {
    await this.dataSource.transaction((m) =>
      addDossierVersion(m, { customerId, dossierId, ...body, settings: this.settings }),
    );
    return findDossier(this.dataSource.manager, { customerId, dossierId });
  }

  async listDossiers(
    customerId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<DossierSummary>> {
    const page = await listDossiers(this.dataSource.manager, {
      customerId,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    if (!page) throw badCursor();
    return page;
  }

  getDossier(customerId: string, dossierId: string): Promise<DossierDetail> {
    return findDossier(this.dataSource.manager, { customerId, dossierId });
  }

  getVersion(customerId: string, dossierId: string, version: number): Promise<DossierVersionView> {
    return findDossierVersion(this.dataSource.manager, { customerId, dossierId, version });
  }

  async submit(
    customerId: string,
    orderId: string,
    body: { dossierId: string; version?: number },
  ): Promise<CustomerSubmissionView> {
    const { submissionId } = await this.dataSource.transaction((m) =>
      submitDossier(m, {
        customerId,
        orderId,
        dossierId: body.dossierId,
        ...(body.version === undefined ? {} : { version: body.version }),
        settings: this.settings,
      }),
    );
    const all = await listOrderSubmissions(this.dataSource.manager, { customerId, orderId });
    const submitted = all.find((s) => s.id === submissionId);
    if (!submitted) throw new Error('submission not found after submitting');
    return submitted;
  }

  orderSubmissions(customerId: string, orderId: string): Promise<CustomerSubmissionView[]> {
    return listOrderSubmissions(this.dataSource.manager, { customerId, orderId });
  }

  async reviewQueue(query: {
    status?: SubmissionStatus;
    limit?: number;
    cursor?: string;
  }): Promise<Page<ReviewQueueItem>> {
    const page = await listReviewQueue(this.dataSource.manager, {
      status: query.status ?? 'awaiting_review',
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    if (!page) throw badCursor();
    return page;
  }

  review(submissionId: string): Promise<ReviewDetail> {
    return findReview(this.dataSource.manager, submissionId);
  }

  async approve(
    staffId: string,
    submissionId: string,
    note?: string,
  ): Promise<{ status: 'approved'; carrierApplicationId: string }> {
    const { carrierApplicationId } = await this.dataSource.transaction((m) =>
      approveSubmission(m, { submissionId, staffId, note: note ?? null }),
    );
    return { status: 'approved', carrierApplicationId };
  }

  async reject(
    staffId: string,
    submissionId: string,
    body: { reasons: RejectionReasonInput[]; note?: string },
  ): Promise<{ status: 'rejected'; documentsDueAt: Date }> {
    const { documentsDueAt } = await this.dataSource.transaction((m) =>
      rejectSubmission(m, {
        submissionId,
        staffId,
        reasons: body.reasons,
        note: body.note ?? null,
        settings: this.settings,
      }),
    );
    return { status: 'rejected', documentsDueAt };
  }
}

function badCursor(): ApiError {
  const message = 'cursor must be the nextCursor of a previous page';
  return new ApiError('INVALID_QUERY', message, [{ field: 'cursor', errors: [message] }]);
}
