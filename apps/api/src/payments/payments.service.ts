import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, paymentsProviderOf, type AppConfig } from '@haoma/config';
import {
  ingestWebhookEvent,
  listOrderPayments,
  PAYMENT_PROVIDER,
  startCheckout,
  stripeClientOf,
  verifyStripeWebhook,
  webhookSecretsOf,
  type PaymentProvider,
  type PaymentView,
} from '@haoma/payments';
import { toMoney } from '../catalog/money.response';
import { ApiError } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';
import { toPriceLineResponse } from '../orders/order-response.mapper';
import type { ListPaymentsQuery } from './payment.request';
import type {
  CheckoutResponse,
  PaymentListResponse,
  PaymentResponse,
  WebhookReceiptResponse,
} from './payment.response';

/** The payment use cases of the API over libs/payments; the worker applies what is stored here. */
@Injectable()
export class PaymentsService {
  private readonly webhooks: Stripe['webhooks'];
  private readonly secrets: string[];
  private readonly providerName: 'stripe' | 'sandbox';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {
    this.webhooks = stripeClientOf(config).webhooks;
    this.secrets = webhookSecretsOf(config);
    this.providerName = paymentsProviderOf(config);
  }

  async checkout(customerId: string, orderId: string, publicUrl: string): Promise<CheckoutResponse> {
    const result = await startCheckout(this.dataSource, {
      orderId,
      customerId,
      provider: this.provider,
      publicUrl,
    });
    return {
      paymentId: result.paymentId,
      provider: result.provider,
      checkoutUrl: result.checkoutUrl,
      expiresAt: result.expiresAt.toISOString(),
      holdUntil: result.holdUntil.toISOString(),
      amount: toMoney(result.amountFen),
      currency: result.currency,
    };
  }

  async list(customerId: string, orderId: string, query: ListPaymentsQuery): Promise<PaymentListResponse> {
    const page = await listOrderPayments(this.dataSource.manager, {
      orderId,
      customerId,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      cursor: query.cursor,
    });
    return { items: page.items.map(toPaymentResponse), nextCursor: page.nextCursor };
  }

  /**
   * Verifies a delivery on its raw bytes before anything reads it, then stores it (once)
   * with its outbox row. Deliveries are stored under the provider in effect, the name the
   * payments rows carry, so the worker finds the session under (provider, session id).
   */
  async receiveStripeWebhook(raw: Buffer, signature: string | undefined): Promise<WebhookReceiptResponse> {
    const verified = verifyStripeWebhook(this.webhooks, raw, signature, this.secrets);
    if (!verified.ok)
      throw new ApiError(
        verified.failure === 'malformed' ? 'WEBHOOK_MALFORMED' : 'WEBHOOK_SIGNATURE_INVALID',
        verified.message,
        undefined,
        { reason: verified.failure },
      );
    const { duplicate } = await ingestWebhookEvent(this.dataSource, this.providerName, verified.event);
    return { received: true, duplicate };
  }
}

function toPaymentResponse(view: PaymentView): PaymentResponse {
  return {
    id: view.id,
    provider: view.provider,
    status: view.status,
    amount: toMoney(view.amountFen),
    refunded: toMoney(view.refundedFen),
    currency: view.currency,
    lines: view.lines.map(toPriceLineResponse),
    checkoutUrl: view.checkoutUrl,
    expiresAt: view.expiresAt?.toISOString() ?? null,
    paidAt: view.paidAt?.toISOString() ?? null,
    createdAt: view.createdAt.toISOString(),
    refunds: view.refunds.map((refund) => ({
      id: refund.id,
      amount: toMoney(refund.amountFen),
      status: refund.status,
      reason: refund.reason,
      createdAt: refund.createdAt.toISOString(),
      updatedAt: refund.updatedAt.toISOString(),
    })),
  };
}
