/**
 * Keyset cursors of the staff pipeline. A cursor carries the sort it was made for, so a page
 * requested with another sort is refused instead of silently skipping or repeating orders.
 */
export const PIPELINE_SORTS = ['age', 'status_age', 'deadline'] as const;
export type PipelineSort = (typeof PIPELINE_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface PipelineCursor {
  sort: PipelineSort;
  order: SortOrder;
  /** The sort key of the last row, `YYYY-MM-DDTHH:MM:SS.ffffff` UTC, as Postgres keeps it. */
  at: string;
  id: string;
}

const VERSION = 'p1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodePipelineCursor(cursor: PipelineCursor): string {
  return Buffer.from([VERSION, cursor.sort, cursor.order, cursor.at, cursor.id].join('|'), 'utf8').toString(
    'base64url',
  );
}

/** The cursor, or undefined for anything this module did not hand out. */
export function decodePipelineCursor(text: string): PipelineCursor | undefined {
  if (text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [version, sort, order, at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (version !== VERSION || rest.length || !sort || !order || !at || !id) return undefined;
  if (!(PIPELINE_SORTS as readonly string[]).includes(sort)) return undefined;
  if (!(SORT_ORDERS as readonly string[]).includes(order)) return undefined;
  if (!TIMESTAMP.test(at) || !UUID.test(id) || Number.isNaN(Date.parse(`${at}Z`))) return undefined;
  return { sort: sort as PipelineSort, order: order as SortOrder, at, id };
}

/** Where a page of an activity feed or note list ends: a time and the entry's key. */
export interface FeedCursor {
  order: SortOrder;
  at: string;
  key: string;
}

const FEED_VERSION = 'f1';
const FEED_KEY = /^[a-z_.]+:[0-9A-Za-z-]{1,64}$/;

export function encodeFeedCursor(cursor: FeedCursor): string {
  return Buffer.from([FEED_VERSION, cursor.order, cursor.at, cursor.key].join('|'), 'utf8').toString(
    'base64url',
  );
}

export function decodeFeedCursor(text: string): FeedCursor | undefined {
  if (text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [version, order, at, key, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (version !== FEED_VERSION || rest.length || !order || !at || !key) return undefined;
  if (!(SORT_ORDERS as readonly string[]).includes(order)) return undefined;
  if (!TIMESTAMP.test(at) || !FEED_KEY.test(key) || Number.isNaN(Date.parse(`${at}Z`))) return undefined;
  return { order: order as SortOrder, at, key };
}

/** SQL for a timestamptz expression as a cursor's text. */
export const cursorText = (expression: string) =>
  `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
