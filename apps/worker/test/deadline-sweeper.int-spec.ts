import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { UnrecoverableError, Worker } from 'bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { DocumentStorageModule } from '@haoma/documents';
import { JobProducer, QueueModule } from '@haoma/jobs';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { CarrierApplicationsSweep } from '../src/carrier/carrier-applications-sweep';
import { ComplianceSweep } from '../src/compliance/compliance-sweep';
import { LostServiceEventJobs } from '../src/compliance/lost-service-event-jobs';
import { OrphanUploads } from '../src/documents/orphan-uploads';
import { DeadlineSweeper } from '../src/maintenance/deadline-sweeper';
import { LostJobRecovery } from '../src/maintenance/lost-jobs';
import { OverdueOrders } from '../src/maintenance/overdue-orders';
import { LostPaymentJobs } from '../src/payments/lost-payment-jobs';
import {
  insertAwaitingDocumentsOrder,
  insertCustomer,
  insertHeldOrder,
  nextNumber,
  defined,
  orderState,
  waitFor,
} from './order-fixtures';

// The sweeper's steps against the real PostgreSQL and Redis, with no processors running:
// what it enqueues stays in the queues for the tests to see.
describe('deadline sweeper', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let ds: DataSource;
  let producer: JobProducer;
  let sweeper: DeadlineSweeper;
  let lostJobs: LostJobRecovery;
  let customerId: string;
  const ago = (ms: number) => new Date(Date.now() - ms);
  const ahead = (ms: number) => new Date(Date.now() + ms);

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig(db.url)),
        DatabaseModule.forRoot({ applicationName: 'sweeper-test', statementTimeout: false }),
        QueueModule.forRoot(),
        DocumentStorageModule,
      ],
      providers: [
        DeadlineSweeper,
        OverdueOrders,
        LostJobRecovery,
        LostPaymentJobs,
        // The sweeper's other steps, without their modules' processors.
        OrphanUploads,
        CarrierApplicationsSweep,
        ComplianceSweep,
        LostServiceEventJobs,
      ],
    }).compile();
    await moduleRef.init();
    ds = moduleRef.get<DataSource>(getDataSourceToken());
    producer = moduleRef.get(JobProducer);
    sweeper = moduleRef.get(DeadlineSweeper);
    lostJobs = moduleRef.get(LostJobRecovery);
    customerId = (await insertCustomer(ds)).id;
  });
  afterAll(async () => {
    for (const q of ['orders', 'notifications', 'maintenance'] as const)
      await producer.queue(q).obliterate({ force: true });
    await moduleRef.close();
    await db.drop();
  });

  it('expires every overdue hold, and only those, through the transition service', async () => {
    const overdue = await insertHeldOrder(ds, { customerId, holdUntil: ago(5_000), outbox: 'published' });
    const signed = await insertHeldOrder(ds, {
      customerId,
      holdUntil: ago(1_000),
      status: 'awaiting_payment',
      outbox: 'published',
    });
    const running = await insertHeldOrder(ds, { customerId, holdUntil: ahead(60_000) });
    const paid = await insertAwaitingDocumentsOrder(ds, customerId, ahead(86_400_000));

    const report = await sweeper.sweep();
    expect(report.holds).toEqual({ handled: 2, skipped: 0, failed: 0 });
    for (const { orderId } of [overdue, signed]) {
      const state = await orderState(ds, orderId);
      expect(state.status).toBe('expired');
      expect(state.numberStatus).toBe('available');
      expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([['hold_expired', 'system:sweeper']]);
    }
    expect((await orderState(ds, running.orderId)).status).toBe('selecting');
    expect((await orderState(ds, paid.orderId)).status).toBe('awaiting_documents');
    // Each expiry announces itself in the outbox, for the customer's email.
    const announced = await ds.query(
      `SELECT payload->>'orderId' AS order_id FROM outbox_messages WHERE job_name = 'order-event-recorded'`,
    );
    expect(announced.map((r: { order_id: string }) => r.order_id).sort()).toEqual(
      [overdue.orderId, signed.orderId].sort(),
    );
    const events = await ds.query(
      `SELECT number, from_status, to_status, actor FROM number_events WHERE number = $1`,
      [overdue.number],
    );
    expect(events).toEqual([
      { number: overdue.number, from_status: 'held', to_status: 'available', actor: 'system:sweeper' },
    ]);

    // A second sweep finds nothing left to do.
    expect((await sweeper.sweep()).holds).toEqual({ handled: 0, skipped: 0, failed: 0 });
  });

  it('handles many overdue holds in batches', async () => {
    const orders = await Promise.all(
      Array.from({ length: 450 }, (_, i) =>
        insertHeldOrder(ds, { customerId, holdUntil: ago(1_000 + i), outbox: 'none' }),
      ),
    );
    expect((await sweeper.sweep()).holds).toEqual({ handled: 450, skipped: 0, failed: 0 });
    const [left] = await ds.query(
      `SELECT count(*)::int AS n FROM orders WHERE id = ANY($1) AND status <> 'expired'`,
      [orders.map((o) => o.orderId)],
    );
    expect(left.n).toBe(0);
  });

  it('skips an order its hold timer expires at the same moment', async () => {
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil: ago(1_000), outbox: 'none' });
    const timer = moduleRef.get(OverdueOrders);
    const [a, b] = await Promise.all([timer.handle('hold'), timer.handle('hold')]);
    expect(a.handled + b.handled).toBe(1);
    expect(a.skipped + b.skipped).toBe(1);
    expect((await orderState(ds, orderId)).transitions).toHaveLength(1);
  });

  it('cancels orders whose document deadline passed, releasing their number', async () => {
    const late = await insertAwaitingDocumentsOrder(ds, customerId, ago(1_000));
    const onTime = await insertAwaitingDocumentsOrder(ds, customerId, ahead(3_600_000));
    expect((await sweeper.sweep()).documents).toEqual({ handled: 1, skipped: 0, failed: 0 });
    const state = await orderState(ds, late.orderId);
    expect(state).toMatchObject({ status: 'cancelled', numberStatus: 'available' });
    expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([
      ['documents_deadline_passed', 'system:sweeper'],
    ]);
    expect((await orderState(ds, onTime.orderId)).status).toBe('awaiting_documents');
  });

  it('releases expired holds no order holds any more, and leaves the others to their order', async () => {
    const orphan = nextNumber();
    await ds.query(
      `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id, held_until)
       VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'standard', 0, 1, 'held', $2, now() - interval '1 minute')`,
      [orphan, randomUUID()],
    );
    // A live order whose number's hold ran out though the order's has not (they disagree):
    // the number stays with its order.
    const live = await insertHeldOrder(ds, { customerId, holdUntil: ahead(60_000) });
    await ds.query(`UPDATE numbers SET held_until = now() - interval '1 minute' WHERE number = $1`, [
      live.number,
    ]);

    const report = await sweeper.sweep();
    expect(report.orphanHolds).toBe(1);
    const statuses = await ds.query(
      `SELECT number, status FROM numbers WHERE number = ANY($1) ORDER BY number`,
      [[orphan, live.number]],
    );
    expect(statuses).toEqual(
      [
        { number: orphan, status: 'available' },
        { number: live.number, status: 'held' },
      ].sort((x, y) => x.number.localeCompare(y.number)),
    );
  });

  it('re-enqueues notifications left pending a minute, under their own job id', async () => {
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil: ahead(60_000), outbox: 'none' });
    const insert = async (key: string, status: string, createdAt: Date) =>
      (
        await ds.query(
          `INSERT INTO notifications (order_id, dedupe_key, template, recipient, subject, body, status, created_at)
           VALUES ($1, $2, 'hold-expired', 'x@example.com', 's', 'b', $3, $4) RETURNING id`,
          [orderId, key, status, createdAt],
        )
      )[0].id as string;
    const lost = await insert(`t:${randomUUID()}`, 'pending', ago(120_000));
    const young = await insert(`t:${randomUUID()}`, 'pending', ago(1_000));
    const sent = await insert(`t:${randomUUID()}`, 'sent', ago(120_000));

    expect(await lostJobs.requeuePendingNotifications()).toBe(1);
    const queue = producer.queue('notifications');
    expect((await queue.getJob(`notification-${lost}`))?.data).toEqual({ notificationId: lost });
    expect(await queue.getJob(`notification-${young}`)).toBeUndefined();
    expect(await queue.getJob(`notification-${sent}`)).toBeUndefined();
    // Already in the queue: left alone.
    expect(await lostJobs.requeuePendingNotifications()).toBe(0);

    // A job that failed for good is retried.
    const worker = new Worker(
      'notifications',
      async () => {
        throw new UnrecoverableError('smtp down');
      },
      { connection: queue.opts.connection, prefix: queue.opts.prefix },
    );
    try {
      await waitFor(
        async () =>
          (await queue.getJob(`notification-${lost}`).then((j) => j?.getState())) === 'failed'
            ? true
            : undefined,
        'the job to fail',
      );
    } finally {
      await worker.close();
    }
    expect(await lostJobs.requeuePendingNotifications()).toBe(1);
    expect(await (await queue.getJob(`notification-${lost}`))?.getState()).toBe('waiting');
  });

  it('re-enqueues a published status change whose messages were never recorded', async () => {
    const { orderId } = await insertHeldOrder(ds, { customerId, holdUntil: ago(1_000), outbox: 'none' });
    await moduleRef.get(OverdueOrders).handle('hold');
    await ds.query(
      `UPDATE outbox_messages SET published_at = now() - interval '2 minutes' WHERE payload->>'orderId' = $1`,
      [orderId],
    );
    const [row] = await ds.query(`SELECT id, payload FROM outbox_messages WHERE payload->>'orderId' = $1`, [
      orderId,
    ]);

    expect(await lostJobs.requeueTransitions()).toBe(1);
    const job = await producer.queue('orders').getJob(`outbox-${row.id}`);
    expect(job).toMatchObject({ name: 'order-event-recorded', data: row.payload });
    expect(await lostJobs.requeueTransitions()).toBe(0);

    // Once its messages exist, it is not touched again, even with the job gone.
    await defined(job, 'the job').remove();
    await ds.query(
      `INSERT INTO notifications (order_id, dedupe_key, template, recipient, subject, body)
       VALUES ($1, $2, 'hold-expired', 'x@example.com', 's', 'b')`,
      [orderId, `order-event:${row.payload.orderEventId}:hold-expired`],
    );
    expect(await lostJobs.requeueTransitions()).toBe(0);
    expect(await producer.queue('orders').getJob(`outbox-${row.id}`)).toBeUndefined();
  });

  it('deletes published outbox rows after a week, never unpublished ones', async () => {
    await ds.query(`TRUNCATE outbox_messages`);
    await ds.query(
      `INSERT INTO outbox_messages (job_name, payload, created_at, published_at) VALUES
         ('order-event-recorded', '{"n":1}', now() - interval '9 days', now() - interval '8 days'),
         ('order-event-recorded', '{"n":2}', now() - interval '9 days', NULL),
         ('order-event-recorded', '{"n":3}', now() - interval '2 days', now() - interval '2 days')`,
    );
    expect((await sweeper.sweep()).outboxPruned).toBe(1);
    const left = await ds.query(`SELECT payload->>'n' AS n FROM outbox_messages ORDER BY 1`);
    expect(left).toEqual([{ n: '2' }, { n: '3' }]);
  });
});
