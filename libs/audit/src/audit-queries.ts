import type { EntityManager } from 'typeorm';
import {
  auditCursorTimeSql,
  decodeAuditCursor,
  encodeAuditCursor,
  InvalidAuditCursorError,
} from './audit-cursor';

/** One row of the audit log as the admin API shows it. */
export interface AuditRecord {
  id: string;
  actor: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  request: string | null;
  createdAt: Date;
}

/** Filters (all optional, combined with AND) and the page to read. */
export interface AuditQuery {
  /** The acting account's id (staff or customer). */
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Rows at or after this instant. */
  from?: Date;
  /** Rows strictly before this instant. */
  to?: Date;
  limit: number;
  /** `nextCursor` of the previous page; throws InvalidAuditCursorError for anything else. */
  cursor?: string;
}

export interface AuditPage {
  items: AuditRecord[];
  nextCursor: string | null;
}

interface AuditRow {
  id: string;
  actor: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  user_agent: string | null;
  request: string | null;
  created_at: Date;
  cursor_at: string;
}

/**
 * The audit log, newest first, keyset-paginated on (created_at, id): a page never skips or
 * repeats a row however many are appended meanwhile (new rows are newer than any cursor).
 */
export async function listAuditEntries(manager: EntityManager, query: AuditQuery): Promise<AuditPage> {
  let after = null;
  if (query.cursor !== undefined) {
    after = decodeAuditCursor(query.cursor);
    if (!after) throw new InvalidAuditCursorError();
  }
  const rows: AuditRow[] = await manager.query(
    `SELECT id::text AS id, actor, actor_id, actor_role, action, target_type, target_id, before, after,
            ip, user_agent, request, created_at, ${auditCursorTimeSql('created_at')} AS cursor_at
       FROM audit_log
      WHERE ($1::uuid IS NULL OR actor_id = $1)
        AND ($2::text IS NULL OR action = $2)
        AND ($3::text IS NULL OR target_type = $3)
        AND ($4::text IS NULL OR target_id = $4)
        AND ($5::timestamptz IS NULL OR created_at >= $5)
        AND ($6::timestamptz IS NULL OR created_at < $6)
        AND ($7::timestamp IS NULL OR (created_at, id) < ($7::timestamp AT TIME ZONE 'UTC', $8::bigint))
      ORDER BY created_at DESC, id DESC
      LIMIT $9`,
    [
      query.actorId ?? null,
      query.action ?? null,
      query.targetType ?? null,
      query.targetId ?? null,
      query.from ?? null,
      query.to ?? null,
      after?.at ?? null,
      after?.id ?? null,
      query.limit + 1,
    ],
  );
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      actor: row.actor,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      before: row.before,
      after: row.after,
      ip: row.ip,
      userAgent: row.user_agent,
      request: row.request,
      createdAt: row.created_at,
    })),
    nextCursor: more && last ? encodeAuditCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}
