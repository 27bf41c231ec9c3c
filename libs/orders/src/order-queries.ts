import type { EntityManager } from 'typeorm';
import type { OrderPriceLine } from '@haoma/db';
import type { OrderStatus } from '@haoma/domain';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';

/** An order as the customer's views show it (no entity leaves the library). */
export interface OrderView {
  id: string;
  orderNo: string;
  number: string;
  status: OrderStatus;
  statusChangedAt: Date;
  grade: string;
  selectionFeeFen: number;
  planId: string | null;
  priceLines: OrderPriceLine[];
  totalFen: number | null;
  pricedAt: Date | null;
  holdUntil: Date | null;
  holdExtensions: number;
  documentsDueAt: Date | null;
  closedReason: string | null;
  createdAt: Date;
}

export interface OrderSignatureView {
  agreementKind: string;
  agreementVersion: number;
  agreementSha256: string;
  signerName: string;
  signerTitle: string;
  signedAt: Date;
}

/** One row of the timeline: creation, a transition, or a step within a status. */
export interface OrderTimelineEntry {
  id: string;
  type: string;
  event: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  /** `customer:<id>`, `staff:<id>` or `system:<part>`. */
  actor: string;
  reason: string | null;
  at: Date;
}

export interface OrderDetail extends OrderView {
  signatures: OrderSignatureView[];
  timeline: OrderTimelineEntry[];
}

export interface OrderPage {
  items: OrderView[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

const VIEW_COLUMNS = `o.id, o.order_no, o.number, o.status, o.status_changed_at, o.grade, o.selection_fee_fen,
  o.plan_id, o.price_lines, o.total_fen, o.priced_at, o.hold_until, o.hold_extensions, o.documents_due_at,
  o.closed_reason, o.created_at`;

interface ViewRow {
  id: string;
  order_no: string;
  number: string;
  status: OrderStatus;
  status_changed_at: Date;
  grade: string;
  selection_fee_fen: number;
  plan_id: string | null;
  price_lines: OrderPriceLine[];
  total_fen: number | null;
  priced_at: Date | null;
  hold_until: Date | null;
  hold_extensions: number;
  documents_due_at: Date | null;
  closed_reason: string | null;
  created_at: Date;
}

const toView = (r: ViewRow): OrderView => ({
  id: r.id,
  orderNo: String(r.order_no),
  number: r.number,
  status: r.status,
  statusChangedAt: r.status_changed_at,
  grade: r.grade,
  selectionFeeFen: r.selection_fee_fen,
  planId: r.plan_id,
  priceLines: r.price_lines,
  totalFen: r.total_fen,
  pricedAt: r.priced_at,
  holdUntil: r.hold_until,
  holdExtensions: r.hold_extensions,
  documentsDueAt: r.documents_due_at,
  closedReason: r.closed_reason,
  createdAt: r.created_at,
});

// json_agg leaves timestamps as ISO text: turn them back into dates.
interface JsonSignature extends Omit<OrderSignatureView, 'signedAt'> {
  signedAt: string;
}
interface JsonTimelineEntry extends Omit<OrderTimelineEntry, 'at' | 'id'> {
  id: number | string;
  at: string;
}

/**
 * One of the customer's orders with its signatures and its timeline (oldest first), in one
 * round trip; undefined when there is no such order or it is another customer's.
 */
export async function findOrder(
  manager: EntityManager,
  query: { orderId: string; customerId: string },
): Promise<OrderDetail | undefined> {
  const rows: (ViewRow & { signatures: JsonSignature[]; timeline: JsonTimelineEntry[] })[] =
    await manager.query(
      `SELECT ${VIEW_COLUMNS},
         (SELECT coalesce(json_agg(json_build_object(
                   'agreementKind', s.agreement_kind, 'agreementVersion', s.agreement_version,
                   'agreementSha256', s.agreement_sha256, 'signerName', s.signer_name,
                   'signerTitle', s.signer_title, 'signedAt', s.signed_at)
                 ORDER BY s.agreement_kind), '[]')
            FROM order_signatures s WHERE s.order_id = o.id) AS signatures,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', e.id, 'type', e.type, 'event', e.event, 'fromStatus', e.from_status,
                   'toStatus', e.to_status, 'actor', e.actor, 'reason', e.reason, 'at', e.created_at)
                 ORDER BY e.id), '[]')
            FROM order_events e WHERE e.order_id = o.id) AS timeline
         FROM orders o WHERE o.id = $1 AND o.customer_id = $2`,
      [query.orderId, query.customerId],
    );
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...toView(row),
    signatures: row.signatures.map((s) => ({ ...s, signedAt: new Date(s.signedAt) })),
    timeline: row.timeline.map((e) => ({ ...e, id: String(e.id), at: new Date(e.at) })),
  };
}

/** Thrown by {@link listOrders} for a cursor it did not hand out. */
export class InvalidOrderCursorError extends Error {
  constructor() {
    super('The cursor is not one this API handed out; start again from the first page.');
    this.name = 'InvalidOrderCursorError';
  }
}

/**
 * The customer's orders, newest first (ties by id), `limit` at a time after `cursor`,
 * optionally only those in `status`. Keyset pagination: a page never skips or repeats an
 * order when new ones arrive meanwhile.
 */
export async function listOrders(
  manager: EntityManager,
  query: { customerId: string; limit: number; cursor?: string | undefined; status?: OrderStatus | undefined },
): Promise<OrderPage> {
  const after = query.cursor === undefined ? undefined : decodeOrderCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw new InvalidOrderCursorError();
  const rows: (ViewRow & { created_at_text: string })[] = await manager.query(
    `SELECT ${VIEW_COLUMNS},
            to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_at_text
       FROM orders o
      WHERE o.customer_id = $1
        AND ($2::varchar IS NULL OR o.status = $2)
        AND ($3::timestamp IS NULL OR (o.created_at, o.id) < ($3::timestamp AT TIME ZONE 'UTC', $4::uuid))
      ORDER BY o.created_at DESC, o.id DESC
      LIMIT $5`,
    [query.customerId, query.status ?? null, after?.createdAt ?? null, after?.id ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor:
      rows.length > query.limit && last
        ? encodeOrderCursor({ createdAt: last.created_at_text, id: last.id })
        : null,
  };
}
