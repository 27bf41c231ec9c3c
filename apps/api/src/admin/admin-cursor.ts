import { ApiError } from '../common/api-error';

/** Where a newest-first page of runs starts: after this (started_at as PostgreSQL text, id). */
export interface RunPosition {
  startedAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeRunCursor = (position: RunPosition): string =>
  Buffer.from(JSON.stringify([position.startedAt, position.id])).toString('base64url');

/** The position a cursor names; an edited or foreign cursor is a 400, not a wrong page. */
export function decodeRunCursor(cursor: string | undefined): RunPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [startedAt, id] = value as unknown[];
      if (
        typeof startedAt === 'string' &&
        !Number.isNaN(Date.parse(startedAt)) &&
        typeof id === 'string' &&
        UUID.test(id)
      )
        return { startedAt, id };
    }
  } catch {
    // Falls through to the refusal.
  }
  throw new ApiError('INVALID_QUERY', 'Invalid request: cursor', [
    { field: 'cursor', errors: ['cursor is not one this API returned'], codes: ['INVALID_CURSOR'] },
  ]);
}

/** `staff:<id>`: how an admin is written in number_events and run rows. */
export const staffActor = (account: { id: string }): string => `staff:${account.id}`;
