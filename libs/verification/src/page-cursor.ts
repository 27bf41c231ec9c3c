/**
 * Where a keyset page ends: a timestamp to the microsecond as Postgres keeps it (`YYYY-MM-DD
 * THH:MM:SS.ffffff`, UTC) and the row id that breaks ties. Opaque to clients.
 */
export interface PageCursor {
  at: string;
  id: string;
}

const VERSION = 'v1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SQL for a timestamptz column as the cursor's text. */
export const cursorText = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(`${VERSION}|${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor, or undefined for anything we did not hand out. */
export function decodePageCursor(text: string): PageCursor | undefined {
  if (text.length > 120 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [version, at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (version !== VERSION || rest.length || !at || !id || !TIMESTAMP.test(at) || !UUID.test(id))
    return undefined;
  return { at, id };
}

/** A page of items and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
