import { paymentsProviderOf } from './config.schema';
import { ConfigError, parseConfig } from './load-config';

describe('parseConfig', () => {
  it('gives every variable its documented default', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/haoma',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      QUEUE_BACKEND: 'redis',
      API_PORT: 3000,
      HOLD_TTL: 30 * 60_000,
      MAX_HOLDS: 3,
    });
  });

  it('coerces numbers and treats empty strings as unset', () => {
    expect(parseConfig({ API_PORT: '8080', HOLD_TTL: '' })).toMatchObject({
      API_PORT: 8080,
      HOLD_TTL: 30 * 60_000,
    });
  });

  it.each([
    ['API_PORT', 'eighty', 'API_PORT="eighty"'],
    ['API_PORT', '70000', 'API_PORT="70000"'],
    ['QUEUE_BACKEND', 'kafka', 'QUEUE_BACKEND="kafka"'],
    ['DATABASE_URL', 'mysql://x/y', 'DATABASE_URL="mysql://x/y"'],
    ['REDIS_URL', 'not a url', 'REDIS_URL="not a url"'],
    ['HOLD_TTL', '0', 'HOLD_TTL="0"'],
    ['HOLD_TTL', '30', 'HOLD_TTL="30"'],
    ['HOLD_TTL', '2d', 'HOLD_TTL="2d"'],
    ['MAX_HOLDS', '0', 'MAX_HOLDS="0"'],
    ['AUTH_SECRET', 'short', 'AUTH_SECRET="short"'],
    ['SMTP_URL', 'http://mail', 'SMTP_URL="http://mail"'],
    ['QUEUE_PREFIX', 'Bad-Prefix', 'QUEUE_PREFIX="Bad-Prefix"'],
  ])('rejects %s=%s naming the variable', (name, value, expected) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(1);
      expect((error as ConfigError).problems[0]).toContain(expected);
    }
  });

  it('reports every bad variable at once', () => {
    expect(() => parseConfig({ API_PORT: 'x', QUEUE_BACKEND: 'y' })).toThrow(/API_PORT[\s\S]*QUEUE_BACKEND/);
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['1d', 86_400_000],
    ['60000ms', 60_000],
  ])('reads SESSION_TTL=%s as %i ms', (text, ms) => {
    expect(parseConfig({ SESSION_TTL: text }).SESSION_TTL).toBe(ms);
  });

  it.each(['30', '1.5h', '1w', '-5m', '500ms'])('refuses SESSION_TTL=%s', (text) => {
    expect(() => parseConfig({ SESSION_TTL: text })).toThrow(/SESSION_TTL=/);
  });

  it('requires AUTH_SECRET in production only', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: required in production/);
    expect(parseConfig({ NODE_ENV: 'development' }).AUTH_SECRET).toBeUndefined();
  });
});

describe('payments settings', () => {
  it('takes payments in the sandbox unless a Stripe key is set', () => {
    expect(paymentsProviderOf(parseConfig({}))).toBe('sandbox');
    const stripe = parseConfig({
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_WEBHOOK_SECRETS: 'whsec_a, whsec_b',
    });
    expect(paymentsProviderOf(stripe)).toBe('stripe');
    expect(stripe.STRIPE_WEBHOOK_SECRETS).toEqual(['whsec_a', 'whsec_b']);
  });

  it.each([
    [{ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }, /PAYMENTS_PROVIDER: the sandbox cannot/],
    [{ PAYMENTS_PROVIDER: 'stripe' }, /STRIPE_SECRET_KEY: required when/],
    [{ STRIPE_SECRET_KEY: 'sk_test_abc' }, /STRIPE_WEBHOOK_SECRETS: required when/],
    [{ STRIPE_WEBHOOK_SECRETS: 'nope' }, /STRIPE_WEBHOOK_SECRETS.0="nope": whsec_/],
  ])('refuses %j', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });
});
