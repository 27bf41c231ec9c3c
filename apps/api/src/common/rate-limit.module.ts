import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '@haoma/config';
import { RateLimitGuard } from './rate-limit.guard';

const MINUTE_MS = 60_000;

/**
 * Per-client rate limit on every API route (RATE_LIMIT_PER_MINUTE; 0 leaves the guard out
 * altogether). A sliding window: a client may make that many requests in any 60 s, and when
 * over, Retry-After says when its oldest counted request leaves the window; with no extra
 * block period, a client that slows down is served again at once.
 *
 * The counts live in this process's memory (the throttler's default storage), which is right
 * for one API instance only: several instances would each allow the full limit, and need a
 * shared store (a Redis ThrottlerStorage) behind the same guard.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.RATE_LIMIT_PER_MINUTE === 0) return { module: RateLimitModule };
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: MINUTE_MS, limit: config.RATE_LIMIT_PER_MINUTE, blockDuration: 0 }],
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
