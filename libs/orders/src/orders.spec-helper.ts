import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';
import type { HoldSettings } from './hold-settings';

/** The defaults of the config (30 min holds, one 15 min extension, 3 holds). */
export const TEST_HOLD_SETTINGS: HoldSettings = {
  holdTtlMs: 30 * 60_000,
  extensionMs: 15 * 60_000,
  maxExtensions: 1,
  maxHolds: 3,
};

let sequence = 0;

/** A fresh 400 number for each call within a test process. */
export function nextNumber(block = '4008'): string {
  sequence += 1;
  return `${block}${String(sequence).padStart(6, '0')}`;
}

export async function insertCustomer(ds: DataSource): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
     VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'not-a-hash')`,
    [id, `c-${id}@example.com`],
  );
  return id;
}

export async function insertNumber(
  ds: DataSource,
  number: string,
  options: { status?: string; grade?: string; feeFen?: number; heldUntil?: Date } = {},
): Promise<void> {
  const status = options.status ?? 'available';
  const holding = ['held', 'locked', 'assigned', 'suspended'].includes(status);
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                          status, holder_order_id, held_until)
     VALUES ($1::text, left($1::text, 4), 'telecom', $2, '{}', 'test number', $3, 1, $4, $5, $6)`,
    [
      number,
      options.grade ?? 'standard',
      options.feeFen ?? 0,
      status,
      holding ? randomUUID() : null,
      status === 'held' ? (options.heldUntil ?? new Date(Date.now() + 60_000)) : null,
    ],
  );
}

export interface NumberRow {
  status: string;
  holder_order_id: string | null;
  held_until: Date | null;
}

export async function numberRow(ds: DataSource, number: string): Promise<NumberRow | undefined> {
  const rows: NumberRow[] = await ds.query(
    `SELECT status, holder_order_id, held_until FROM numbers WHERE number = $1`,
    [number],
  );
  return rows[0];
}

export interface OrderRow {
  id: string;
  customer_id: string;
  number: string;
  status: OrderStatus;
  grade: string;
  selection_fee_fen: number;
  hold_until: Date | null;
  hold_extensions: number;
  total_fen: number | null;
  closed_reason: string | null;
}

export async function orderRow(ds: DataSource, id: string): Promise<OrderRow | undefined> {
  const rows: OrderRow[] = await ds.query(`SELECT * FROM orders WHERE id = $1`, [id]);
  return rows[0];
}

export async function eventsOf(
  ds: DataSource,
  orderId: string,
): Promise<
  {
    id: string;
    type: string;
    event: string | null;
    from_status: string | null;
    to_status: string | null;
    actor: string;
    data: Record<string, unknown> | null;
  }[]
> {
  return ds.query(`SELECT * FROM order_events WHERE order_id = $1 ORDER BY id`, [orderId]);
}

export async function outboxOf(
  ds: DataSource,
  orderId: string,
): Promise<{ id: string; job_name: string; payload: Record<string, string>; run_at: Date | null }[]> {
  return ds.query(`SELECT * FROM outbox_messages WHERE payload ->> 'orderId' = $1 ORDER BY id`, [orderId]);
}

// What the number is while an order is in each status (DESIGN.md).
export const NUMBER_STATUS_OF: Record<OrderStatus, string> = {
  selecting: 'held',
  awaiting_payment: 'held',
  awaiting_documents: 'locked',
  under_review: 'locked',
  provisioning: 'locked',
  active: 'assigned',
  ended: 'quarantine',
  expired: 'available',
  cancelled: 'available',
};

/**
 * An order already in `status`, with its number in the matching state, written directly
 * (as earlier transitions would have left it) so that any event can be tried from it.
 */
export async function placeOrder(
  ds: DataSource,
  options: {
    status: OrderStatus;
    customerId: string;
    holdUntil: Date;
    documentsDueAt?: Date | null;
    totalFen?: number | null;
  },
): Promise<{ orderId: string; number: string }> {
  const orderId = randomUUID();
  const number = nextNumber('4006');
  const numberStatus = NUMBER_STATUS_OF[options.status];
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                          status, holder_order_id, held_until)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'test number', 0, 1, $2, $3, $4)`,
    [
      number,
      numberStatus,
      numberStatus === 'available' || numberStatus === 'quarantine' ? null : orderId,
      numberStatus === 'held' ? options.holdUntil : null,
    ],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until,
                         documents_due_at)
     VALUES ($1, $2, $3, $4, 'standard', 0, $5, $6, $7)`,
    [
      orderId,
      options.customerId,
      number,
      options.status,
      options.totalFen === undefined ? 120_000 : options.totalFen,
      options.holdUntil,
      options.documentsDueAt ?? null,
    ],
  );
  return { orderId, number };
}
