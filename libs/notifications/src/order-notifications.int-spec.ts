import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import type { MailMessage, MailTransport } from './mail-transport';
import { orderEventDedupeKey, recordOrderEventNotifications } from './order-notifications';
import { sendNotification } from './send-notification';

class RecordingTransport implements MailTransport {
  readonly name = 'file' as const;
  readonly sent: MailMessage[] = [];
  failWith: Error | undefined;
  async send(message: MailMessage): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
  }
  async close(): Promise<void> {
    this.sent.length = 0;
  }
}

describe('order notifications (recording and sending)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let seq = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 3 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** An expired order and its hold_expired timeline row; returns the row id. */
  async function expiredOrderEvent(
    event = 'hold_expired',
    type = 'transition',
  ): Promise<{ eventId: string; orderId: string }> {
    const number = `40070000${String(++seq).padStart(2, '0')}`;
    const [customer] = await ds.query(
      `INSERT INTO customers (company_name, contact_name, email, mobile, password_hash)
       VALUES ('好码科技', '李四', $1, '13900139000', 'x') RETURNING id`,
      [`li${seq}@example.com`],
    );
    await ds.query(
      `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version)
       VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'standard', 0, 1)`,
      [number],
    );
    const [order] = await ds.query(
      `INSERT INTO orders (customer_id, number, status, grade, selection_fee_fen, hold_until)
       VALUES ($1, $2, 'expired', 'standard', 0, '2026-05-01T06:30:00Z') RETURNING id`,
      [customer.id, number],
    );
    const [row] = await ds.query(
      `INSERT INTO order_events (order_id, type, event, from_status, to_status, actor)
       VALUES ($1, $2, $3, 'selecting', 'expired', 'system:hold-timer') RETURNING id`,
      [order.id, type, type === 'transition' ? event : null],
    );
    return { eventId: String(row.id), orderId: order.id };
  }

  async function onlyPending(eventId: string): Promise<string> {
    const [id] = (await recordOrderEventNotifications(ds.manager, eventId)).pending;
    if (!id) throw new Error('no pending notification');
    return id;
  }

  it('records the messages of an event once, however often it is handled', async () => {
    const { eventId, orderId } = await expiredOrderEvent();
    const first = await recordOrderEventNotifications(ds.manager, eventId);
    const again = await recordOrderEventNotifications(ds.manager, eventId);
    const concurrently = await Promise.all(
      [1, 2, 3].map(() => recordOrderEventNotifications(ds.manager, eventId)),
    );
    expect(first).toMatchObject({ found: true, recorded: 1 });
    expect(first.pending).toHaveLength(1);
    expect(again).toEqual({ found: true, recorded: 0, pending: first.pending });
    for (const result of concurrently) expect(result.pending).toEqual(first.pending);

    const rows = await ds.query(`SELECT * FROM notifications WHERE order_id = $1`, [orderId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dedupe_key: orderEventDedupeKey(eventId, 'hold-expired'),
      template: 'hold-expired',
      recipient: `li${seq}@example.com`,
      status: 'pending',
      attempts: 0,
      channel: 'email',
    });
    expect(rows[0].subject).toContain('已到期');
    expect(rows[0].body).toContain('2026-05-01 14:30');
  });

  it('records nothing for rows without messages, and reports unknown rows', async () => {
    const { eventId } = await expiredOrderEvent('x', 'priced');
    expect(await recordOrderEventNotifications(ds.manager, eventId)).toEqual({
      found: true,
      recorded: 0,
      pending: [],
    });
    expect(await recordOrderEventNotifications(ds.manager, '999999999')).toEqual({
      found: false,
      recorded: 0,
      pending: [],
    });
  });

  it('sends once and records the transport; a second send is skipped', async () => {
    const { eventId } = await expiredOrderEvent();
    const id = await onlyPending(eventId);
    const transport = new RecordingTransport();
    expect(await sendNotification(ds.manager, transport, id, { finalAttempt: false })).toEqual({
      outcome: 'sent',
      transport: 'file',
    });
    expect(await sendNotification(ds.manager, transport, id, { finalAttempt: false })).toEqual({
      outcome: 'skipped',
      status: 'sent',
    });
    expect(transport.sent.map((m) => m.id)).toEqual([id]);
    const [row] = await ds.query(
      `SELECT status, attempts, transport, sent_at FROM notifications WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: 'file' });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect((await recordOrderEventNotifications(ds.manager, eventId)).pending).toEqual([]);
    expect(await sendNotification(ds.manager, transport, randomUUID(), { finalAttempt: false })).toEqual({
      outcome: 'skipped',
      status: 'missing',
    });
  });

  it('records failed attempts, keeps the message pending until the last one, then marks it failed', async () => {
    const { eventId } = await expiredOrderEvent();
    const id = await onlyPending(eventId);
    const transport = new RecordingTransport();
    transport.failWith = new Error('connect ECONNREFUSED');
    await expect(sendNotification(ds.manager, transport, id, { finalAttempt: false })).rejects.toThrow(
      'ECONNREFUSED',
    );
    let [row] = await ds.query(`SELECT status, attempts, last_error FROM notifications WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'pending', attempts: 1, last_error: 'connect ECONNREFUSED' });
    await expect(sendNotification(ds.manager, transport, id, { finalAttempt: true })).rejects.toThrow();
    [row] = await ds.query(`SELECT status, attempts FROM notifications WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'failed', attempts: 2 });
    expect(await sendNotification(ds.manager, transport, id, { finalAttempt: false })).toEqual({
      outcome: 'skipped',
      status: 'failed',
    });
  });

  it('gives up at once on a permanent refusal (SMTP 5xx)', async () => {
    const { eventId } = await expiredOrderEvent();
    const id = await onlyPending(eventId);
    const transport = new RecordingTransport();
    transport.failWith = Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
    await expect(sendNotification(ds.manager, transport, id, { finalAttempt: false })).rejects.toThrow('550');
    const [row] = await ds.query(`SELECT status, attempts FROM notifications WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'failed', attempts: 1 });
  });
});
