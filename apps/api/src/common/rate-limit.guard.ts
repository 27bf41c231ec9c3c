import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

/**
 * Paths that are never limited: monitoring must always get through, the docs cost nothing,
 * and provider webhooks are signed and retried by the provider from a few addresses (a
 * per-IP budget would drop real payments).
 */
export const RATE_LIMIT_EXEMPT_PATHS: readonly string[] = ['/health', '/docs', '/api/v1/webhooks'];

export function isRateLimitExempt(url: string): boolean {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  return RATE_LIMIT_EXEMPT_PATHS.some((exempt) => path === exempt || path.startsWith(`${exempt}/`));
}

/**
 * The throttler's guard with three changes: exempt paths, one budget per client for the
 * whole API (the library counts per client *and route* by default, so a client could spend
 * the limit on every endpoint), and the 429 as an ApiError so the exception filter answers
 * with the usual envelope. The client is its IP address (the library's default tracker,
 * IPv6 grouped by /64).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return Promise.resolve(true);
    return Promise.resolve(isRateLimitExempt(context.switchToHttp().getRequest<FastifyRequest>().url));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The guard has already set Retry-After to the same number of seconds.
    return Promise.reject(
      new ApiError(
        'RATE_LIMITED',
        `Too many requests: at most ${detail.limit} a minute from one client. ` +
          `Retry in ${detail.timeToBlockExpire} s.`,
      ),
    );
  }
}
