// The database side of the webhook benchmark: a throwaway, migrated database with orders
// waiting for payment (each holding its number, with an open Stripe checkout session), the
// floor's twin of webhook_events, and the exactly-once audit at the end.
import { Client, type Pool } from 'pg';
import { seedCatalog } from '@haoma/catalog';
import { withDatabase } from '@haoma/config';
import { createDataSource, migrateDatabase } from '@haoma/db';
import type { BenchPayment } from './webhooks-events';

export const WEBHOOKS_DATABASE = 'haoma_bench_webhooks';
/** Same columns, defaults, primary key and indexes as webhook_events: the floor inserts here. */
export const FLOOR_TABLE = 'webhook_events_floor';
const AMOUNT_FEN = 128_000;
const ORDERS_PER_CUSTOMER = 50;

/** Runs one statement on the server's `postgres` database (CREATE / DROP DATABASE). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(statement).finally(() => admin.end());
}

export const dropWebhooksDatabase = (serverUrl: string): Promise<void> =>
  onServer(serverUrl, `DROP DATABASE IF EXISTS "${WEBHOOKS_DATABASE}" WITH (FORCE)`);

/** Drops and recreates the throwaway database, migrated and seeded; returns its URL. */
export async function recreateDatabase(serverUrl: string): Promise<string> {
  await dropWebhooksDatabase(serverUrl);
  await onServer(serverUrl, `CREATE DATABASE "${WEBHOOKS_DATABASE}"`);
  const url = withDatabase(serverUrl, WEBHOOKS_DATABASE);
  await migrateDatabase(url, 'haoma-bench-webhooks-setup');
  const dataSource = await createDataSource({ url, poolSize: 1 }).initialize();
  await seedCatalog(dataSource).finally(() => dataSource.destroy());
  const client = new Client({ connectionString: url });
  await client.connect();
  await client
    .query(`CREATE TABLE ${FLOOR_TABLE} (LIKE webhook_events INCLUDING ALL)`)
    .finally(() => client.end());
  return url;
}

/**
 * `count` orders as checkout leaves them: awaiting payment, the number held for the order
 * (a week: nothing expires during the run), an open `stripe` payment whose session id is
 * `cs_bench_<n>`. Written in four set-based statements, not through the API.
 */
export async function insertAwaitingPayments(url: string, count: number): Promise<BenchPayment[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO customers (company_name, contact_name, email, mobile, password_hash)
       SELECT 'Bench 客户 ' || c || ' 有限公司', 'Bench ' || c, 'bench-webhooks-' || c || '@bench.haoma.test',
              '139' || lpad(c::text, 8, '0'), 'scrypt$bench-no-login'
         FROM generate_series(1, $1::int) AS c`,
      [Math.ceil(count / ORDERS_PER_CUSTOMER)],
    );
    await client.query(
      `CREATE TEMP TABLE bench_slots ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS order_id, gen_random_uuid() AS payment_id,
              '4009' || lpad(n::text, 6, '0') AS number, 'cs_bench_' || lpad(n::text, 6, '0') AS session_id,
              ids[1 + n % cardinality(ids)] AS customer_id, now() + interval '7 days' AS hold_until
         FROM generate_series(0, $1::int - 1) AS n, (SELECT array_agg(id ORDER BY id) AS ids FROM customers) AS c`,
      [count],
    );
    await client.query(
      `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                            status, holder_order_id, held_until)
       SELECT number, '4009', 'telecom', 'standard', '{}', 'standard number', 0, 1, 'held', order_id, hold_until
         FROM bench_slots`,
    );
    await client.query(
      `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, priced_at, hold_until)
       SELECT order_id, customer_id, number, 'awaiting_payment', 'standard', 0, $1, now(), hold_until FROM bench_slots`,
      [AMOUNT_FEN],
    );
    await client.query(
      `INSERT INTO payments (id, order_id, provider, provider_session_id, checkout_url, amount_fen, idempotency_key,
                             status, expires_at, created_by)
       SELECT payment_id, order_id, 'stripe', session_id, 'https://checkout.stripe.com/c/pay/' || session_id, $1::int,
              'checkout:' || order_id || ':' || $1::int, 'open', now() + interval '1 day', 'customer:' || customer_id
         FROM bench_slots`,
      [AMOUNT_FEN],
    );
    const { rows } = await client.query<BenchPayment>(
      `SELECT order_id AS "orderId", payment_id AS "paymentId", session_id AS "sessionId", $1::int AS "amountFen"
         FROM bench_slots ORDER BY n`,
      [AMOUNT_FEN],
    );
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    return rows;
  } finally {
    await client.end();
  }
}

/** The type of the warm-up events (stored, ignored by the worker, not counted). */
export const WARMUP_TYPE = 'bench.warmup';

/** Events stored in `table` (webhook_events or the floor's), warm-up events aside. */
export async function storedEvents(pool: Pool, table: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE type <> $1`,
    [WARMUP_TYPE],
  );
  return rows[0]?.n ?? 0;
}

