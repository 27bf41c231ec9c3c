import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { withAuditContext, type AuditContext } from '@haoma/audit';
import { clientInfo } from '../auth/client-info';
import type { AuthenticatedRequest } from '../auth/current-account.decorator';

/** The longest `request` the audit_log column holds. */
const MAX_REQUEST_LENGTH = 300;

/** The audit context of an authenticated request: who (and in which role), from where, which route. */
export function auditContextOf(request: AuthenticatedRequest): AuditContext | undefined {
  const account = request.account;
  if (!account) return undefined;
  const client = clientInfo(request);
  // The route's pattern (`/api/v1/staff/orders/:id/notes`), not the URL: no ids or query strings.
  const pattern = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  return {
    actor: `${account.kind}:${account.id}`,
    actorId: account.id,
    actorRole: account.role,
    ip: client.ip ?? null,
    userAgent: client.userAgent ?? null,
    request: `${request.method} ${pattern}`.slice(0, MAX_REQUEST_LENGTH),
  };
}

/**
 * Global (APP_INTERCEPTOR): runs every authenticated request's handler inside an audit
 * context, so recordAudit knows who did it and from where without each controller passing
 * it along. Interceptors run after the guard, so `request.account` is set by then; public
 * requests run without a context.
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const audit = auditContextOf(context.switchToHttp().getRequest<AuthenticatedRequest>());
    if (!audit) return next.handle();
    // next.handle() binds the handler to the async context it is called in: call it inside.
    return new Observable((subscriber) => withAuditContext(audit, () => next.handle().subscribe(subscriber)));
  }
}
