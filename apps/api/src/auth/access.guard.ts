import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { AccountsService, type AuthenticatedPrincipal } from '@haoma/accounts';
import { ApiError } from '../common/api-error';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { toApiError } from './account-error.interceptor';
import type { AuthenticatedRequest } from './current-account.decorator';

// RFC 6750: the token is a base64url-ish token68, after one "Bearer" and white space.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The bearer token of an Authorization header, or undefined when there is none (or another scheme). */
export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/** Whether an authenticated principal satisfies a (non-public) rule. */
export function allows(rule: AccessRule, principal: AuthenticatedPrincipal): boolean {
  switch (rule.kind) {
    case 'public':
    case 'authenticated':
      return true;
    case 'customer':
      return principal.kind === 'customer';
    case 'staff':
      return principal.kind === 'staff' && principal.role !== null && rule.roles.includes(principal.role);
  }
}

/**
 * The global guard (APP_GUARD) every request to a controller passes. It reads the route's
 * access rule (the handler's, else the controller's) and fails closed: a route that
 * declares none is refused with 403 and logged, never served. Otherwise public routes pass,
 * and every other rule needs a valid Bearer access token whose session is still live (one
 * primary-key lookup, so logout and deactivation bite at once) and the right kind of
 * account and staff role. The account lands on `request.account` for @CurrentAccount().
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} declares no access rule ` +
          '(@Public, @CustomerOnly, @StaffOnly or @Authenticated): refused',
      );
      throw new ApiError('FORBIDDEN', 'This endpoint is not available.');
    }
    if (rule.kind === 'public') return true;
    if (context.getType() !== 'http') throw new ApiError('FORBIDDEN', 'This endpoint is not available.');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      void reply.header('WWW-Authenticate', 'Bearer realm="haoma"');
      throw new ApiError('UNAUTHENTICATED', 'Log in first: send "Authorization: Bearer <access token>".');
    }
    let principal: AuthenticatedPrincipal;
    try {
      principal = await this.accounts.authenticate(token);
    } catch (error) {
      void reply.header('WWW-Authenticate', 'Bearer realm="haoma", error="invalid_token"');
      throw toApiError(error);
    }
    if (!allows(rule, principal))
      throw new ApiError(
        'FORBIDDEN',
        rule.kind === 'staff' && principal.kind === 'staff'
          ? `This endpoint is for ${rule.roles.join(', ')} staff.`
          : `This endpoint is for ${rule.kind} accounts.`,
      );
    request.account = {
      kind: principal.kind,
      id: principal.id,
      role: principal.role,
      sessionId: principal.sessionId,
    };
    return true;
  }
}
