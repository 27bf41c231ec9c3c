import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AccountKind, StaffRole } from '@haoma/db';

/** The account a request was authenticated as (set by the access guard). */
export interface AuthenticatedAccount {
  kind: AccountKind;
  id: string;
  /** Staff only. */
  role: StaffRole | null;
  sessionId: string;
}

export type AuthenticatedRequest = FastifyRequest & { account?: AuthenticatedAccount };

/** The authenticated account of the request; only on routes that require one. */
export const CurrentAccount = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedAccount => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.account) throw new Error('CurrentAccount used on a route that does not authenticate');
    return request.account;
  },
);
