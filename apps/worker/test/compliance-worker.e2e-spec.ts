import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { createCampaign } from '@haoma/compliance';
import type { AppConfig } from '@haoma/config';
import { credentialLapsesAt } from '@haoma/domain';
import { createDataSource } from '@haoma/db';
import { redisConnectionOf } from '@haoma/jobs';
import {
  createTestDatabase,
  insertCustomer,
  insertLiveService,
  numberStatus,
  placeOrder,
  serviceRow,
  testConfig,
  TEST_REDIS_URL,
  type LiveService,
  type TestDatabase,
} from '@haoma/testing';
import { ComplianceSweep } from '../src/compliance/compliance-sweep';
import { WorkerModule } from '../src/worker.module';
import { waitFor } from './order-fixtures';

// A live line as the carrier activation leaves it, with no carrier reference (so nothing calls
// the carrier about it).
const insertLine = (
  ds: DataSource,
  customerId: string,
  expiries: { licenceExpiresOn?: string; legalRepIdExpiresOn?: string } = {},
): Promise<LiveService> => insertLiveService(ds, { customerId, carrierReference: null, ...expiries });

jest.setTimeout(60_000);
const DAY = 86_400_000;

// The whole worker (outbox relay, BullMQ, the compliance processor, the sweep), stopped and
// restarted with its Redis keys deleted between every step: each timer must still fire once,
// and each message be recorded and sent once. Time moves by injecting `now` into the sweep.
describe('compliance timers through the worker, across restarts and Redis flushes', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let mailDir: string;
  let config: AppConfig;
  let app: INestApplicationContext | undefined;

  const boot = async () => {
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    return app.get(ComplianceSweep);
  };
  const restartWithFlush = async () => {
    await app?.close();
    app = undefined;
    const redis = new Redis(redisConnectionOf(TEST_REDIS_URL));
    try {
      const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    return boot();
  };
  const count = async (sql: string, params: unknown[]) =>
    ((await ds.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params)) as { n: number }[])[0]?.n ?? 0;
  const sentOnce = (template: string, orderId: string) =>
    waitFor(async () => {
      const rows: { status: string }[] = await ds.query(
        `SELECT status FROM notifications WHERE template = $1 AND order_id = $2`,
        [template, orderId],
      );
      if (rows.length > 1) throw new Error(`${template} recorded ${rows.length} times`);
      return rows[0]?.status === 'sent' ? true : undefined;
    }, `${template} sent for ${orderId}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-compliance-mail-'));
    ds = await createDataSource({ url: db.url, poolSize: 3 }).initialize();
    await seedCatalog(ds);
    config = testConfig(db.url, { SWEEP_INTERVAL_SECONDS: '3600', MAIL_DIR: mailDir });
  });
  afterAll(async () => {
    await app?.close();
    await ds.destroy();
    await db.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  it('fires every timer once: document reminder, suspension, re-verification deadline, termination, release, purge', async () => {
    const start = new Date();
    const customerId = await insertCustomer(ds);
    const awaiting = await placeOrder(ds, {
      status: 'awaiting_documents',
      customerId,
      documentsDueAt: new Date(start.getTime() + 5 * DAY),
    });
    const lapse = new Date(start.getTime() + 200 * DAY);
    const lapseDate = new Date(lapse.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const expiring = await insertLine(ds, customerId, { licenceExpiresOn: lapseDate });
    const campaigned = await insertLine(ds, customerId);
    let sweep = await boot();

    // 1. The document reminder (7 days before the deadline), once.
    await sweep.sweep(start);
    await sentOnce('documents-reminder', awaiting.orderId);
    sweep = await restartWithFlush();
    await sweep.sweep(start);
    await sweep.sweep(new Date(start.getTime() + 60_000));
    expect(await count(`SELECT 1 FROM notifications WHERE template = 'documents-reminder'`, [])).toBe(1);

    // 2. The re-verification deadline: the campaign opens through the worker, then passes.
    const deadline = new Date(start.getTime() + 20 * DAY);
    await ds.transaction((m) =>
      createCampaign(m, {
        name: 'e2e',
        selection: { kind: 'services', serviceIds: [campaigned.serviceId] },
        deadline,
        createdBy: 'staff:e2e',
      }),
    );
    await sentOnce('reverification-requested', campaigned.orderId);
    sweep = await restartWithFlush();
    const afterDeadline = new Date(deadline.getTime() + 1);
    expect((await sweep.sweep(afterDeadline))['tasksOverdue']).toBe(1);
    sweep = await restartWithFlush();
    expect((await sweep.sweep(afterDeadline))['tasksOverdue']).toBe(0);
    expect(await serviceRow(ds, campaigned.serviceId)).toMatchObject({
      status: 'suspended',
      suspension_reason: 'reverification_overdue',
    });
    await sentOnce('service-suspended', campaigned.orderId);

    // 3. Suspension on the licence's expiry.
    const suspendAt = new Date(credentialLapsesAt(lapseDate).getTime() + 3_600_000);
    // The line suspended at the campaign deadline is 90 days past it by now: terminated too.
    expect(await sweep.sweep(suspendAt)).toMatchObject({ suspendedOnExpiry: 1, terminated: 1 });
    sweep = await restartWithFlush();
    expect((await sweep.sweep(suspendAt))['suspendedOnExpiry']).toBe(0);
    await sentOnce('service-suspended', expiring.orderId);

    // 4. Termination 90 days later.
    const terminateAt = new Date(suspendAt.getTime() + 90 * DAY);
    // …and the other line's quarantine ends then.
    expect(await sweep.sweep(terminateAt)).toMatchObject({ terminated: 1, numbersReleased: 1 });
    sweep = await restartWithFlush();
    expect((await sweep.sweep(terminateAt))['terminated']).toBe(0);
    expect(await numberStatus(ds, expiring.number)).toBe('quarantine');
    await sentOnce('service-terminated', expiring.orderId);

    // 5. Quarantine over: the number is back on sale.
    const releaseAt = new Date(terminateAt.getTime() + 90 * DAY);
    expect((await sweep.sweep(releaseAt))['numbersReleased']).toBe(1);
    sweep = await restartWithFlush();
    expect((await sweep.sweep(releaseAt))['numbersReleased']).toBe(0);
    expect(await numberStatus(ds, expiring.number)).toBe('available');
    const holder: { holder_order_id: string | null }[] = await ds.query(
      `SELECT holder_order_id FROM numbers WHERE number = $1`,
      [expiring.number],
    );
    expect(holder[0]?.holder_order_id).toBeNull();

    // 6. Retention over: identity records purged, once.
    const purgeAt = new Date(terminateAt.getTime() + 730 * DAY);
    expect((await sweep.sweep(purgeAt))['recordsPurged']).toBe(2);
    sweep = await restartWithFlush();
    expect((await sweep.sweep(purgeAt))['recordsPurged']).toBe(0);
    expect(await count(`SELECT 1 FROM documents WHERE customer_id = $1`, [customerId])).toBe(0);

    for (const line of [expiring, campaigned]) {
      const events: { event: string }[] = await ds.query(
        `SELECT event FROM service_events WHERE service_id = $1 ORDER BY id`,
        [line.serviceId],
      );
      expect(events.filter((e) => e.event !== 'reverification_requested').map((e) => e.event)).toEqual([
        'suspended',
        'terminated',
        'number_released',
        'records_purged',
      ]);
    }
    // Every message once: no dedupe key twice, none left unsent.
    expect(
      await count(`SELECT 1 FROM notifications WHERE order_id = ANY($1) AND status <> 'sent'`, [
        [expiring.orderId, campaigned.orderId],
      ]),
    ).toBe(0);
  });
});
