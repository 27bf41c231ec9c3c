import { Body, Controller, Get, Param, Post, UseInterceptors } from '@nestjs/common';
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
import type { CustomerSubmissionView } from '@haoma/verification';
import { CustomerOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { VerificationErrorInterceptor } from './verification-error.interceptor';
import { SubmitDossierRequest } from './verification.request';
import { SubmissionListResponse, SubmissionResponse } from './verification.response';
import { VerificationService } from './verification.service';
import { ParseUuidParamPipe } from '../common/uuid-param.pipe';

/** Submitting a dossier for an order, and following its review. */
@ApiTags('orders')
@ApiBearerAuth()
@CustomerOnly()
@UseInterceptors(VerificationErrorInterceptor)
@Controller('api/v1/orders/:id/submissions')
export class OrderSubmissionsController {
  constructor(private readonly verification: VerificationService) {}

  @Post()
  @ApiOperation({
    summary: 'Submit a dossier version for an order awaiting documents; the order goes to review',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiCreatedResponse({ type: SubmissionResponse })
  @ApiBadRequestResponse({
    description: 'DOSSIER_DOCUMENTS_INCOMPLETE (missing: document kinds), VALIDATION_FAILED',
  })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND, DOSSIER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORDER_TRANSITION_NOT_ALLOWED: the order is not awaiting documents' })
  submit(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) orderId: string,
    @Body() body: SubmitDossierRequest,
  ): Promise<CustomerSubmissionView> {
    return this.verification.submit(account.id, orderId, body);
  }

  @Get()
  @ApiOperation({
    summary: 'The order’s submissions: status, dates, errors to fix, and rejection reasons',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: SubmissionListResponse })
  @ApiNotFoundResponse({ description: 'ORDER_NOT_FOUND' })
  async list(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('id', ParseUuidParamPipe) orderId: string,
  ): Promise<{ items: CustomerSubmissionView[] }> {
    return { items: await this.verification.orderSubmissions(account.id, orderId) };
  }
}
