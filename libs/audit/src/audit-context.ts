import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting and from where, for the audit rows written while handling one request. */
export interface AuditContext {
  /** `staff:<id>`, `customer:<id>` or `system:<part>`. */
  actor: string;
  actorId: string | null;
  actorRole: string | null;
  ip: string | null;
  userAgent: string | null;
  /** `POST /api/v1/staff/orders/:id/notes`. */
  request: string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `work` with `context` as the audit context (the API sets it per staff request). */
export function withAuditContext<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

/** The audit context of the work in progress, if any. */
export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}
