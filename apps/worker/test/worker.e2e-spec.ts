import { randomUUID } from 'node:crypto';
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

async function boot(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function holdExpired(ds: DataSource, number: string): Promise<void> {
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

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url, { QUEUE_BACKEND: backend, SWEEP_INTERVAL_SECONDS: '3600' });
    if (backend === 'postgres') {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      await runQueueMigrations(client, config.QUEUE_PREFIX).finally(() => client.end());
    }
  });
  afterAll(async () => {
    await db.drop();
  });

  it('registers its schedule once, keeps it across a restart, and processes jobs', async () => {
    let app = await boot(config);
    try {
      const queue = app.get(JobProducer).queue('maintenance');
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([['release-expired-holds', 3_600_000]]);

      const ds = app.get<DataSource>(getDataSourceToken());
      await holdExpired(ds, '4009000001');
      await app.get(JobProducer).add('release-expired-holds', {});
      await waitFor(
        async () => ((await statusOf(ds, '4009000001')) === 'available' ? true : undefined),
        'release',
      );
    } finally {
      await app.close();
    }

    // A restart finds the scheduler in the backend and does not add a second one.
    app = await boot(config);
    try {
      const schedulers = await app.get(JobProducer).queue('maintenance').getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual(['release-expired-holds']);
    } finally {
      await app.close();
    }
  });
});
