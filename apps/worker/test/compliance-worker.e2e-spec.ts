import { randomUUID } from 'node:crypto';
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
import { createTestDatabase, testConfig, TEST_REDIS_URL, type TestDatabase } from '@haoma/testing';
import { ComplianceSweep } from '../src/compliance/compliance-sweep';
import { WorkerModule } from '../src/worker.module';
import { waitFor } from './order-fixtures';

// A live line as the carrier activation leaves it (an `active` order, its number `assigned`, a
// dossier with one version and one document, the service), written directly. Same shape as
// libs/compliance/src/compliance.spec-helper.ts, which apps may not import.
let lineSeq = 0;
interface Line {
  serviceId: string;
  orderId: string;
  number: string;
  dossierId: string;
}
async function insertLine(
  ds: DataSource,
  customerId: string,
  expiries: { licenceExpiresOn?: string; legalRepIdExpiresOn?: string } = {},
): Promise<Line> {
  lineSeq += 1;
  const number = `4005${String(process.pid % 100).padStart(2, '0')}${String(lineSeq).padStart(4, '0')}`;
  const orderId = randomUUID();
  const dossierId = randomUUID();
  const versionId = randomUUID();
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'test number', 0, 1, 'assigned', $2)`,
    [number, orderId],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until)
     VALUES ($1, $2, $3, 'active', 'standard', 0, 120000, now() - interval '1 day')`,
    [orderId, customerId, number],
  );
  await ds.query(`INSERT INTO dossiers (id, customer_id, company_name) VALUES ($1, $2, 'Test Co')`, [
    dossierId,
    customerId,
  ]);
  await ds.query(
    `INSERT INTO dossier_versions (id, dossier_id, version, form, company_name, licence_expires_on, legal_rep_id_expires_on, created_by)
     VALUES ($1, $2, 1, '{"company": {}}', 'Test Co', $3, $4, 'customer:test')`,
    [versionId, dossierId, expiries.licenceExpiresOn ?? null, expiries.legalRepIdExpiresOn ?? null],
  );
  const documentId = randomUUID();
  await ds.query(
    `INSERT INTO documents (id, customer_id, kind, content_type, size_bytes, sha256, storage_key, original_name, attached_at)
     VALUES ($1, $2, 'business_licence', 'image/png', 10, repeat('a', 64), $3, 'licence.png', now())`,
    [documentId, customerId, `test/${documentId}`],
  );
  await ds.query(
    `INSERT INTO dossier_version_documents (version_id, document_id, kind) VALUES ($1, $2, 'business_licence')`,
    [versionId, documentId],
  );
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO services (order_id, customer_id, number, dossier_id, dossier_version_id, carrier, status, activated_at,
                           term_ends_at, verified_at)
     VALUES ($1, $2, $3, $4, $5, 'telecom', 'active', now(), now() + interval '1 year', now()) RETURNING id`,
    [orderId, customerId, number, dossierId, versionId],
  );
  return { serviceId: String(rows[0]?.id), orderId, number, dossierId };
}

async function insertCustomer(ds: DataSource): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
     VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'not-a-hash')`,
    [id, `c-${id}@example.com`],
  );
  return id;
}

/** An order awaiting documents until `documentsDueAt`, its number locked. */
async function insertAwaitingOrder(
  ds: DataSource,
  customerId: string,
  documentsDueAt: Date,
): Promise<{ orderId: string }> {
  lineSeq += 1;
  const number = `4005${String(process.pid % 100).padStart(2, '0')}${String(lineSeq).padStart(4, '0')}`;
  const orderId = randomUUID();
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'test number', 0, 1, 'locked', $2)`,
    [number, orderId],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until, documents_due_at)
     VALUES ($1, $2, $3, 'awaiting_documents', 'standard', 0, 120000, now() - interval '1 day', $4)`,
    [orderId, customerId, number, documentsDueAt],
  );
  return { orderId };
}

const column = async (ds: DataSource, sql: string, id: string): Promise<unknown> =>
  ((await ds.query(sql, [id])) as Record<string, unknown>[])[0]?.['v'];
const numberStatus = (ds: DataSource, number: string) =>
  column(ds, `SELECT status AS v FROM numbers WHERE number = $1`, number);
const serviceRow = async (ds: DataSource, id: string) =>
  (
    (await ds.query(`SELECT status, suspension_reason FROM services WHERE id = $1`, [id])) as Record<
      string,
      unknown
    >[]
  )[0];

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
    const awaiting = await insertAwaitingOrder(ds, customerId, new Date(start.getTime() + 5 * DAY));
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
