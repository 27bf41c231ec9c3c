import { Controller, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorator';
import { WebhookReceiptResponse } from './payment.response';
import { PaymentsService } from './payments.service';

/** Where Stripe (and the sandbox) deliver events; the path is registered for the raw body in raw-body.ts. */
@ApiTags('webhooks')
@Public()
@Controller('api/v1/webhooks')
export class StripeWebhookController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('stripe')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Stripe event delivery: verified on the raw body, stored once, applied by the worker',
    description:
      'The Stripe-Signature header is checked against every configured secret (rotation) with 300 s ' +
      'tolerance before the body is read. Every verified event is stored under its id, whatever its ' +
      'type (the worker records the types it does not handle as ignored), and queued through the ' +
      'outbox in the same transaction; the answer does not wait for it to be applied.',
  })
  @ApiHeader({ name: 'stripe-signature', required: true })
  @ApiOkResponse({ type: WebhookReceiptResponse })
  @ApiBadRequestResponse({
    description:
      'WEBHOOK_SIGNATURE_INVALID (no header, no secret matches, or older than 300 s; nothing stored), ' +
      'WEBHOOK_MALFORMED (signed, but not a JSON event)',
  })
  stripe(
    @Req() request: FastifyRequest,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<WebhookReceiptResponse> {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return this.payments.receiveStripeWebhook(raw, signature);
  }
}
