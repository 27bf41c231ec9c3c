import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { runMigrations as runQueueMigrations } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { JobProducer } from '@haoma/jobs';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { WorkerModule } from '../src/worker.module';
import { insertCustomer, insertHeldOrder, orderState, waitFor } from './order-fixtures';

async function boot(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
}

async function orphanHold(ds: DataSource, number: string): Promise<void> {
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id, held_until)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'standard number', 0, 1, 'held', $2, now() - interval '1 minute')`,
    [number, randomUUID()],
  );
}

const statusOf = async (ds: DataSource, number: string): Promise<string | undefined> =>
  (await ds.query(`SELECT status FROM numbers WHERE number = $1`, [number]))[0]?.status;

describe.each(['redis', 'postgres'] as const)('worker on the %s queue backend', (backend) => {
  let db: TestDatabase;
  let config: AppConfig;
  let mailDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-worker-mail-'));
    config = testConfig(db.url, {
      QUEUE_BACKEND: backend,
      SWEEP_INTERVAL_SECONDS: '3600',
      MAIL_DIR: mailDir,
    });
    if (backend === 'postgres') {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      await runQueueMigrations(client, config.QUEUE_PREFIX).finally(() => client.end());
    }
  });
  afterAll(async () => {
    await db.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  it('registers its schedule once, keeps it across a restart, and sweeps', async () => {
    let app = await boot(config);
    try {
      const queue = app.get(JobProducer).queue('maintenance');
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([['sweep-deadlines', 3_600_000]]);

      const ds = app.get<DataSource>(getDataSourceToken());
      await orphanHold(ds, '4009900001');
      await app.get(JobProducer).add('sweep-deadlines', {});
      await waitFor(
        async () => ((await statusOf(ds, '4009900001')) === 'available' ? true : undefined),
        'the sweep',
      );
    } finally {
      await app.close();
    }

    // A restart finds the scheduler in the backend and does not add a second one.
    app = await boot(config);
    try {
      const schedulers = await app.get(JobProducer).queue('maintenance').getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual(['sweep-deadlines']);
    } finally {
      await app.close();
    }
  });

  it('removes the scheduler of a job that no longer exists', async () => {
    const app = await boot(config);
    try {
      const queue = app.get(JobProducer).queue('maintenance');
      await queue.upsertJobScheduler(
        'release-expired-holds',
        { every: 60_000 },
        { name: 'release-expired-holds' },
      );
    } finally {
      await app.close();
    }
    const again = await boot(config);
    try {
      const schedulers = await again.get(JobProducer).queue('maintenance').getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual(['sweep-deadlines']);
    } finally {
      await again.close();
    }
  });

  it('runs a hold from the outbox to its expiry and the customer’s email', async () => {
    const app = await boot(config);
    try {
      const ds = app.get<DataSource>(getDataSourceToken());
      const customer = await insertCustomer(ds);
      const { orderId } = await insertHeldOrder(ds, {
        customerId: customer.id,
        holdUntil: new Date(Date.now() + 1_000),
      });
      const [notification] = await waitFor(async () => {
        const rows = await ds.query(`SELECT id, status FROM notifications WHERE order_id = $1`, [orderId]);
        return rows[0]?.status === 'sent' ? rows : undefined;
      }, 'the expiry email');
      const state = await orderState(ds, orderId);
      expect(state).toMatchObject({ status: 'expired', numberStatus: 'available' });
      expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([
        ['hold_expired', 'system:hold-timer'],
      ]);
      expect(await readdir(mailDir)).toContain(`${notification.id}.eml`);
      const [outbox] = await ds.query(
        `SELECT count(*)::int AS unpublished FROM outbox_messages WHERE published_at IS NULL`,
      );
      expect(outbox.unpublished).toBe(0);
    } finally {
      await app.close();
    }
  });
});
