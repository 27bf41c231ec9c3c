import { Module, type DynamicModule } from '@nestjs/common';
import { paymentsProviderOf, type AppConfig } from '@haoma/config';
import { PaymentsModule } from '@haoma/payments';
import { OrderPaymentsController } from './order-payments.controller';
import { PaymentsService } from './payments.service';
import { SandboxCheckoutController } from './sandbox-checkout.controller';
import { StripeWebhookController } from './stripe-webhook.controller';

/**
 * Checkout, the customer's payments, the Stripe webhook and, with the sandbox provider
 * only, the sandbox checkout page (its routes do not exist otherwise: 404).
 */
@Module({})
export class PaymentsApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const sandbox = paymentsProviderOf(config) === 'sandbox';
    return {
      module: PaymentsApiModule,
      imports: [PaymentsModule],
      controllers: [
        OrderPaymentsController,
        StripeWebhookController,
        ...(sandbox ? [SandboxCheckoutController] : []),
      ],
      providers: [PaymentsService],
    };
  }
}
