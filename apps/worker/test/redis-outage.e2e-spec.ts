import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { redisConnectionOf } from '@haoma/jobs';
import { createTestDatabase, testConfig, TEST_REDIS_URL, type TestDatabase } from '@haoma/testing';
import { WorkerModule } from '../src/worker.module';
import { insertCustomer, insertHeldOrder, orderState, waitFor } from './order-fixtures';

jest.setTimeout(60_000);

/** A TCP proxy to the test Redis that the test can take down and bring back on the same port. */
class RedisLink {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async up(): Promise<void> {
    const target = redisConnectionOf(TEST_REDIS_URL);
    this.server = createServer((client) => {
      const upstream = createConnection(target.port, target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const closed = new Promise((resolve) => this.server?.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

describe('the worker while Redis is down', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let mailDir: string;
  let app: INestApplicationContext | undefined;
  const link = new RedisLink();

  beforeAll(async () => {
    db = await createTestDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-outage-mail-'));
    ds = createDataSource({ url: db.url, poolSize: 3 });
    await ds.initialize();
    await link.up();
  });
  afterAll(async () => {
    await app?.close();
    await link.down().catch(() => undefined);
    await ds.destroy();
    await db.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  it('keeps the events in PostgreSQL and catches up when Redis is back', async () => {
    const db15 = new URL(TEST_REDIS_URL).pathname;
    const config = testConfig(db.url, {
      REDIS_URL: `redis://127.0.0.1:${link.port}${db15}`,
      SWEEP_INTERVAL_SECONDS: '5',
      MAIL_DIR: mailDir,
      OUTBOX_POLL_INTERVAL_MS: '200',
    });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    const customerId = (await insertCustomer(ds)).id;

    await link.down();
    const holdUntil = new Date(Date.now() + 1_000);
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Nothing could run or be published, and nothing was dropped.
    expect((await orderState(ds, orderId)).status).toBe('selecting');
    const [row] = await ds.query(`SELECT published_at FROM outbox_messages WHERE payload->>'orderId' = $1`, [
      orderId,
    ]);
    expect(row.published_at).toBeNull();

    await link.up();
    const state = await waitFor(
      async () => {
        const s = await orderState(ds, orderId);
        return s.status === 'expired' ? s : undefined;
      },
      'the expiry once Redis is back',
      30_000,
    );
    expect(state.numberStatus).toBe('available');
    await waitFor(async () => {
      const rows = await ds.query(`SELECT status FROM notifications WHERE order_id = $1`, [orderId]);
      return rows.length === 1 && rows[0].status === 'sent' ? true : undefined;
    }, 'the email');
    const [left] = await ds.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`,
    );
    expect(left.n).toBe(0);
  });
});
