import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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
import { insertCustomer, insertHeldOrder, orderState, waitFor } from './order-fixtures';

// The built-in guarantees that need a real process: kill -9 in the middle of jobs, and a
// graceful SIGTERM. The worker runs from source as a child process.
jest.setTimeout(90_000);

describe('the worker process', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let config: AppConfig;
  let mailDir: string;
  let customerId: string;
  const workers: WorkerProcess[] = [];

  const start = async (extra: Record<string, string> = {}) => {
    const worker = await startWorker(workerEnv(config, extra));
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-process-mail-'));
    config = testConfig(db.url, { SWEEP_INTERVAL_SECONDS: '5', MAIL_DIR: mailDir });
    ds = createDataSource({ url: db.url, poolSize: 3 });
    await ds.initialize();
    customerId = (await insertCustomer(ds)).id;
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map(killWorker));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  const count = async (sql: string, params: unknown[]): Promise<number> => (await ds.query(sql, params))[0].n;

  it('after kill -9 in the middle of jobs and a restart, every order expires and every email goes out once', async () => {
    const N = 300;
    // All due within a few ms: a burst that keeps every processor busy when the kill lands.
    const base = Date.now() + 5_000;
    const orders = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        insertHeldOrder(ds, { customerId, holdUntil: new Date(base + (i % 10)) }),
      ),
    );
    const ids = orders.map((o) => o.orderId);
    const expired = () =>
      count(`SELECT count(*)::int AS n FROM orders WHERE id = ANY($1) AND status = 'expired'`, [ids]);
    const sent = () =>
      count(`SELECT count(*)::int AS n FROM notifications WHERE order_id = ANY($1) AND status = 'sent'`, [
        ids,
      ]);

    const first = await start();
    await waitFor(async () => ((await expired()) >= 40 ? true : undefined), 'the first expiries', 20_000, 5);
    await killWorker(first);
    const atKill = { expired: await expired(), sent: await sent() };
    expect(atKill.expired).toBeLessThan(N);
    expect(atKill.sent).toBeLessThan(N);
    // Killed in the middle of jobs: some were running and are left in the queues' active lists.
    const queues = [ordersQueue(), notificationsQueue()];
    const activeAtKill = (await Promise.all(queues.map((q) => q.getActiveCount()))).reduce((a, b) => a + b);
    expect(activeAtKill).toBeGreaterThan(0);

    await start();
    await waitFor(
      async () => ((await expired()) === N && (await sent()) === N ? true : undefined),
      'every expiry and email after the restart',
      60_000,
      200,
    );

    // Every order expired once: one transition, one number release.
    const transitions = await ds.query(
      `SELECT order_id, count(*)::int AS n FROM order_events
        WHERE order_id = ANY($1) AND type = 'transition' GROUP BY order_id`,
      [ids],
    );
    expect(transitions).toHaveLength(N);
    expect(transitions.every((t: { n: number }) => t.n === 1)).toBe(true);
    const releases = await ds.query(
      `SELECT number, count(*)::int AS n FROM number_events WHERE order_id = ANY($1) GROUP BY number`,
      [ids],
    );
    expect(releases).toHaveLength(N);
    expect(releases.every((r: { n: number }) => r.n === 1)).toBe(true);
    for (const { orderId } of orders.slice(0, 5))
      expect(await orderState(ds, orderId)).toMatchObject({ status: 'expired', numberStatus: 'available' });

    // One email per event: one notification per dedupe key, one file per notification.
    const notifications: { id: string; dedupe_key: string; attempts: number }[] = await ds.query(
      `SELECT id, dedupe_key, attempts FROM notifications WHERE order_id = ANY($1)`,
      [ids],
    );
    expect(notifications).toHaveLength(N);
    expect(new Set(notifications.map((n) => n.dedupe_key)).size).toBe(N);
    const files = (await readdir(mailDir)).filter((f) => f.endsWith('.eml'));
    expect(files.sort()).toEqual(notifications.map((n) => `${n.id}.eml`).sort());
    expect((await readdir(mailDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const n of notifications.slice(0, 10))
      expect(await readFile(join(mailDir, `${n.id}.eml`), 'utf8')).toContain(`Message-ID: <${n.id}@haoma>`);
    // Nothing given up on: the killed jobs ran again.
    for (const queue of queues) {
      expect(await queue.getFailedCount()).toBe(0);
      await queue.close();
    }
  });

  /** Holds the order row locked, so that the expiry job of the order blocks in its transaction. */
  async function lockOrder(orderId: string): Promise<{ release(): Promise<void> }> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(`SELECT 1 FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
    return {
      release: async () => {
        await client.query('ROLLBACK');
        await client.end();
      },
    };
  }

  const ordersQueue = () =>
    new Queue('orders', { connection: redisConnectionOf(config.REDIS_URL), prefix: config.QUEUE_PREFIX });

  const notificationsQueue = () =>
    new Queue('notifications', {
      connection: redisConnectionOf(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });

  const blockedOnLock = () =>
    count(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'haoma-worker' AND wait_event_type = 'Lock'`,
      [],
    );

  it('on SIGTERM stops taking jobs, lets the running one finish, and exits 0', async () => {
    // The order is locked before the worker starts, so its expiry (timer or boot sweep) blocks.
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil: new Date(Date.now() + 300) });
    const lock = await lockOrder(orderId);
    const orders = ordersQueue();
    let worker: WorkerProcess;
    let other: { orderId: string };
    try {
      worker = await start({ SHUTDOWN_GRACE: '20s' });
      await waitFor(async () => ((await blockedOnLock()) > 0 ? true : undefined), 'the expiry to block');
      worker.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      // A job arriving now is not taken: the worker only finishes what it runs.
      other = await insertHeldOrder(ds, {
        customerId,
        holdUntil: new Date(Date.now() - 1_000),
        outbox: 'none',
      });
      await orders.add(
        'expire-hold',
        { orderId: other.orderId, holdUntil: new Date().toISOString() },
        { jobId: 'late-job' },
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(worker.child.exitCode).toBeNull();
    } finally {
      await lock.release();
    }
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const state = await orderState(ds, orderId);
    expect(state.status).toBe('expired');
    expect(state.transitions).toHaveLength(1);
    expect(state.transitions[0]?.actor).toMatch(/^system:(hold-timer|sweeper)$/);
    expect((await orderState(ds, other.orderId)).status).toBe('selecting');
    expect(await (await orders.getJob('late-job'))?.getState()).toBe('waiting');
    expect(worker.output.join('')).toContain('queue workers closed');
    await orders.close();
  });

  it('on SIGTERM hands a job that outlasts the grace back to the queue, exits 0, and the job runs after restart', async () => {
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil: new Date(Date.now() + 300) });
    const [{ id: outboxId }] = await ds.query(
      `SELECT id FROM outbox_messages WHERE payload->>'orderId' = $1`,
      [orderId],
    );
    const lock = await lockOrder(orderId);
    const orders = ordersQueue();
    let worker: WorkerProcess;
    let exited: { code: number | null; signal: NodeJS.Signals | null };
    try {
      worker = await start({ SHUTDOWN_GRACE: '1s' });
      // The timer job itself is running (blocked on the lock), not only the boot sweep.
      await waitFor(
        async () =>
          (await (await orders.getJob(`outbox-${outboxId}`))?.getState()) === 'active' ? true : undefined,
        'the timer job to run',
      );
      const signalled = Date.now();
      worker.child.kill('SIGTERM');
      exited = await worker.exited;
      expect(Date.now() - signalled).toBeLessThan(10_000);
    } finally {
      await lock.release();
    }
    expect(exited).toEqual({ code: 0, signal: null });
    expect(worker.output.join('')).toContain('handed back');
    // Its transaction died with the process; the job is still the queue's, to run again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await orderState(ds, orderId)).status).toBe('selecting');
    expect(await (await orders.getJob(`outbox-${outboxId}`))?.getState()).toBe('active');

    await start();
    const job = await waitFor(
      async () => {
        const j = await orders.getJob(`outbox-${outboxId}`);
        return (await j?.getState()) === 'completed' ? j : undefined;
      },
      'the handed-back job to run again',
      40_000,
      250,
    );
    expect(job.returnvalue).toMatchObject({ outcome: expect.stringMatching(/^(expired|skipped)$/) });
    const state = await orderState(ds, orderId);
    expect(state.status).toBe('expired');
    expect(state.transitions).toHaveLength(1);
    await orders.close();
  });
});
