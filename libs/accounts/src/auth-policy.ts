import { Logger } from '@nestjs/common';
import type { AppConfig } from '@haoma/config';
import type { LockoutPolicy } from '@haoma/domain';
import { SCRYPT_PARAMS, SCRYPT_TEST_PARAMS, type ScryptParams } from './password-hash';

/** Everything the accounts code takes from the configuration, resolved once. */
export interface AuthPolicy {
  /** HMAC-SHA256 key of the access tokens. */
  readonly secret: Buffer;
  readonly accessTokenTtlMs: number;
  readonly sessionTtlMs: number;
  readonly lockout: LockoutPolicy;
  readonly scrypt: ScryptParams;
}

// Known to everyone who reads this file: fine for a laptop, worthless anywhere else, which
// is why the config schema makes AUTH_SECRET mandatory in production.
const DEV_SECRET = 'haoma-development-only-secret-do-not-use-in-production';
let warnedAboutDevSecret = false;

/**
 * The accounts policy of a configuration. Without AUTH_SECRET (development and tests only:
 * production refuses to start) tokens are signed with a fixed development secret, with a
 * warning logged once per process.
 */
export function authPolicy(config: AppConfig): AuthPolicy {
  if (!config.AUTH_SECRET && !warnedAboutDevSecret) {
    warnedAboutDevSecret = true;
    new Logger('Auth').warn(
      'AUTH_SECRET is not set: access tokens are signed with the fixed development secret. ' +
        'Set AUTH_SECRET (32+ random characters) anywhere but on your own machine.',
    );
  }
  return {
    secret: Buffer.from(config.AUTH_SECRET ?? DEV_SECRET, 'utf8'),
    accessTokenTtlMs: config.ACCESS_TOKEN_TTL,
    sessionTtlMs: config.SESSION_TTL,
    lockout: {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockoutMs: config.LOGIN_LOCKOUT,
      lockoutMaxMs: config.LOGIN_LOCKOUT_MAX,
    },
    scrypt: scryptParamsFor(config),
  };
}

/** The password-hash cost of a configuration: production strength except under NODE_ENV=test. */
export function scryptParamsFor(config: Pick<AppConfig, 'NODE_ENV'>): ScryptParams {
  return config.NODE_ENV === 'test' ? SCRYPT_TEST_PARAMS : SCRYPT_PARAMS;
}