/** Webhook events stored, and how many of them the worker has yet to apply. */
export async function eventProgress(pool: Pool): Promise<{ stored: number; unprocessed: number }> {
  const { rows } = await pool.query<{ stored: number; unprocessed: number }>(
    `SELECT count(*)::int AS stored, count(*) FILTER (WHERE processed_at IS NULL)::int AS unprocessed
       FROM webhook_events`,
  );
  return rows[0] ?? { stored: 0, unprocessed: 0 };
}

/** Per-payment tallies of what applying it must have done, each exactly once. */
export interface ApplyAudit {
  payments: number;
  /** Payments whose every check below holds. */
  appliedOnce: number;
  paid: number;
  awaitingDocuments: number;
  /** Exactly one `payment_confirmed` transition on the order's timeline. */
  confirmedOnce: number;
  /** Exactly one number_events row locking the order's number, and it is locked now. */
  lockedOnce: number;
  /** Exactly one `payment-confirmed` notification (the receipt) for the order. */
  receiptOnce: number;
  refunds: number;
}

export async function auditApplied(pool: Pool): Promise<ApplyAudit> {
  const { rows } = await pool.query<ApplyAudit>(
    `WITH confirmed AS (SELECT order_id, count(*) AS c FROM order_events
                         WHERE type = 'transition' AND event = 'payment_confirmed' GROUP BY order_id),
          locks AS (SELECT number, count(*) AS c FROM number_events WHERE to_status = 'locked' GROUP BY number),
          receipts AS (SELECT order_id, count(*) AS c FROM notifications
                        WHERE template = 'payment-confirmed' GROUP BY order_id),
          checks AS (
            SELECT p.status = 'paid' AND p.paid_at IS NOT NULL AS paid,
                   o.status = 'awaiting_documents' AS moved,
                   coalesce(cf.c, 0) = 1 AS confirmed_once,
                   n.status = 'locked' AND coalesce(l.c, 0) = 1 AS locked_once,
                   coalesce(r.c, 0) = 1 AS receipt_once
              FROM payments p
              JOIN orders o ON o.id = p.order_id
              JOIN numbers n ON n.number = o.number
              LEFT JOIN confirmed cf ON cf.order_id = o.id
              LEFT JOIN locks l ON l.number = o.number
              LEFT JOIN receipts r ON r.order_id = o.id
             WHERE p.provider_session_id LIKE 'cs\\_bench\\_%')
     SELECT count(*)::int AS "payments",
            count(*) FILTER (WHERE paid AND moved AND confirmed_once AND locked_once AND receipt_once)::int
              AS "appliedOnce",
            count(*) FILTER (WHERE paid)::int AS "paid",
            count(*) FILTER (WHERE moved)::int AS "awaitingDocuments",
            count(*) FILTER (WHERE confirmed_once)::int AS "confirmedOnce",
            count(*) FILTER (WHERE locked_once)::int AS "lockedOnce",
            count(*) FILTER (WHERE receipt_once)::int AS "receiptOnce",
            (SELECT count(*)::int FROM refunds) AS "refunds"
       FROM checks`,
  );
  const audit = rows[0];
  if (!audit) throw new Error('the audit query returned nothing');
  return audit;
}
