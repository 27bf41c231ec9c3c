/**
 * Where a page of a customer's orders ends: the last order's creation time, to the
 * microsecond as Postgres keeps it, and its id (which breaks ties). Opaque to clients.
 */
export interface OrderCursor {
  /** `YYYY-MM-DDTHH:MM:SS.ffffff`, UTC. */
  createdAt: string;
  id: string;
}

const VERSION = 'o1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_LENGTH = 120;

/** The cursor for "after this order" in the newest-first list. */
export function encodeOrderCursor(cursor: OrderCursor): string {
  return Buffer.from(`${VERSION}|${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by {@link encodeOrderCursor}; undefined for anything else. An edited
 * but well-formed cursor only moves the page: the list is the customer's own either way.
 */
export function decodeOrderCursor(text: string): OrderCursor | undefined {
  if (text.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [version, createdAt, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (version !== VERSION || rest.length || !createdAt || !id) return undefined;
  if (!TIMESTAMP.test(createdAt) || !UUID.test(id) || Number.isNaN(Date.parse(`${createdAt}Z`)))
    return undefined;
  return { createdAt, id };
}
