import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import { JobProducer, redisConnectionOf } from '@haoma/jobs';
import { createTestDatabase, testConfig, TEST_REDIS_URL, type TestDatabase } from '@haoma/testing';
import { WorkerModule } from '../src/worker.module';
import { defined, insertCustomer, insertHeldOrder, orderState, waitFor } from './order-fixtures';

const first = <T>(items: readonly T[]): T => defined(items[0], 'a first item');

// Hold timers end to end, the worker in this process on Redis: the delayed job, and the
// sweeper that keeps the deadline when the job is gone (worker down, Redis flushed).
const SWEEP_SECONDS = 5;
jest.setTimeout(30_000);

describe('hold expiry', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let config: AppConfig;
  let mailDir: string;
  let app: INestApplicationContext | undefined;
  let customerId: string;

  /**
   * Starts the worker. Tests of the hold timer pass `timerOnly`: the sweeper then runs only
   * at boot, so it cannot beat the timer to an expiry by chance.
   */
  const boot = async (mode: 'timerOnly' | 'withSweeps' = 'withSweeps') => {
    config = testConfig(db.url, {
      SWEEP_INTERVAL_SECONDS: mode === 'timerOnly' ? '3600' : String(SWEEP_SECONDS),
      MAIL_DIR: mailDir,
    });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    return app;
  };
  const stop = async () => {
    await app?.close();
    app = undefined;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-expiry-mail-'));
    ds = createDataSource({ url: db.url, poolSize: 3 });
    await ds.initialize();
    customerId = (await insertCustomer(ds)).id;
  });
  afterEach(stop);
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  const expiredAt = (orderId: string) =>
    waitFor(
      async () => {
        const state = await orderState(ds, orderId);
        return state.status === 'expired' ? state : undefined;
      },
      `order ${orderId} to expire`,
      20_000,
      50,
    );

  /** The customer's "hold expired" email for the order: recorded, sent, and in the mail folder. */
  async function expiryEmail(orderId: string): Promise<string> {
    const [row] = await waitFor(async () => {
      const rows = await ds.query(
        `SELECT id, template, status, transport, subject FROM notifications WHERE order_id = $1`,
        [orderId],
      );
      return rows.length && rows.every((r: { status: string }) => r.status === 'sent') ? rows : undefined;
    }, 'the expiry email');
    expect(row).toMatchObject({ template: 'hold-expired', status: 'sent', transport: 'file' });
    const eml = await readFile(join(mailDir, `${row.id}.eml`), 'utf8');
    expect(eml).toContain(`Message-ID: <${row.id}@haoma>`);
    return row.id;
  }

  it('expires a hold at its deadline by the hold timer, and tells the customer', async () => {
    await boot('timerOnly');
    const holdUntil = new Date(Date.now() + 1_500);
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil });
    const state = await expiredAt(orderId);
    expect(state.numberStatus).toBe('available');
    expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([['hold_expired', 'system:hold-timer']]);
    const lateness = first(state.transitions).created_at.getTime() - holdUntil.getTime();
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1_000);
    await expiryEmail(orderId);
  });

  it('leaves an extended hold to the extension’s timer', async () => {
    await boot('timerOnly');
    const firstDeadline = new Date(Date.now() + 500);
    const { orderId, number } = await insertHeldOrder(ds, { customerId, holdUntil: firstDeadline });
    // The customer extends before the first deadline: the order service moves both deadlines
    // and writes a second timer.
    const extended = new Date(Date.now() + 2_500);
    await ds.query(`UPDATE orders SET hold_until = $2, hold_extensions = 1 WHERE id = $1`, [
      orderId,
      extended,
    ]);
    await ds.query(`UPDATE numbers SET held_until = $2 WHERE number = $1`, [number, extended]);
    await ds.query(`INSERT INTO outbox_messages (job_name, payload, run_at) VALUES ('expire-hold', $1, $2)`, [
      JSON.stringify({ orderId, holdUntil: extended.toISOString() }),
      extended,
    ]);
    await new Promise((resolve) => setTimeout(resolve, firstDeadline.getTime() + 700 - Date.now()));
    expect((await orderState(ds, orderId)).status).toBe('selecting');
    const state = await expiredAt(orderId);
    expect(first(state.transitions).created_at.getTime()).toBeGreaterThanOrEqual(extended.getTime());
    expect(state.transitions.map((t) => t.actor)).toEqual(['system:hold-timer']);
  });

  it('runs again at the deadline when its job fires early', async () => {
    const app = await boot('timerOnly');
    const holdUntil = new Date(Date.now() + 1_200);
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil, outbox: 'none' });
    // Clock skew: the timer arrives before the deadline.
    await app.get(JobProducer).add('expire-hold', { orderId, holdUntil: holdUntil.toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await orderState(ds, orderId)).status).toBe('selecting');
    const state = await expiredAt(orderId);
    const lateness = first(state.transitions).created_at.getTime() - holdUntil.getTime();
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1_000);
  });

  it('skips the timer of an order that was paid meanwhile', async () => {
    const holdUntil = new Date(Date.now() - 1_000);
    const { orderId, number } = await insertHeldOrder(ds, { customerId, holdUntil, outbox: 'none' });
    await ds.query(`UPDATE orders SET status = 'awaiting_documents' WHERE id = $1`, [orderId]);
    await ds.query(`UPDATE numbers SET status = 'locked', held_until = NULL WHERE number = $1`, [number]);
    // Booted once the order is paid: the boot sweep would otherwise release the expired hold
    // between the two updates above.
    const app = await boot('timerOnly');
    const job = (await app
      .get(JobProducer)
      .add('expire-hold', { orderId, holdUntil: holdUntil.toISOString() })) as import('bullmq').Job;
    const result = await waitFor(async () => {
      const done = await app.get(JobProducer).queue('orders').getJob(defined(job.id, 'the job id'));
      return done?.finishedOn ? done : undefined;
    }, 'the timer job');
    expect(result.returnvalue).toMatchObject({ outcome: 'skipped' });
    expect(result.failedReason).toBeUndefined();
    expect(await orderState(ds, orderId)).toMatchObject({
      status: 'awaiting_documents',
      numberStatus: 'locked',
    });
  });

  it('expires a hold whose deadline passed while the worker was stopped, at the next start', async () => {
    // The timer was published to a queue that lost it; the worker is down at the deadline.
    const holdUntil = new Date(Date.now() + 500);
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil, outbox: 'published' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await orderState(ds, orderId)).status).toBe('selecting');

    const started = Date.now();
    await boot();
    const state = await expiredAt(orderId);
    expect(state.numberStatus).toBe('available');
    expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([['hold_expired', 'system:sweeper']]);
    expect(first(state.transitions).created_at.getTime() - started).toBeLessThan(SWEEP_SECONDS * 1_000);
    await expiryEmail(orderId);
  });

  it('expires a hold within one sweep interval of its deadline after FLUSHALL', async () => {
    const app = await boot();
    const producer = app.get(JobProducer);
    const holdUntil = new Date(Date.now() + 2_000);
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil });
    await waitFor(
      async () => ((await producer.queue('orders').getDelayedCount()) > 0 ? true : undefined),
      'the timer in Redis',
    );

    // FLUSHALL, limited to this suite's keys: the test Redis is shared by suites running in
    // parallel. The worker loses its delayed timer and its sweep scheduler alike.
    const redis = new Redis(redisConnectionOf(TEST_REDIS_URL));
    try {
      const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      expect(await producer.queue('maintenance').getJobScheduler('sweep-deadlines')).toBeUndefined();
    } finally {
      redis.disconnect();
    }

    const state = await expiredAt(orderId);
    expect(state.numberStatus).toBe('available');
    expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([['hold_expired', 'system:sweeper']]);
    expect(first(state.transitions).created_at.getTime() - holdUntil.getTime()).toBeLessThan(
      SWEEP_SECONDS * 1_000,
    );
    await expiryEmail(orderId);
    expect(await producer.queue('maintenance').getJobScheduler('sweep-deadlines')).toBeDefined();
    expect((await readdir(mailDir)).filter((f) => f.endsWith('.eml')).length).toBeGreaterThan(0);
  });
});
