// Orders written straight into the tables, as the order service would leave them, so that the
// worker's suites do not depend on the HTTP API.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

let numberSeq = 0;
let emailSeq = 0;

/** A fresh 400 number for this suite's database. */
export const nextNumber = (): string => `4009${String(++numberSeq).padStart(6, '0')}`;

export async function insertCustomer(ds: DataSource): Promise<{ id: string; email: string }> {
  const email = `buyer${++emailSeq}-${randomUUID().slice(0, 8)}@example.com`;
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO customers (company_name, contact_name, email, mobile, password_hash)
     VALUES ('深圳好码科技有限公司', '张三', $1, '13800138000', 'scrypt$test') RETURNING id`,
    [email],
  );
  return { id: defined(rows[0], 'the customer').id, email };
}

export interface HeldOrderOptions {
  customerId: string;
  holdUntil: Date;
  status?: 'selecting' | 'awaiting_payment';
  /**
   * The hold's 'expire-hold' outbox row: `pending` (the relay has yet to publish it),
   * `published` (published to a queue that then lost it), or `none`.
   */
  outbox?: 'pending' | 'published' | 'none';
}

/** An order holding a fresh number until `holdUntil`, with its timeline row and timer. */
export async function insertHeldOrder(
  ds: DataSource,
  options: HeldOrderOptions,
): Promise<{ orderId: string; number: string }> {
  const orderId = randomUUID();
  const number = nextNumber();
  const status = options.status ?? 'selecting';
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                          status, holder_order_id, held_until)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'standard number', 0, 1, 'held', $2, $3)`,
    [number, orderId, options.holdUntil],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until)
     VALUES ($1, $2, $3, $4, 'standard', 0, $5, $6)`,
    [
      orderId,
      options.customerId,
      number,
      status,
      status === 'awaiting_payment' ? 128_000 : null,
      options.holdUntil,
    ],
  );
  await ds.query(
    `INSERT INTO order_events (order_id, type, to_status, actor, reason) VALUES ($1, 'created', 'selecting', $2, 'held')`,
    [orderId, `customer:${options.customerId}`],
  );
  if ((options.outbox ?? 'pending') !== 'none')
    await ds.query(
      `INSERT INTO outbox_messages (job_name, payload, run_at, published_at) VALUES ('expire-hold', $1, $2, $3)`,
      [
        JSON.stringify({ orderId, holdUntil: options.holdUntil.toISOString() }),
        options.holdUntil,
        options.outbox === 'published' ? new Date() : null,
      ],
    );
  return { orderId, number };
}

/** A paid order whose number is locked, waiting for documents due at `documentsDueAt`. */
export async function insertAwaitingDocumentsOrder(
  ds: DataSource,
  customerId: string,
  documentsDueAt: Date,
): Promise<{ orderId: string; number: string }> {
  const orderId = randomUUID();
  const number = nextNumber();
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                          status, holder_order_id)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'standard number', 0, 1, 'locked', $2)`,
    [number, orderId],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until, documents_due_at)
     VALUES ($1, $2, $3, 'awaiting_documents', 'standard', 0, 128000, now() - interval '1 day', $4)`,
    [orderId, customerId, number, documentsDueAt],
  );
  return { orderId, number };
}

export interface OrderState {
  status: string;
  numberStatus: string;
  transitions: { event: string; actor: string; created_at: Date }[];
}

export async function orderState(ds: DataSource, orderId: string): Promise<OrderState> {
  const [row] = await ds.query(
    `SELECT o.status, n.status AS number_status FROM orders o JOIN numbers n ON n.number = o.number WHERE o.id = $1`,
    [orderId],
  );
  const transitions = await ds.query(
    `SELECT event, actor, created_at FROM order_events WHERE order_id = $1 AND type = 'transition' ORDER BY id`,
    [orderId],
  );
  return { status: row.status, numberStatus: row.number_status, transitions };
}

/** `value`, or a failure naming what was missing. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

/** Polls `probe` until it returns something other than undefined. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
