import type { EntityManager } from 'typeorm';
import { currentAuditContext, type AuditContext } from './audit-context';

export interface AuditEntry {
  /** A stable dotted name: `order.note_added`, `number.price_overridden`, `staff.deactivated`. */
  action: string;
  targetType: string;
  targetId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends one row to the audit log inside the caller's transaction, so the record and the
 * change it describes commit together. Who and from where come from the request's audit
 * context (set by the API for every staff request) unless given.
 */
export async function recordAudit(
  manager: EntityManager,
  entry: AuditEntry,
  context: AuditContext | undefined = currentAuditContext(),
): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (actor, actor_id, actor_role, action, target_type, target_id, before, after, ip, user_agent, request)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      context?.actor ?? 'system:unknown',
      context?.actorId ?? null,
      context?.actorRole ?? null,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.before == null ? null : JSON.stringify(entry.before),
      entry.after == null ? null : JSON.stringify(entry.after),
      context?.ip ?? null,
      context?.userAgent ?? null,
      context?.request ?? null,
    ],
  );
}
