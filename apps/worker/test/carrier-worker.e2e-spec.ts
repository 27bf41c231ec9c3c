import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { CARRIER_SANDBOX, startSandboxCarrier, type SandboxCarrier } from '@haoma/carrier';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import { redisConnectionOf } from '@haoma/jobs';
import { createTestDatabase, testConfig, TEST_REDIS_URL, type TestDatabase } from '@haoma/testing';
import { CarrierApplicationsSweep } from '../src/carrier/carrier-applications-sweep';
import { WorkerModule } from '../src/worker.module';
import {
  activationFacts,
  insertCustomer,
  insertPlan,
  insertProvisioningOrder,
  type ProvisioningOrder,
} from './carrier-fixtures';
import { waitFor } from './order-fixtures';

const KEY = 'carrier-e2e-key-123';
jest.setTimeout(30_000);

// The whole worker (outbox relay, BullMQ, the carrier processor) against a carrier that fails
// transiently and sometimes never answers; mid-way the worker stops and its Redis keys are
// deleted (FLUSHALL, limited to this suite's prefix), and a new worker takes over.
describe('carrier activation through the worker', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let mailDir: string;
  let customerId: string;
  let planId: string;
  let app: INestApplicationContext | undefined;
  let sandbox: SandboxCarrier | undefined;

  const boot = async (config: AppConfig) => {
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    return app;
  };
  const stop = async () => {
    await app?.close();
    app = undefined;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-carrier-mail-'));
    ds = createDataSource({ url: db.url, poolSize: 3 });
    await ds.initialize();
    customerId = await insertCustomer(ds);
    planId = (await insertPlan(ds)).id;
  });
  afterEach(async () => {
    await stop();
    await sandbox?.close();
    sandbox = undefined;
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  const allActive = (orders: ProvisioningOrder[]) => async () => {
    const [activeRow]: { active: number }[] = await ds.query(
      `SELECT count(*)::int AS active FROM orders WHERE id = ANY($1) AND status = 'active'`,
      [orders.map((o) => o.orderId)],
    );
    return (activeRow?.active ?? 0) === orders.length ? true : undefined;
  };

  it('activates every order once across a worker restart and a Redis flush', async () => {
    sandbox = await startSandboxCarrier({
      apiKey: KEY,
      seed: 'e2e',
      delayMs: 300,
      failureRate: 0.3,
      timeoutRate: 0.05,
    });
    const config = testConfig(db.url, {
      CARRIER_PROVIDER: 'http',
      CARRIER_API_URL: sandbox.url,
      CARRIER_API_KEY: KEY,
      CARRIER_TIMEOUT: '200ms',
      CARRIER_RETRY_BASE: '20ms',
      CARRIER_RETRY_MAX: '200ms',
      // Long enough that applications under review wait on delayed jobs when the queue is lost.
      CARRIER_POLL_INTERVAL: '1500ms',
      SWEEP_INTERVAL_SECONDS: '3600',
      MAIL_DIR: mailDir,
    });
    const orders: ProvisioningOrder[] = [];
    for (let i = 0; i < 12; i += 1) orders.push(await insertProvisioningOrder(ds, { customerId, planId }));

    await boot(config);
    const carrier = sandbox;
    // Until some applications wait on a job only the queue knows of (published, not yet run).
    await waitFor(
      async () => {
        if (carrier.stats().filed < 4) return undefined;
        const [waitingRow]: { waiting: number }[] = await ds.query(
          `SELECT count(*)::int AS waiting FROM carrier_applications a
             JOIN LATERAL (SELECT published_at FROM outbox_messages
                            WHERE job_name = 'process-carrier-application' AND payload->>'applicationId' = a.id::text
                            ORDER BY id DESC LIMIT 1) m ON m.published_at IS NOT NULL
            WHERE a.status IN ('pending', 'submitted') AND a.next_attempt_at > now() + interval '500 milliseconds'`,
        );
        return (waitingRow?.waiting ?? 0) >= 2 ? true : undefined;
      },
      'applications waiting on their queued jobs',
      15_000,
      20,
    );
    await stop();
    // The queue forgets everything: waiting, delayed and running jobs alike.
    const redis = new Redis(redisConnectionOf(TEST_REDIS_URL));
    try {
      const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    const [openRow]: { open: number }[] = await ds.query(
      `SELECT count(*)::int AS open FROM carrier_applications WHERE status IN ('pending', 'submitted')`,
    );
    expect(openRow?.open ?? 0).toBeGreaterThan(0);

    const restarted = await boot(config);
    const sweep = restarted.get(CarrierApplicationsSweep);
    let requeued = 0;
    // The sweeper's repair as it would run a minute from now, without waiting that minute:
    // what is due by now is taken as lost.
    await waitFor(
      async () => {
        requeued += await sweep.requeueDue(new Date(Date.now() + 60_000));
        return allActive(orders)();
      },
      'every order active',
      25_000,
      200,
    );
    expect(requeued).toBeGreaterThan(0);

    const stats = carrier.stats();
    expect(stats.failures + stats.timeouts).toBeGreaterThan(0);
    expect(stats.filed).toBe(orders.length);
    for (const order of orders) {
      const facts = await activationFacts(ds, order);
      expect(facts).toMatchObject({
        orderStatus: 'active',
        numberStatus: 'assigned',
        applicationStatus: 'approved',
        activations: 1,
        serviceEvents: [{ event: 'activated', actor: 'system:carrier' }],
      });
      expect(facts.services).toHaveLength(1);
    }
  });

  it('starts the sandbox carrier itself when CARRIER_PROVIDER=sandbox, and closes it on shutdown', async () => {
    const config = testConfig(db.url, {
      CARRIER_PROVIDER: 'sandbox',
      CARRIER_SANDBOX_DELAY: '200ms',
      SWEEP_INTERVAL_SECONDS: '3600',
      CARRIER_POLL_INTERVAL: '100ms',
      MAIL_DIR: mailDir,
    });
    const worker = await boot(config);
    const own = worker.get<SandboxCarrier | null>(CARRIER_SANDBOX);
    if (!own) throw new Error('no sandbox carrier started');
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    await waitFor(allActive([order]), 'the order active', 15_000, 50);
    expect(own.stats()).toMatchObject({ filed: 1 });
    expect(own.applications()).toEqual([
      expect.objectContaining({ applicationId: order.applicationId, status: 'approved' }),
    ]);
    await stop();
    await expect(fetch(`${own.url}/v1/applications/x`)).rejects.toThrow();
  });
});
