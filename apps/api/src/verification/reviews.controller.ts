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
import type { Page, ReviewDetail, ReviewQueueItem } from '@haoma/verification';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { VerificationErrorInterceptor } from './verification-error.interceptor';
import { ApproveRequest, RejectRequest, ReviewQueueQuery } from './verification.request';
import {
  ApprovalResponse,
  RejectionResponse,
  ReviewQueueResponse,
  ReviewResponse,
} from './verification.response';
import { VerificationService } from './verification.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** The reviewers' queue: pre-checked submissions, oldest first; approve or reject with reasons. */
@ApiTags('staff reviews')
@ApiBearerAuth()
@StaffOnly('reviewer', 'admin')
@UseInterceptors(VerificationErrorInterceptor)
@Controller('api/v1/staff/reviews')
export class ReviewsController {
  constructor(private readonly verification: VerificationService) {}

  @Get()
  @ApiOperation({
    summary: 'Submissions in a status (default awaiting_review), oldest first, keyset-paginated',
  })
  @ApiOkResponse({ type: ReviewQueueResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_QUERY (cursor)' })
  queue(@Query() query: ReviewQueueQuery): Promise<Page<ReviewQueueItem>> {
    return this.verification.reviewQueue(query);
  }

  @Get(':submissionId')
  @ApiOperation({
    summary: 'One submission: the form, the pre-check findings, the documents, the order, earlier decisions',
  })
  @ApiParam({ name: 'submissionId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  get(@Param('submissionId', ParseUuidParamPipe) submissionId: string): Promise<ReviewDetail> {
    return this.verification.review(submissionId);
  }

  @Post(':submissionId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve: the order goes to provisioning and the carrier application is filed' })
  @ApiParam({ name: 'submissionId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: ApprovalResponse })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REVIEW_NOT_READY (still pre-checking), REVIEW_ALREADY_DECIDED' })
  approve(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('submissionId', ParseUuidParamPipe) submissionId: string,
    @Body() body: ApproveRequest,
  ): Promise<{ status: 'approved'; carrierApplicationId: string }> {
    return this.verification.approve(account.id, submissionId, body.note);
  }

  @Post(':submissionId/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Reject with reasons per document or field; the order goes back to awaiting documents',
  })
  @ApiParam({ name: 'submissionId', type: String, format: 'uuid' })
  @ApiOkResponse({ type: RejectionResponse })
  @ApiBadRequestResponse({ description: 'REVIEW_REASONS_REQUIRED, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REVIEW_NOT_READY, REVIEW_ALREADY_DECIDED' })
  reject(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('submissionId', ParseUuidParamPipe) submissionId: string,
    @Body() body: RejectRequest,
  ): Promise<{ status: 'rejected'; documentsDueAt: Date }> {
    return this.verification.reject(account.id, submissionId, {
      reasons: body.reasons,
      ...(body.note === undefined ? {} : { note: body.note }),
    });
  }
}
