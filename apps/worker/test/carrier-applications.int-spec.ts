import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  activateApplication,
  HttpCarrierGateway,
  startSandboxCarrier,
  type SandboxCarrier,
  type SandboxCarrierOptions,
} from '@haoma/carrier';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import { transitionOrder } from '@haoma/orders';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import {
  CarrierApplicationHandler,
  type CarrierApplicationResult,
} from '../src/carrier/carrier-application.handler';
import { CarrierOrderEvents } from '../src/carrier/carrier-order-events.handler';
import {
  activationFacts,
  insertCustomer,
  insertPlan,
  insertProvisioningOrder,
  type ProvisioningOrder,
} from './carrier-fixtures';

const KEY = 'carrier-int-spec-key';

// The `process-carrier-application` handler against PostgreSQL and the sandbox carrier over
// HTTP. Jobs are run the way the outbox relay and BullMQ would: each outbox row once it is due,
// delivered twice at once (at-least-once delivery), so a chain of jobs that broke, or a
// duplicate that was not harmless, shows up as an order never activated or activated twice.
describe('carrier applications', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let customerId: string;
  let planId: string;
  const sandboxes: SandboxCarrier[] = [];

  beforeAll(async () => {
    // The handler logs every retry; the assertions say what matters.
    Logger.overrideLogger(['error']);
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 10 });
    await ds.initialize();
    customerId = await insertCustomer(ds);
    planId = (await insertPlan(ds, 24)).id;
  });
  afterEach(async () => {
    await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  async function setUp(
    sandboxOptions: Partial<SandboxCarrierOptions>,
    overrides: Record<string, string> = {},
  ) {
    const sandbox = await startSandboxCarrier({ apiKey: KEY, seed: 'int-spec', ...sandboxOptions });
    sandboxes.push(sandbox);
    const config: AppConfig = testConfig(db.url, {
      CARRIER_TIMEOUT: '100ms',
      CARRIER_RETRY_BASE: '10ms',
      CARRIER_RETRY_MAX: '80ms',
      CARRIER_POLL_INTERVAL: '20ms',
      ...overrides,
    });
    const gateway = new HttpCarrierGateway({
      baseUrl: sandbox.url,
      apiKey: KEY,
      timeoutMs: config.CARRIER_TIMEOUT,
    });
    return { sandbox, handler: new CarrierApplicationHandler(ds, gateway, config), config };
  }

  /**
   * Runs every `process-carrier-application` outbox row of `applicationIds` when due, twice at
   * once, until no row is left to run. Returns every result.
   */
  async function runJobs(
    handler: CarrierApplicationHandler,
    applicationIds: string[],
    maxRounds = 2_000,
  ): Promise<CarrierApplicationResult[]> {
    const results: CarrierApplicationResult[] = [];
    const running = new Set<Promise<void>>();
    const successors = new Map<string, number>();
    for (let round = 0; round < maxRounds; round += 1) {
      const due: { id: string; payload: { applicationId: string }; run_at: Date | null }[] = await ds.query(
        `WITH published AS (
           UPDATE outbox_messages SET published_at = now()
            WHERE job_name = 'process-carrier-application' AND published_at IS NULL
              AND payload->>'applicationId' = ANY($1) AND (run_at IS NULL OR run_at <= now())
            RETURNING id, payload, run_at)
         SELECT * FROM published`,
        [applicationIds],
      );
      for (const row of due)
        for (let copy = 0; copy < 2; copy += 1) {
          const job = handler.process(row.payload).then((result) => {
            results.push(result);
            // Each delivered job continues the chain at most once, however often it is delivered.
            if (['submitted', 'under_review', 'retry'].includes(result.outcome))
              successors.set(row.id, (successors.get(row.id) ?? 0) + 1);
          });
          running.add(job);
          void job.finally(() => running.delete(job));
        }
      const [waitingRow]: { waiting: number }[] = await ds.query(
        `SELECT count(*)::int AS waiting FROM outbox_messages
          WHERE job_name = 'process-carrier-application' AND published_at IS NULL AND payload->>'applicationId' = ANY($1)`,
        [applicationIds],
      );
      if ((waitingRow?.waiting ?? 0) === 0 && running.size === 0) {
        expect([...successors.values()].filter((n) => n > 1)).toEqual([]);
        return results;
      }
      await Promise.race([...running, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
    throw new Error('the jobs did not settle');
  }

  it('activates every order exactly once through transient failures and timeouts', async () => {
    const { sandbox, handler } = await setUp({ failureRate: 0.5, timeoutRate: 0.1, delayMs: 50 });
    const orders: ProvisioningOrder[] = [];
    for (let i = 0; i < 30; i += 1) orders.push(await insertProvisioningOrder(ds, { customerId, planId }));
    const results = await runJobs(
      handler,
      orders.map((o) => o.applicationId),
    );

    // The transient failures did happen, and were retried (recorded, never thrown).
    const stats = sandbox.stats();
    expect(stats.failures).toBeGreaterThan(0);
    expect(stats.timeouts).toBeGreaterThan(0);
    expect(results.filter((r) => r.outcome === 'retry').length).toBeGreaterThan(0);
    expect(results.filter((r) => r.outcome === 'activated')).toHaveLength(30);

    // Filed once per application id, whatever the retries.
    expect(stats.filed).toBe(30);
    expect(
      sandbox
        .applications()
        .map((a) => a.applicationId)
        .sort(),
    ).toEqual(orders.map((o) => o.applicationId).sort());
    const lines = new Map(sandbox.applications().map((a) => [a.applicationId, a.lineReference]));

    for (const order of orders) {
      const facts = await activationFacts(ds, order);
      expect(facts).toMatchObject({
        orderStatus: 'active',
        numberStatus: 'assigned',
        holder: order.orderId,
        applicationStatus: 'approved',
        activations: 1,
        serviceEvents: [{ event: 'activated', actor: 'system:carrier' }],
      });
      expect(facts.services).toHaveLength(1);
      const [service] = facts.services;
      expect(service?.carrier_reference).toBe(lines.get(order.applicationId));
      // The plan's term: 24 months from activation.
      const ends = new Date(service?.activated_at ?? 0);
      ends.setMonth(ends.getMonth() + 24);
      expect(service?.term_ends_at.getTime()).toBe(ends.getTime());
    }
    const [announced]: { count: number }[] = await ds.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE job_name = 'service-event-recorded'`,
    );
    expect(announced?.count).toBeGreaterThanOrEqual(30);
  });

  it('sends what the reviewer approved: company, legal representative, destinations and plan', async () => {
    const { sandbox, handler } = await setUp({ delayMs: 60_000 }, { CARRIER_POLL_INTERVAL: '1h' });
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    const result = await handler.process({ applicationId: order.applicationId });
    expect(result).toMatchObject({ outcome: 'submitted' });
    expect(sandbox.applications()[0]?.request).toEqual({
      applicationId: order.applicationId,
      carrier: 'telecom',
      number: order.number,
      company: { name: '深圳好码科技有限公司', uscc: '91350100M000100Y43' },
      legalRepresentative: { name: '张三', idNumber: '11010519491231002X' },
      handler: null,
      destinations: [{ number: '13800138000', ownerName: '张三' }],
      planCode: expect.stringMatching(/^t/),
    });
    const [row]: { status: string; attempts: number; carrier_reference: string; submitted_at: Date }[] =
      await ds.query(`SELECT * FROM carrier_applications WHERE id = $1`, [order.applicationId]);
    expect(row).toMatchObject({ status: 'submitted', attempts: 1, carrier_reference: expect.any(String) });
    expect(row?.submitted_at).toBeInstanceOf(Date);
    // Ahead of its time, a duplicate job does nothing.
    expect(await handler.process({ applicationId: order.applicationId })).toEqual({
      outcome: 'skipped',
      why: 'not due yet',
    });
  });

  it('resubmits under the same id when the carrier has forgotten the application', async () => {
    const first = await setUp({ delayMs: 60_000 });
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    await first.handler.process({ applicationId: order.applicationId });
    // Another carrier (state lost): the status check answers 404, the application is filed again.
    const second = await setUp({ delayMs: 0 });
    await ds.query(`UPDATE carrier_applications SET next_attempt_at = now() WHERE id = $1`, [
      order.applicationId,
    ]);
    expect(await second.handler.process({ applicationId: order.applicationId })).toEqual({
      outcome: 'activated',
    });
    expect(second.sandbox.stats()).toMatchObject({ statusChecks: 1, filed: 1 });
    expect(second.sandbox.applications()[0]?.applicationId).toBe(order.applicationId);
  });

  it('retries a refused request (4xx) at the slowest pace, recording the error', async () => {
    const { handler, config, sandbox } = await setUp({});
    const wrongKey = new CarrierApplicationHandler(
      ds,
      new HttpCarrierGateway({ baseUrl: sandbox.url, apiKey: 'wrong-key-123', timeoutMs: 100 }),
      config,
    );
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    const before = Date.now();
    const result = await wrongKey.process({ applicationId: order.applicationId });
    expect(result).toMatchObject({ outcome: 'retry', error: expect.stringContaining('401') });
    if (result.outcome !== 'retry') return;
    expect(result.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + config.CARRIER_RETRY_MAX);
    const [row]: { status: string; attempts: number; last_error: string }[] = await ds.query(
      `SELECT status, attempts, last_error FROM carrier_applications WHERE id = $1`,
      [order.applicationId],
    );
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringContaining('UNAUTHORIZED'),
    });
    const jobs: { run_at: Date }[] = await ds.query(
      `SELECT run_at FROM outbox_messages WHERE job_name = 'process-carrier-application'
        AND payload->>'applicationId' = $1 ORDER BY id`,
      [order.applicationId],
    );
    expect(jobs).toHaveLength(2);
    expect(jobs[1]?.run_at.getTime()).toBe(result.nextAttemptAt.getTime());
    // With the right key, the next run files it.
    await ds.query(`UPDATE carrier_applications SET next_attempt_at = now() WHERE id = $1`, [
      order.applicationId,
    ]);
    expect(await handler.process({ applicationId: order.applicationId })).toEqual({ outcome: 'activated' });
  });

  it('sends a rejected order back to awaiting documents with the carrier reasons and a fresh deadline', async () => {
    const dueSoon = new Date(Date.now() + 3_600_000);
    const order = await insertProvisioningOrder(ds, { customerId, planId, documentsDueAt: dueSoon });
    const { handler, config } = await setUp({ rejectNumbers: [order.number] });
    const before = Date.now();
    expect(await handler.process({ applicationId: order.applicationId })).toEqual({ outcome: 'rejected' });

    const [application]: {
      status: string;
      rejection_reasons: { code: string; text: string }[];
      decided_at: Date;
    }[] = await ds.query(`SELECT * FROM carrier_applications WHERE id = $1`, [order.applicationId]);
    expect(application?.status).toBe('rejected');
    expect(application?.rejection_reasons.length).toBeGreaterThan(0);
    expect(application?.decided_at).toBeInstanceOf(Date);
    const [orderRow]: { status: string; documents_due_at: Date }[] = await ds.query(
      `SELECT status, documents_due_at FROM orders WHERE id = $1`,
      [order.orderId],
    );
    expect(orderRow?.status).toBe('awaiting_documents');
    expect(orderRow?.documents_due_at.getTime()).toBeGreaterThanOrEqual(
      before + config.DOCUMENTS_RESUBMIT_WINDOW,
    );
    const [event]: { event: string; actor: string; reason: string }[] = await ds.query(
      `SELECT event, actor, reason FROM order_events WHERE order_id = $1 AND type = 'transition'`,
      [order.orderId],
    );
    expect(event).toMatchObject({ event: 'carrier_rejected', actor: 'system:carrier' });
    for (const reason of application?.rejection_reasons ?? []) {
      expect(event?.reason).toContain(reason.code);
      expect(event?.reason).toContain(reason.text);
    }
    const [number]: { status: string }[] = await ds.query(`SELECT status FROM numbers WHERE number = $1`, [
      order.number,
    ]);
    expect(number?.status).toBe('locked');
    expect(await ds.query(`SELECT 1 FROM services WHERE order_id = $1`, [order.orderId])).toEqual([]);
  });

  it('keeps a later document deadline when the carrier rejects', async () => {
    const later = new Date(Date.now() + 60 * 86_400_000);
    const order = await insertProvisioningOrder(ds, { customerId, planId, documentsDueAt: later });
    const { handler } = await setUp({ rejectNumbers: [order.number] });
    await handler.process({ applicationId: order.applicationId });
    const [row]: { documents_due_at: Date }[] = await ds.query(
      `SELECT documents_due_at FROM orders WHERE id = $1`,
      [order.orderId],
    );
    expect(row?.documents_due_at.getTime()).toBe(later.getTime());
  });

  it('abandons the application of an order cancelled at the carrier; a late approval does not activate', async () => {
    const { handler, sandbox } = await setUp({ delayMs: 60_000 });
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    await handler.process({ applicationId: order.applicationId });
    const cancelled = await ds.transaction((manager) =>
      transitionOrder(manager, {
        orderId: order.orderId,
        event: 'cancel',
        actor: { kind: 'staff', id: 'ops' },
      }),
    );
    if (!cancelled.changed) throw new Error('not cancelled');
    const events = new CarrierOrderEvents(ds);
    const payload = { orderId: order.orderId, orderEventId: cancelled.orderEventId };
    expect(await events.handle(payload)).toEqual({ outcome: 'application_abandoned' });
    expect(await events.handle(payload)).toEqual({ outcome: 'none' });

    // The carrier approves anyway: the approval finds the application abandoned.
    const approval = await ds.transaction((manager) =>
      activateApplication(manager, {
        applicationId: order.applicationId,
        carrierReference: 'CA-1',
        lineReference: 'LN-1',
      }),
    );
    expect(approval).toEqual({ outcome: 'already_decided', status: 'abandoned' });
    await ds.query(`UPDATE carrier_applications SET next_attempt_at = now() WHERE id = $1`, [
      order.applicationId,
    ]);
    expect(await handler.process({ applicationId: order.applicationId })).toEqual({
      outcome: 'skipped',
      why: 'application abandoned',
    });
    const facts = await activationFacts(ds, order);
    expect(facts).toMatchObject({
      orderStatus: 'cancelled',
      numberStatus: 'available',
      services: [],
      activations: 0,
    });
    expect(sandbox.stats().statusChecks).toBe(0);
  });

  it('abandons instead of activating when the order was cancelled but the fan-out has not run yet', async () => {
    const { handler } = await setUp({ delayMs: 60_000 });
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    await ds.transaction((manager) =>
      transitionOrder(manager, {
        orderId: order.orderId,
        event: 'cancel',
        actor: { kind: 'staff', id: 'ops' },
      }),
    );
    const approval = await ds.transaction((manager) =>
      activateApplication(manager, {
        applicationId: order.applicationId,
        carrierReference: 'CA-2',
        lineReference: 'LN-2',
      }),
    );
    expect(approval).toEqual({ outcome: 'abandoned', orderStatus: 'cancelled' });
    expect((await activationFacts(ds, order)).applicationStatus).toBe('abandoned');
    expect(await handler.process({ applicationId: order.applicationId })).toMatchObject({
      outcome: 'skipped',
    });
  });

  it('ignores order events other than a cancellation at the carrier', async () => {
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    const [event]: { id: string }[] = await ds.query(
      `INSERT INTO order_events (order_id, type, event, from_status, to_status, actor)
       VALUES ($1, 'transition', 'review_approved', 'under_review', 'provisioning', 'staff:x') RETURNING id`,
      [order.orderId],
    );
    const events = new CarrierOrderEvents(ds);
    expect(await events.handle({ orderId: order.orderId, orderEventId: String(event?.id) })).toEqual({
      outcome: 'none',
    });
    expect(await events.handle({ orderId: order.orderId, orderEventId: 'not-a-number' })).toEqual({
      outcome: 'none',
    });
    expect((await activationFacts(ds, order)).applicationStatus).toBe('pending');
  });

  it('activates once when two approvals race, and the database refuses a second service', async () => {
    const order = await insertProvisioningOrder(ds, { customerId, planId });
    const approve = () =>
      ds.transaction((manager) =>
        activateApplication(manager, {
          applicationId: order.applicationId,
          carrierReference: 'CA-3',
          lineReference: 'LN-3',
        }),
      );
    const outcomes = (await Promise.all([approve(), approve(), approve()])).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['activated', 'already_decided', 'already_decided']);
    const facts = await activationFacts(ds, order);
    expect(facts).toMatchObject({ orderStatus: 'active', activations: 1 });
    expect(facts.services).toHaveLength(1);

    // Past every check in code, the unique indexes: one service per order, one live per number.
    // (A terminated copy for the same order, so that only the order's index can refuse it.)
    const insertService = (orderId: string, status: 'active' | 'terminated') =>
      ds.query(
        `INSERT INTO services (order_id, customer_id, number, dossier_id, dossier_version_id, carrier, status,
                               activated_at, term_ends_at, verified_at, terminated_at, quarantine_until, records_purge_at)
         SELECT $1, s.customer_id, s.number, s.dossier_id, s.dossier_version_id, s.carrier, $3, now(), now(), now(),
                t, t, t
           FROM services s, LATERAL (SELECT CASE WHEN $3 = 'terminated' THEN now() END AS t) x
          WHERE s.order_id = $2`,
        [orderId, order.orderId, status],
      );
    await expect(insertService(order.orderId, 'terminated')).rejects.toThrow(/services_order_key/);
    const other = await insertProvisioningOrder(ds, { customerId, planId });
    await expect(insertService(other.orderId, 'active')).rejects.toThrow(/services_live_number_key/);
  });
});
