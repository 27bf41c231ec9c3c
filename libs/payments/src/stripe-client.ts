import Stripe from 'stripe';
import type { AppConfig } from '@haoma/config';

/** A fixed signing secret for the sandbox when STRIPE_WEBHOOK_SECRETS is unset (never production). */
export const SANDBOX_WEBHOOK_SECRET = 'whsec_haoma_sandbox_dev_secret';

/** The key the sandbox's Stripe client is built with: it only ever signs, never calls Stripe. */
const SANDBOX_KEY = 'sk_test_haomasandbox';

/**
 * The real Stripe client for `key`, sending API calls to `apiUrl` when given (a local
 * stand-in in tests); retries transient failures with the same idempotency key.
 */
export function createStripeClient(key: string, apiUrl?: string): Stripe {
  const target = apiUrl ? new URL(apiUrl) : null;
  return new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(target
      ? {
          host: target.hostname,
          port: target.port || (target.protocol === 'https:' ? 443 : 80),
          protocol: target.protocol === 'http:' ? ('http' as const) : ('https' as const),
        }
      : {}),
  });
}

/** The Stripe client of the configuration (STRIPE_SECRET_KEY, STRIPE_API_URL); the sandbox gets an offline one. */
export function stripeClientOf(config: AppConfig): Stripe {
  return createStripeClient(config.STRIPE_SECRET_KEY ?? SANDBOX_KEY, config.STRIPE_API_URL);
}

/** The webhook signing secrets in effect: STRIPE_WEBHOOK_SECRETS, else the sandbox's fixed one. */
export function webhookSecretsOf(config: AppConfig): string[] {
  return config.STRIPE_WEBHOOK_SECRETS?.length ? config.STRIPE_WEBHOOK_SECRETS : [SANDBOX_WEBHOOK_SECRET];
}
