/**
 * Where a page of a keyset-paginated list ends: the last row's sort time, to the microsecond
 * as Postgres keeps it, and its id (which breaks ties). Opaque to clients.
 */
export interface PageCursor {
  /** `YYYY-MM-DDTHH:MM:SS.ffffff`, UTC. */
  at: string;
  id: string;
}

const VERSION = 'c1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SQL text of a timestamptz column as the cursor keeps it. */
export const cursorTimeSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(`${VERSION}|${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** A cursor made by encodePageCursor, or undefined for anything else. */
export function decodePageCursor(text: string): PageCursor | undefined {
  if (text.length > 120 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [version, at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (version !== VERSION || rest.length || !at || !id) return undefined;
  if (!TIMESTAMP.test(at) || !UUID.test(id) || Number.isNaN(Date.parse(`${at}Z`))) return undefined;
  return { at, id };
}

/** A cursor the client sent that we did not hand out. */
export class InvalidPageCursorError extends Error {
  constructor() {
    super('cursor is not one this list handed out');
    this.name = 'InvalidPageCursorError';
  }
}

/** The decoded cursor of a request (null for the first page); throws InvalidPageCursorError. */
export function pageAfter(cursor: string | undefined): PageCursor | null {
  if (cursor === undefined) return null;
  const decoded = decodePageCursor(cursor);
  if (!decoded) throw new InvalidPageCursorError();
  return decoded;
}
