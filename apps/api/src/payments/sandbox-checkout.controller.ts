import {
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import {
  deliverSignedEvent,
  findPaymentForCheckoutPage,
  PaymentError,
  sandboxSessionEvent,
  stripeClientOf,
  webhookSecretsOf,
  type SandboxOutcome,
} from '@haoma/payments';
import { Public } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
import { PaymentErrorInterceptor } from './payment-error.interceptor';
import { renderSandboxPage, SANDBOX_PAGE_CSP } from './sandbox-page';

const OUTCOMES: readonly SandboxOutcome[] = ['pay', 'fail', 'abandon'];

/**
 * The sandbox's checkout page (registered only when PAYMENTS_PROVIDER is sandbox). Its
 * buttons sign Stripe-shaped events with the first webhook secret and POST them to our own
 * webhook over HTTP, so everything after the page runs the code Stripe's events run.
 * Reached by the payment's unguessable id, like Stripe's hosted page.
 */
@ApiExcludeController()
@Public()
@UseInterceptors(PaymentErrorInterceptor)
@Controller('sandbox/checkout')
export class SandboxCheckoutController {
  private readonly webhooks: Stripe['webhooks'];
  private readonly secret: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.webhooks = stripeClientOf(config).webhooks;
    this.secret = webhookSecretsOf(config)[0] as string;
  }

  @Get(':paymentId')
  async page(
    @Param('paymentId', new ParseUUIDPipe()) paymentId: string,
    @Query('result') result: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const payment = await this.sandboxPayment(paymentId);
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', SANDBOX_PAGE_CSP)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(renderSandboxPage(payment, result, new Date()));
  }

  @Post(':paymentId/:outcome')
  async act(
    @Param('paymentId', new ParseUUIDPipe()) paymentId: string,
    @Param('outcome') outcome: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!(OUTCOMES as readonly string[]).includes(outcome))
      throw new ApiError('NOT_FOUND', `No sandbox action ${outcome}: pay, fail or abandon.`);
    const payment = await this.sandboxPayment(paymentId);
    if (payment.status !== 'open' || (payment.expiresAt && payment.expiresAt <= new Date()))
      throw new PaymentError('PAYMENT_NOT_OPEN', `This checkout session is ${payment.status}.`, {
        status: payment.status,
      });
    const event = sandboxSessionEvent(payment, outcome as SandboxOutcome);
    const status = await deliverSignedEvent(this.webhooks, ownWebhookUrl(request), event, this.secret);
    if (status !== 200) throw new Error(`our webhook answered ${status} to a sandbox event`);
    await reply.redirect(`/sandbox/checkout/${payment.id}?result=${outcome}`, 303);
  }

  private async sandboxPayment(paymentId: string) {
    const payment = await findPaymentForCheckoutPage(this.dataSource.manager, paymentId);
    if (!payment || payment.provider !== 'sandbox')
      throw new PaymentError('PAYMENT_NOT_FOUND', 'No such sandbox checkout session.');
    return { ...payment, paymentId: payment.id };
  }
}

/** This server's own webhook, over the socket the request came in on (the port may be ephemeral). */
function ownWebhookUrl(request: FastifyRequest): string {
  const socket = request.raw.socket;
  const host = socket.localAddress ?? '127.0.0.1';
  const address = host.includes(':') ? `[${host}]` : host;
  return `http://${address}:${socket.localPort}/api/v1/webhooks/stripe`;
}
