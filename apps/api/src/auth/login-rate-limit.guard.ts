import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { normalizeIp, ThrottlerStorageService } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { ApiError } from '../common/api-error';

/** Injection token of the login limiter's own counter store (apart from the API-wide one). */
export const LOGIN_THROTTLE_STORAGE = Symbol('LOGIN_THROTTLE_STORAGE');

const MINUTE_MS = 60_000;

/**
 * The stricter per-client limit on the login endpoints (LOGIN_RATE_LIMIT_PER_MINUTE, 0 =
 * off), independent of the API-wide RATE_LIMIT_PER_MINUTE: it slows password guessing
 * across many accounts, which the per-account lock-out alone does not. Customer and staff
 * logins share one budget per IP address (IPv6 per /64), in a sliding 60 s window held in
 * this process's memory, like the API-wide limit.
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGIN_THROTTLE_STORAGE) private readonly storage: ThrottlerStorageService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.config.LOGIN_RATE_LIMIT_PER_MINUTE;
    if (limit === 0) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      `login:${normalizeIp(request.ip)}`,
      MINUTE_MS,
      limit,
      0,
      'login',
    );
    if (!isBlocked) return true;
    const retryAfterSeconds = Math.max(1, timeToBlockExpire);
    void reply.header('Retry-After', String(retryAfterSeconds));
    throw new ApiError(
      'RATE_LIMITED',
      `Too many login attempts: at most ${limit} a minute from one client. Retry in ${retryAfterSeconds} s.`,
      undefined,
      { retryAfterSeconds },
    );
  }
}
