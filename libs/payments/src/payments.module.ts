import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, paymentsProviderOf, type AppConfig } from '@haoma/config';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider';
import { SandboxPaymentProvider } from './sandbox-payment.provider';
import { stripeClientOf, webhookSecretsOf } from './stripe-client';
import { StripePaymentProvider } from './stripe-payment.provider';

/** Our own webhook endpoint as the sandbox reaches it from any process (null when the port is not fixed). */
export function sandboxWebhookUrlOf(config: AppConfig): string | null {
  if (config.PUBLIC_URL) return `${config.PUBLIC_URL.replace(/\/$/, '')}/api/v1/webhooks/stripe`;
  if (config.API_PORT === 0) return null;
  const host = config.API_HOST === '0.0.0.0' || config.API_HOST === '::' ? '127.0.0.1' : config.API_HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.API_PORT}/api/v1/webhooks/stripe`;
}

/** The provider PAYMENTS_PROVIDER (see paymentsProviderOf) calls for. */
export function createPaymentProvider(config: AppConfig, dataSource: DataSource): PaymentProvider {
  const stripe = stripeClientOf(config);
  if (paymentsProviderOf(config) === 'stripe') return new StripePaymentProvider(stripe);
  return new SandboxPaymentProvider(dataSource, {
    webhookUrl: sandboxWebhookUrlOf(config),
    secret: webhookSecretsOf(config)[0] as string,
    webhooks: stripe.webhooks,
  });
}

/** Provides the configured PaymentProvider (`PAYMENT_PROVIDER`) to the API and the worker. */
@Module({
  providers: [
    {
      provide: PAYMENT_PROVIDER,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: createPaymentProvider,
    },
  ],
  exports: [PAYMENT_PROVIDER],
})
export class PaymentsModule {}
