import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import { redisConnectionOf } from '@haoma/jobs';
import {
  createTestDatabase,
  testConfig,
  type TestDatabase,
  killWorker,
  startWorker,
  workerEnv,
  type WorkerProcess,
} from '@haoma/testing';
import { insertCustomer, insertHeldOrder, waitFor } from './order-fixtures';
import { insertPayment, sessionEvent, storeEvent } from './payment-fixtures';

// kill -9 while payments are being applied (one of them provably in the middle of its
// transaction), then a restart: every payment applied once, one lock, one receipt each.
jest.setTimeout(90_000);

describe('the worker killed while applying payments', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let config: AppConfig;
  let mailDir: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-payments-process-'));
    config = testConfig(db.url, { SWEEP_INTERVAL_SECONDS: '3600', MAIL_DIR: mailDir });
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  });
  afterAll(async () => {
    await Promise.all(workers.splice(0).map(killWorker));
    await ds.destroy();
    await db.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  const count = async (sql: string, params: unknown[]): Promise<number> => (await ds.query(sql, params))[0].n;
  const start = async () => {
    const worker = await startWorker(workerEnv(config));
    workers.push(worker);
    return worker;
  };

  it('applies every payment once after kill -9 and a restart', async () => {
    const N = 150;
    const customerId = (await insertCustomer(ds)).id;
    const orderIds: string[] = [];
    const outbox: string[] = [];
    for (let i = 0; i < N; i++) {
      const { orderId } = await insertHeldOrder(ds, {
        customerId,
        status: 'awaiting_payment',
        holdUntil: new Date(Date.now() + 3_600_000),
        outbox: 'none',
      });
      orderIds.push(orderId);
      const payment = await insertPayment(ds, orderId);
      for (const type of [
        'checkout.session.completed',
        'checkout.session.async_payment_succeeded',
      ] as const) {
        const webhookEventId = await storeEvent(ds, sessionEvent(payment, type));
        // Three jobs per event: a relay that published it again, a redelivered job.
        outbox.push(webhookEventId, webhookEventId, webhookEventId);
      }
    }
    await ds.query(
      `INSERT INTO outbox_messages (job_name, payload)
       SELECT 'apply-webhook-event', jsonb_build_object('webhookEventId', e) FROM unnest($1::text[]) AS e`,
      [outbox],
    );
    // One order's row is locked: its payment's jobs block inside their transactions. (Not the
    // first: its six jobs would take every slot before anything else was paid.)
    const blocked = orderIds[N / 2] as string;
    const lock = new Client({ connectionString: db.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query(`SELECT 1 FROM orders WHERE id = $1 FOR UPDATE`, [blocked]);

    const paid = () =>
      count(`SELECT count(*)::int AS n FROM orders WHERE id = ANY($1) AND status = 'awaiting_documents'`, [
        orderIds,
      ]);
    const blockedOnLock = () =>
      count(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'haoma-worker' AND wait_event_type = 'Lock'`,
        [],
      );
    try {
      const first = await start();
      await waitFor(
        async () => ((await paid()) >= 20 && (await blockedOnLock()) > 0 ? true : undefined),
        'payments applied and one blocked mid-transaction',
        30_000,
        5,
      );
      await killWorker(first);
    } finally {
      await lock.query('ROLLBACK');
      await lock.end();
    }
    const atKill = await paid();
    expect(atKill).toBeLessThan(N);
    expect(
      await count(`SELECT count(*)::int AS n FROM orders WHERE id = $1 AND status = 'awaiting_payment'`, [
        blocked,
      ]),
    ).toBe(1);

    await start();
    const receipts = () =>
      count(
        `SELECT count(*)::int AS n FROM notifications WHERE order_id = ANY($1) AND template = 'payment-confirmed' AND status = 'sent'`,
        [orderIds],
      );
    // Every stored event processed too: an order is paid by its first event, while the other
    // one's jobs may still wait for stalled-job recovery (the killed worker held them).
    const unprocessed = () =>
      count(`SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL`, []);
    await waitFor(
      async () =>
        (await paid()) === N && (await receipts()) === N && (await unprocessed()) === 0 ? true : undefined,
      'every payment, receipt and event after the restart',
      60_000,
      200,
    );

    const perOrder = async (sql: string) =>
      ((await ds.query(sql, [orderIds])) as { n: number }[]).map((r) => r.n);
    expect(
      await perOrder(
        `SELECT count(*)::int AS n FROM order_events WHERE order_id = ANY($1) AND type = 'transition' GROUP BY order_id`,
      ),
    ).toEqual(Array(N).fill(1));
    expect(
      await perOrder(
        `SELECT count(*)::int AS n FROM number_events WHERE order_id = ANY($1) GROUP BY order_id`,
      ),
    ).toEqual(Array(N).fill(1));
    expect(
      await perOrder(
        `SELECT count(*)::int AS n FROM notifications WHERE order_id = ANY($1) GROUP BY order_id`,
      ),
    ).toEqual(Array(N).fill(1));
    expect(
      await count(`SELECT count(*)::int AS n FROM payments WHERE order_id = ANY($1) AND status = 'paid'`, [
        orderIds,
      ]),
    ).toBe(N);
    expect(await count(`SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL`, [])).toBe(
      0,
    );
    expect(await count(`SELECT count(*)::int AS n FROM refunds`, [])).toBe(0);
    const queue = new Queue('payments', {
      connection: redisConnectionOf(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      await waitFor(
        async () => ((await queue.getActiveCount()) === 0 ? true : undefined),
        'the queue to drain',
      );
      expect(await queue.getFailedCount()).toBe(0);
    } finally {
      await queue.close();
    }
  });
});
