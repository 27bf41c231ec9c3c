/**
 * Where a page of the audit log ends: the last row's time, to the microsecond as Postgres
 * keeps it, and its id (rows of one transaction share a time; the id breaks the tie).
 * Opaque to clients.
 */
export interface AuditCursor {
  /** `YYYY-MM-DDTHH:MM:SS.ffffff`, UTC. */
  at: string;
  /** The row's bigint id, as decimal text. */
  id: string;
}

const VERSION = 'a1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const BIGINT = /^[1-9]\d{0,18}$/;

/** SQL text of a timestamptz column as the cursor keeps it. */
export const auditCursorTimeSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${VERSION}|${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** A cursor made by encodeAuditCursor, or undefined for anything else. */
export function decodeAuditCursor(text: string): AuditCursor | undefined {
  if (text.length > 120 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [version, at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (version !== VERSION || rest.length || !at || !id) return undefined;
  if (!TIMESTAMP.test(at) || !BIGINT.test(id) || Number.isNaN(Date.parse(`${at}Z`))) return undefined;
  return { at, id };
}

/** A cursor the client sent that the audit log did not hand out. */
export class InvalidAuditCursorError extends Error {
  constructor() {
    super('cursor is not one this list handed out');
    this.name = 'InvalidAuditCursorError';
  }
}
