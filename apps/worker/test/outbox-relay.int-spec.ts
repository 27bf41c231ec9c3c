import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, type AppConfig } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { JobProducer, QueueModule, type JobPayloads, type OutboxJobName } from '@haoma/jobs';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { publishOutboxBatch, type OutboxSink } from '../src/outbox/outbox-publisher';
import { OutboxRelay } from '../src/outbox/outbox-relay.service';
import { waitFor } from './order-fixtures';

// The relay against the real PostgreSQL and Redis, without processors: jobs stay in the
// queues where the tests can look at them.
describe('outbox relay', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let moduleRef: TestingModule;
  let ds: DataSource;
  let producer: JobProducer;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url, { OUTBOX_POLL_INTERVAL_MS: '60000' });
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'relay-test', statementTimeout: false }),
        QueueModule.forRoot(),
      ],
    }).compile();
    await moduleRef.init();
    ds = moduleRef.get<DataSource>(getDataSourceToken());
    producer = moduleRef.get(JobProducer);
  });
  afterAll(async () => {
    for (const q of ['orders', 'notifications', 'maintenance'] as const)
      await producer.queue(q).obliterate({ force: true });
    await moduleRef.close();
    await db.drop();
  });
  beforeEach(async () => {
    await ds.query(`TRUNCATE outbox_messages`);
    for (const q of ['orders', 'notifications'] as const) await producer.queue(q).obliterate({ force: true });
  });

  async function insertRows(
    count: number,
    runAt: (i: number) => Date | null = () => null,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [row] = await ds.query(
        `INSERT INTO outbox_messages (job_name, payload, run_at) VALUES ('order-event-recorded', $1, $2) RETURNING id`,
        [JSON.stringify({ orderId: `o${i}`, orderEventId: String(i) }), runAt(i)],
      );
      ids.push(String(row.id));
    }
    return ids;
  }

  const unpublished = async (): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`))[0].n;

  /** A sink that counts the adds per job id and passes them on to the real queues. */
  function countingSink(counts: Map<string, number>): OutboxSink {
    return {
      add: <N extends OutboxJobName>(name: N, payload: JobPayloads[N], options?: { jobId?: string }) => {
        const jobId = String(options?.jobId);
        counts.set(jobId, (counts.get(jobId) ?? 0) + 1);
        return producer.add(name, payload, options);
      },
    };
  }

  it('publishes each row once, with job id outbox-<id>, delaying rows that run later', async () => {
    const [now, later] = await insertRows(2, (i) => (i === 1 ? new Date(Date.now() + 3_600_000) : null));
    const [expire] = (await ds.query(
      `INSERT INTO outbox_messages (job_name, payload, run_at) VALUES ('expire-hold', $1, now() - interval '1 second') RETURNING id`,
      [JSON.stringify({ orderId: 'o9', holdUntil: new Date().toISOString() })],
    )) as { id: string }[];

    expect(await publishOutboxBatch(ds, producer, { batchSize: 100, publishTimeoutMs: 5_000 })).toEqual({
      published: 3,
      unknown: [],
    });
    expect(await publishOutboxBatch(ds, producer, { batchSize: 100, publishTimeoutMs: 5_000 })).toEqual({
      published: 0,
      unknown: [],
    });
    expect(await unpublished()).toBe(0);

    const orders = producer.queue('orders');
    const job = await orders.getJob(`outbox-${now}`);
    expect(job).toMatchObject({ name: 'order-event-recorded', data: { orderId: 'o0', orderEventId: '0' } });
    // Status changes queue behind hold timers (a lower priority); timers are not prioritised.
    expect(await job?.getState()).toBe('prioritized');
    expect(job?.opts.priority).toBe(10);
    const delayed = await orders.getJob(`outbox-${later}`);
    expect(await delayed?.getState()).toBe('delayed');
    expect(delayed?.opts.delay).toBeGreaterThan(3_590_000);
    expect(delayed?.opts.delay).toBeLessThanOrEqual(3_600_000);
    const due = await orders.getJob(`outbox-${expire?.id}`);
    expect(due).toMatchObject({ name: 'expire-hold', data: { orderId: 'o9' } });
    expect(await due?.getState()).toBe('waiting');
    expect(due?.opts.priority).toBeUndefined();
    expect(await orders.getJobCountByTypes('waiting', 'prioritized', 'delayed')).toBe(3);
  });

  it('publishes nothing twice when it stops between adding the jobs and marking the rows', async () => {
    const ids = await insertRows(20);
    // The crash: the mark fails after every job was added, so the claim rolls back.
    await ds.query(`
      CREATE FUNCTION fail_outbox_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'crash before marking'; END $$;
      CREATE TRIGGER fail_outbox_mark BEFORE UPDATE ON outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION fail_outbox_mark();`);
    const counts = new Map<string, number>();
    try {
      await expect(
        publishOutboxBatch(ds, countingSink(counts), { batchSize: 100, publishTimeoutMs: 5_000 }),
      ).rejects.toThrow('crash before marking');
    } finally {
      await ds.query(`DROP TRIGGER fail_outbox_mark ON outbox_messages; DROP FUNCTION fail_outbox_mark();`);
    }
    expect(await unpublished()).toBe(20);

    // The restarted relay adds every row again; the queue keeps one job per row.
    await publishOutboxBatch(ds, countingSink(counts), { batchSize: 100, publishTimeoutMs: 5_000 });
    expect(await unpublished()).toBe(0);
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
    const jobs = await producer
      .queue('orders')
      .getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed']);
    expect(jobs.map((j) => j.id).sort()).toEqual(ids.map((id) => `outbox-${id}`).sort());
  });

  it('never lets two relays publish the same row', async () => {
    const ids = await insertRows(600);
    const [a, b] = [new Map<string, number>(), new Map<string, number>()];
    const drain = async (sink: OutboxSink) => {
      for (;;) {
        const { published } = await publishOutboxBatch(ds, sink, { batchSize: 25, publishTimeoutMs: 5_000 });
        if (published === 0 && (await unpublished()) === 0) return;
      }
    };
    await Promise.all([drain(countingSink(a)), drain(countingSink(b))]);
    const both = [...a.keys()].filter((id) => b.has(id));
    expect(both).toEqual([]);
    expect(a.size + b.size).toBe(ids.length);
    expect(a.size).toBeGreaterThan(0);
    expect(b.size).toBeGreaterThan(0);
    expect([...a.values(), ...b.values()].every((n) => n === 1)).toBe(true);
  });

  it('marks rows of jobs the outbox may not carry, without publishing them', async () => {
    await ds.query(`INSERT INTO outbox_messages (job_name, payload) VALUES ('sweep-deadlines', '{}')`);
    const [ok] = await insertRows(1);
    const result = await publishOutboxBatch(ds, producer, { batchSize: 100, publishTimeoutMs: 5_000 });
    expect(result.published).toBe(1);
    expect(result.unknown.map((u) => u.jobName)).toEqual(['sweep-deadlines']);
    expect(await producer.queue('orders').getJob(`outbox-${ok}`)).toBeDefined();
    expect(await producer.queue('maintenance').getJobCountByTypes('waiting', 'delayed')).toBe(0);
  });

  it('rolls the claim back when the queue does not answer in time', async () => {
    await insertRows(2);
    const silent = { add: () => new Promise(() => undefined) } as unknown as OutboxSink;
    await expect(publishOutboxBatch(ds, silent, { batchSize: 100, publishTimeoutMs: 200 })).rejects.toThrow(
      'the queue did not accept the outbox batch within 200 ms',
    );
    expect(await unpublished()).toBe(2);
  });

  it('wakes on the NOTIFY of an insert, backs off while the queue fails, and loses nothing', async () => {
    let failures = 0;
    const added: string[] = [];
    const flaky = {
      add: async (name: OutboxJobName, payload: never, options?: { jobId?: string }) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('Redis is down');
        }
        added.push(String(options?.jobId));
        return producer.add(name, payload, options);
      },
    } as unknown as JobProducer;
    const relay = new OutboxRelay(ds, flaky, config);
    relay.onApplicationBootstrap();
    try {
      // The poll interval is a minute here: only the NOTIFY can wake the relay this fast.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [first] = await insertRows(1);
      await waitFor(
        async () => (added.includes(`outbox-${first}`) ? true : undefined),
        'the NOTIFY',
        3_000,
        20,
      );

      failures = 2;
      const more = (await insertRows(3)).map((id) => `outbox-${id}`);
      // Two failed attempts, retried after 1 s and 2 s of back-off, from the rows kept in PostgreSQL.
      await waitFor(
        async () => ((await unpublished()) === 0 ? true : undefined),
        'publishing after the outage',
        10_000,
      );
      expect(failures).toBe(0);
      // A failed batch may have added some of its jobs: added again later under the same ids.
      expect([...new Set(added.filter((id) => more.includes(id)))].sort()).toEqual([...more].sort());
      const jobs = await producer.queue('orders').getJobs(['waiting', 'prioritized']);
      expect(jobs.filter((j) => more.includes(String(j.id)))).toHaveLength(3);
    } finally {
      await relay.onModuleDestroy();
    }
  }, 20_000);
});
