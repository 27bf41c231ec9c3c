import { isRateLimitExempt } from './rate-limit.guard';

describe('isRateLimitExempt', () => {
  it.each([
    ['/health', true],
    ['/health?verbose=1', true],
    ['/health/ready', true],
    ['/docs', true],
    ['/docs/openapi.json', true],
    ['/docs/static/index.html?x=1', true],
    ['/healthz', false],
    ['/documents', false],
    ['/api/v1/plans', false],
    ['/api/v1/numbers/4008208888?x=/health', false],
    ['/api/v1/health', false],
    ['/api/v1/webhooks/stripe', true],
    ['/api/v1/webhooksx', false],
    ['/api/v1/orders/x?next=/api/v1/webhooks/stripe', false],
  ])('%s → %s', (url, exempt) => {
    expect(isRateLimitExempt(url)).toBe(exempt);
  });
});
