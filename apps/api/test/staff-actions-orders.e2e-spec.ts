import { recordOrderEventNotifications } from '@haoma/notifications';
import { registerCustomer } from './accounts.fixtures';
import { holdAs, numberState, startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { countRows, signedOrder, STANDARD_NUMBERS } from './payments.fixtures';
import { auditRows, staffAs, type StaffHeaders } from './staff-actions.fixtures';
import type {
  DeadlineExtensionResponse,
  ResendNotificationResponse,
  StaffNotificationListResponse,
  StaffOrderStateResponse,
} from '../src/staff-actions/staff-actions.response';

const DAY = 86_400_000;

describe('staff order actions: cancel, deadlines, messages', () => {
  let env: OrdersEnv;
  let sales: StaffHeaders;
  let admin: StaffHeaders;
  let reviewer: StaffHeaders;
  const spare = [...STANDARD_NUMBERS];
  const take = () => spare.shift() as string;
  let serial = 0;

  beforeAll(async () => {
    env = await startOrdersEnv([...STANDARD_NUMBERS]);
    [sales, admin, reviewer] = await Promise.all([
      staffAs(env, 'sales'),
      staffAs(env, 'admin'),
      staffAs(env, 'reviewer'),
    ]);
  });
  afterAll(() => env.close());

  const post = <T>(
    who: StaffHeaders | { headers: Record<string, string> } | null,
    path: string,
    body?: unknown,
  ) =>
    env.call<T & ErrorBody>('POST', `/api/v1/staff/orders/${path}`, {
      headers: who?.headers ?? {},
      ...(body === undefined ? {} : { body }),
    });
  const get = <T>(who: StaffHeaders | { headers: Record<string, string> } | null, path: string) =>
    env.call<T & ErrorBody>('GET', `/api/v1/staff/orders/${path}`, { headers: who?.headers ?? {} });

  /** An order paid by bank transfer: awaiting documents. */
  async function paidOrder() {
    const buyer = await registerCustomer(env.url);
    const order = await signedOrder(env, buyer, take());
    const paid = await post(sales, `${order.id}/bank-transfers`, {
      amountFen: order.total?.fen,
      payerName: '上海某某有限公司',
      reference: `BOC-${Date.now()}-${++serial}`,
      receivedOn: '2026-02-01',
    });
    if (paid.status !== 201)
      throw new Error(`transfer answered ${paid.status}: ${JSON.stringify(paid.body)}`);
    return { buyer, order };
  }
  const documentsDueAt = async (orderId: string) =>
    (
      (await env.dataSource.query(`SELECT documents_due_at FROM orders WHERE id = $1`, [orderId])) as {
        documents_due_at: Date;
      }[]
    )[0]?.documents_due_at as Date;

  it('cancels with the reason on the timeline, releases the number, audits before/after', async () => {
    const buyer = await registerCustomer(env.url);
    const number = take();
    const order = await signedOrder(env, buyer, number);
    const answer = await post<StaffOrderStateResponse>(sales, `${order.id}/cancel`, {
      reason: 'Customer asked by phone',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: order.id,
      status: 'cancelled',
      closedReason: 'Customer asked by phone',
    });
    expect(await numberState(env.dataSource, number)).toMatchObject({ status: 'available' });
    const [event] = (await env.dataSource.query(
      `SELECT actor, reason, from_status FROM order_events WHERE order_id = $1 AND event = 'cancel'`,
      [order.id],
    )) as { actor: string; reason: string; from_status: string }[];
    expect(event).toEqual({
      actor: `staff:${sales.id}`,
      reason: 'Customer asked by phone',
      from_status: 'awaiting_payment',
    });
    expect(await auditRows(env.dataSource, 'order.cancelled', order.id)).toEqual([
      expect.objectContaining({
        actor: `staff:${sales.id}`,
        actor_id: sales.id,
        actor_role: 'sales',
        before: expect.objectContaining({ status: 'awaiting_payment' }),
        after: expect.objectContaining({ status: 'cancelled', reason: 'Customer asked by phone' }),
      }),
    ]);

    // Again: nothing changes, nothing more is audited.
    const again = await post<StaffOrderStateResponse>(admin, `${order.id}/cancel`, { reason: 'twice' });
    expect(again.status).toBe(200);
    expect(again.body.closedReason).toBe('Customer asked by phone');
    expect(await auditRows(env.dataSource, 'order.cancelled', order.id)).toHaveLength(1);

    // A cancelled order has no deadline to extend.
    const extend = await post(sales, `${order.id}/deadline-extension`, { by: '1d', reason: 'x' });
    expect(extend.status).toBe(409);
    expect(extend.body.code).toBe('DEADLINE_NOT_EXTENDABLE');
  });

  it('extends the documents deadline; the customer’s message is recorded from the timeline row', async () => {
    const { buyer, order } = await paidOrder();
    const before = await documentsDueAt(order.id);
    const answer = await post<DeadlineExtensionResponse>(sales, `${order.id}/deadline-extension`, {
      by: '7d',
      reason: 'Business licence renewal in progress',
    });
    expect(answer.status).toBe(200);
    const to = new Date(before.getTime() + 7 * DAY);
    expect(answer.body).toMatchObject({
      kind: 'documents',
      from: before.toISOString(),
      to: to.toISOString(),
      order: { status: 'awaiting_documents', documentsDueAt: to.toISOString() },
    });
    const [row] = (await env.dataSource.query(
      `SELECT id, actor, reason, data FROM order_events WHERE order_id = $1 AND type = 'deadline_extended'`,
      [order.id],
    )) as { id: string; actor: string; reason: string; data: Record<string, unknown> }[];
    expect(row).toMatchObject({
      actor: `staff:${sales.id}`,
      reason: 'Business licence renewal in progress',
      data: { kind: 'documents', from: before.toISOString(), to: to.toISOString() },
    });
    expect(
      await countRows(
        env.dataSource,
        'outbox_messages',
        `job_name = 'order-event-recorded' AND payload ->> 'orderEventId' = $1`,
        [String(row?.id)],
      ),
    ).toBe(1);
    // What the worker's fan-out does with that row: the customer's "more time" message.
    await env.dataSource.transaction((manager) => recordOrderEventNotifications(manager, String(row?.id)));
    const [message] = (await env.dataSource.query(
      `SELECT template, recipient, body FROM notifications WHERE order_id = $1 AND dedupe_key LIKE $2`,
      [order.id, `order-event:${row?.id}:%`],
    )) as { template: string; recipient: string; body: string }[];
    expect(message).toMatchObject({ template: 'documents-deadline-extended', recipient: buyer.email });
    expect(await auditRows(env.dataSource, 'order.deadline_extended', order.id)).toEqual([
      expect.objectContaining({
        actor_id: sales.id,
        before: expect.objectContaining({ kind: 'documents', deadline: before.toISOString() }),
        after: expect.objectContaining({
          kind: 'documents',
          deadline: to.toISOString(),
          reason: expect.any(String),
        }),
      }),
    ]);

    // Not later, or more than 90 days out: refused, nothing changes.
    for (const body of [
      { until: before.toISOString(), reason: 'x' },
      { until: new Date(Date.now() + 91 * DAY).toISOString(), reason: 'x' },
    ]) {
      const refused = await post(admin, `${order.id}/deadline-extension`, body);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('DEADLINE_NOT_EXTENDABLE');
    }
    expect((await documentsDueAt(order.id)).getTime()).toBe(to.getTime());
    expect(await auditRows(env.dataSource, 'order.deadline_extended', order.id)).toHaveLength(1);
  });

  it('extends the hold of an unpaid order: order and number together, with a new expire-hold job', async () => {
    const buyer = await registerCustomer(env.url);
    const number = take();
    const order = await holdAs(env, buyer, number);
    const until = new Date(Date.now() + 2 * DAY);
    const answer = await post<DeadlineExtensionResponse>(admin, `${order.id}/deadline-extension`, {
      until: until.toISOString(),
      reason: 'Waiting for the board to sign',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      kind: 'hold',
      to: until.toISOString(),
      order: { holdUntil: until.toISOString() },
    });
    expect((await numberState(env.dataSource, number)).held_until?.getTime()).toBe(until.getTime());
    const jobs = (await env.dataSource.query(
      `SELECT run_at FROM outbox_messages WHERE job_name = 'expire-hold' AND payload ->> 'orderId' = $1`,
      [order.id],
    )) as { run_at: Date }[];
    expect(jobs.map((j) => j.run_at.getTime())).toContain(until.getTime());
    const [row] = (await env.dataSource.query(
      `SELECT actor, reason, data FROM order_events WHERE order_id = $1 AND type = 'hold_extended'`,
      [order.id],
    )) as { actor: string; reason: string; data: Record<string, unknown> }[];
    expect(row).toMatchObject({
      actor: `staff:${admin.id}`,
      reason: 'Waiting for the board to sign',
      data: { kind: 'hold' },
    });
    expect(await auditRows(env.dataSource, 'order.deadline_extended', order.id)).toHaveLength(1);

    // Exactly one of until and by.
    for (const body of [
      { reason: 'x' },
      { until: until.toISOString(), by: '1d', reason: 'x' },
      { by: '1 day', reason: 'x' },
    ]) {
      const bad = await post(sales, `${order.id}/deadline-extension`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('resends a message as a copy with its own dedupe key and send job; lists messages by pages', async () => {
    const { order } = await paidOrder();
    const events = (await env.dataSource.query(
      `SELECT id FROM order_events WHERE order_id = $1 ORDER BY id`,
      [order.id],
    )) as { id: string }[];
    for (const event of events)
      await env.dataSource.transaction((manager) => recordOrderEventNotifications(manager, String(event.id)));
    const [original] = (await env.dataSource.query(
      `SELECT id, recipient, subject, body FROM notifications WHERE order_id = $1 ORDER BY created_at LIMIT 1`,
      [order.id],
    )) as { id: string; recipient: string; subject: string; body: string }[];
    if (!original) throw new Error('the order has no message');

    const first = await post<ResendNotificationResponse>(
      sales,
      `${order.id}/notifications/${original.id}/resend`,
    );
    const second = await post<ResendNotificationResponse>(
      admin,
      `${order.id}/notifications/${original.id}/resend`,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      originalId: original.id,
      attempt: 1,
      notification: {
        recipient: original.recipient,
        subject: original.subject,
        body: original.body,
        status: 'pending',
        dedupeKey: `resend:${original.id}:1`,
      },
    });
    expect(second.body.notification.dedupeKey).toBe(`resend:${original.id}:2`);
    for (const resent of [first, second])
      expect(
        await countRows(
          env.dataSource,
          'outbox_messages',
          `job_name = 'send-notification' AND payload ->> 'notificationId' = $1`,
          [resent.body.notification.id],
        ),
      ).toBe(1);
    expect(await auditRows(env.dataSource, 'notification.resent', original.id)).toEqual([
      expect.objectContaining({ actor_id: sales.id, after: expect.objectContaining({ attempt: 1 }) }),
      expect.objectContaining({ actor_id: admin.id, after: expect.objectContaining({ attempt: 2 }) }),
    ]);

    // Another order's message is not this order's.
    const other = await paidOrder();
    const foreign = await post(sales, `${other.order.id}/notifications/${original.id}/resend`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOTIFICATION_NOT_FOUND');

    // Pages of two, newest first, every message once.
    const total = await countRows(env.dataSource, 'notifications', 'order_id = $1', [order.id]);
    expect(total).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: StaffNotificationListResponse } =
        await get<StaffNotificationListResponse>(
          reviewer,
          `${order.id}/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((n) => n.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen[0]).toBe(second.body.notification.id);
    const badCursor = await get(reviewer, `${order.id}/notifications?cursor=nonsense`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.code).toBe('INVALID_QUERY');
  });

  it('answers 401 to the anonymous and 403 to customers and to reviewers on actions', async () => {
    const customer = await registerCustomer(env.url);
    const id = '00000000-0000-4000-8000-000000000003';
    const notification = '00000000-0000-4000-8000-000000000004';
    const actions: [string, unknown][] = [
      [`${id}/cancel`, { reason: 'x' }],
      [`${id}/deadline-extension`, { by: '1d', reason: 'x' }],
      [`${id}/notifications/${notification}/resend`, undefined],
    ];
    for (const [path, body] of actions) {
      expect((await post(null, path, body)).status).toBe(401);
      expect((await post(customer, path, body)).status).toBe(403);
      expect((await post(reviewer, path, body)).status).toBe(403);
      expect((await post(sales, path, body)).status).toBe(404);
    }
    expect((await get(null, `${id}/notifications`)).status).toBe(401);
    expect((await get(customer, `${id}/notifications`)).status).toBe(403);
    expect((await get(reviewer, `${id}/notifications`)).body.code).toBe('ORDER_NOT_FOUND');
  });
});
