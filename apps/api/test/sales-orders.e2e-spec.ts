import { randomUUID } from 'node:crypto';
import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';
import { startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { countRows } from './payments.fixtures';
import {
  ago,
  DAY,
  insertCustomerRow,
  insertOrderEvent,
  insertOrderRow,
  insertSubmission,
  MINUTE,
  must,
} from './sales.fixtures';

interface Entry {
  at: string;
  kind: string;
  actor: string | null;
  summary: string;
  data: Record<string, unknown>;
}
interface FeedPage {
  items: Entry[];
  nextCursor: string | null;
}
interface Note {
  id: string;
  orderId: string;
  author: { id: string; name: string; email: string };
  body: string;
  mentions: { id: string; name: string; email: string }[];
  createdAt: string;
  notificationIds?: string[];
}
type Who = { id: string; email: string; headers: Record<string, string> };

// One order as staff see it: its detail, its merged activity feed, who follows it, and notes
// with @mentions that notify staff.
describe('a staff order: detail, activity, assignee and notes (e2e)', () => {
  let env: OrdersEnv;
  let sales1: Who;
  let sales2: Who;
  let reviewer: Who;
  let admin: Who;
  let inactiveSales: { id: string; email: string };
  let customerHeaders: Record<string, string>;
  let orderId: string;
  let customerId: string;
  let submissionId: string;
  const T = new Date();

  const login = async (role: 'sales' | 'reviewer' | 'admin', name?: string): Promise<Who> => {
    const member = await createStaff(env.dataSource, role, name ? { name } : {});
    return {
      id: member.id,
      email: member.email,
      ...(await loginStaff(env.url, member.email, member.password)),
    };
  };

  beforeAll(async () => {
    env = await startOrdersEnv([]);
    sales1 = await login('sales', 'Li Wei');
    sales2 = await login('sales', 'Wang Fang');
    reviewer = await login('reviewer', 'Zhao Min');
    admin = await login('admin');
    const gone = await createStaff(env.dataSource, 'sales');
    await env.dataSource.query(`UPDATE staff_members SET active = false WHERE id = $1`, [gone.id]);
    inactiveSales = { id: gone.id, email: gone.email };
    customerHeaders = (await registerCustomer(env.url)).headers;

    const customer = await insertCustomerRow(env.dataSource, { companyName: '华南贸易有限公司' });
    customerId = customer.id;
    const order = await insertOrderRow(env.dataSource, {
      customerId,
      status: 'awaiting_documents',
      createdAt: ago(T, 60 * MINUTE),
      statusChangedAt: ago(T, 36 * MINUTE),
      paidAt: ago(T, 50 * MINUTE),
      holdUntil: ago(T, 30 * MINUTE),
      documentsDueAt: new Date(T.getTime() + 10 * DAY),
    });
    orderId = order.id;
    await env.dataSource.query(`UPDATE orders SET price_lines = $2 WHERE id = $1`, [
      orderId,
      JSON.stringify([
        { kind: 'plan', code: 'basic', version: 1, name: 'Basic', nameZh: '基础版', amountFen: 120_000 },
      ]),
    ]);
    const ds = env.dataSource;
    await insertOrderEvent(ds, {
      orderId,
      type: 'created',
      at: ago(T, 60 * MINUTE),
      actor: `customer:${customerId}`,
      to: 'selecting',
    });
    await insertOrderEvent(ds, {
      orderId,
      type: 'transition',
      event: 'sign',
      from: 'selecting',
      to: 'awaiting_payment',
      at: ago(T, 55 * MINUTE),
      actor: `customer:${customerId}`,
    });
    await insertOrderEvent(ds, {
      orderId,
      type: 'transition',
      event: 'payment_confirmed',
      from: 'awaiting_payment',
      to: 'awaiting_documents',
      at: ago(T, 50 * MINUTE),
      actor: 'system:stripe',
    });
    const payments: { id: string }[] = await ds.query(
      `INSERT INTO payments (order_id, provider, provider_session_id, amount_fen, idempotency_key, status, paid_at,
                             created_by, created_at)
       VALUES ($1, 'sandbox', $2, 120000, $2, 'paid', $3, $4, $5) RETURNING id`,
      [orderId, `sess-${orderId}`, ago(T, 50 * MINUTE), `customer:${customerId}`, ago(T, 52 * MINUTE)],
    );
    await ds.query(
      `INSERT INTO notifications (order_id, dedupe_key, template, recipient, subject, body, status, sent_at, created_at)
       VALUES ($1, $2, 'payment-received', 'c@example.com', 's', 'b', 'sent', $3, $4),
              ($1, $5, 'order-signed', 'c@example.com', 's', 'b', 'failed', NULL, $6),
              ($1, $7, 'documents-reminder', 'c@example.com', 's', 'b', 'pending', NULL, $6)`,
      [
        orderId,
        `t1-${orderId}`,
        ago(T, 49 * MINUTE),
        ago(T, 50 * MINUTE),
        `t2-${orderId}`,
        ago(T, 48 * MINUTE),
        `t3-${orderId}`,
      ],
    );
    const submission = await insertSubmission(ds, {
      orderId,
      customerId,
      uscc: '91440300MA5FTEST02',
      companyName: '华南贸易有限公司',
      submittedAt: ago(T, 38 * MINUTE),
      documents: [
        { kind: 'business_licence', uploadedAt: ago(T, 40 * MINUTE), attachedAt: ago(T, 39 * MINUTE) },
        { kind: 'legal_rep_id_front', uploadedAt: ago(T, 40 * MINUTE), attachedAt: ago(T, 39 * MINUTE) },
      ],
      prechecked: { at: ago(T, 37 * MINUTE), worstSeverity: 'warning' },
      decided: {
        at: ago(T, 36 * MINUTE),
        by: `staff:${reviewer.id}`,
        status: 'rejected',
        note: 'licence blurred',
      },
    });
    submissionId = submission.submissionId;
    await ds.query(
      `INSERT INTO refunds (payment_id, order_id, amount_fen, status, reason, idempotency_key, created_by, created_at, updated_at)
       VALUES ($1, $2, 20000, 'succeeded', 'goodwill', $3, $4, $5, $6)`,
      [
        must(payments[0]).id,
        orderId,
        `r-${orderId}`,
        `staff:${admin.id}`,
        ago(T, 30 * MINUTE),
        ago(T, 29 * MINUTE),
      ],
    );
    await ds.query(
      `INSERT INTO carrier_applications (order_id, submission_id, carrier, status, submitted_at, created_at, carrier_reference)
       VALUES ($1, $2, 'telecom', 'submitted', $3, $4, 'CT-1')`,
      [orderId, submissionId, ago(T, 19 * MINUTE), ago(T, 20 * MINUTE)],
    );
  });
  afterAll(async () => {
    await env.close();
  });

  const call = <T>(method: string, path: string, who: { headers: Record<string, string> }, body?: unknown) =>
    env.call<T>(method, path, { headers: who.headers, ...(body === undefined ? {} : { body }) });

  describe('access', () => {
    const routes = (id: string): [string, string, unknown?][] => [
      ['GET', `/api/v1/staff/orders/${id}`],
      ['GET', `/api/v1/staff/orders/${id}/activity`],
      ['GET', `/api/v1/staff/orders/${id}/notes`],
      ['POST', `/api/v1/staff/orders/${id}/notes`, { body: 'hello' }],
      ['POST', `/api/v1/staff/orders/${id}/assignee`, { assigneeId: null, reason: 'test' }],
    ];

    it('answers 401 anonymously and 403 to customers on every route', async () => {
      for (const [method, path, body] of routes(orderId)) {
        const anonymous = await env.call<ErrorBody>(method, path, body === undefined ? {} : { body });
        expect([path, anonymous.status]).toEqual([path, 401]);
        const customer = await call<ErrorBody>(method, path, { headers: customerHeaders }, body);
        expect([path, customer.status, customer.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
    });

    it('answers 404 ORDER_NOT_FOUND for an unknown order and 400 for a malformed id', async () => {
      for (const [method, path, body] of routes(randomUUID())) {
        const answer = await call<ErrorBody>(method, path, sales1, body);
        expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'ORDER_NOT_FOUND']);
      }
      for (const [method, path, body] of routes('not-a-uuid')) {
        const answer = await call<ErrorBody>(method, path, sales1, body);
        expect([path, answer.status, answer.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      }
    });

    it('lets reviewers read and write notes but not reassign', async () => {
      expect((await call('GET', `/api/v1/staff/orders/${orderId}`, reviewer)).status).toBe(200);
      const reassign = await call<ErrorBody>('POST', `/api/v1/staff/orders/${orderId}/assignee`, reviewer, {
        assigneeId: sales1.id,
        reason: 'mine now',
      });
      expect(reassign).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    });
  });

  it('shows the order with its customer, price lines and deadlines', async () => {
    const answer = await call<Record<string, unknown>>('GET', `/api/v1/staff/orders/${orderId}`, sales1);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: orderId,
      status: 'awaiting_documents',
      customer: {
        id: customerId,
        companyName: '华南贸易有限公司',
        contactName: 'Tester',
        mobile: '13800138000',
      },
      assignee: null,
      priceLines: [{ kind: 'plan', code: 'basic', amountFen: 120_000 }],
      totalFen: 120_000,
      paidAt: ago(T, 50 * MINUTE).toISOString(),
      documentsDueAt: new Date(T.getTime() + 10 * DAY).toISOString(),
      nextDeadline: { kind: 'documents', at: new Date(T.getTime() + 10 * DAY).toISOString() },
      overdue: false,
      carrier: 'telecom',
      grade: 'standard',
    });
  });

  describe('assignment by hand', () => {
    const assign = (body: unknown, who: Who = sales1, id = orderId) =>
      call<Record<string, unknown>>('POST', `/api/v1/staff/orders/${id}/assignee`, who, body);

    it('hands the order to an active sales member, on the timeline and in the audit log', async () => {
      const answer = await assign({ assigneeId: sales2.id, reason: 'Wang Fang knows this customer' });
      expect(answer).toMatchObject({
        status: 200,
        body: { assigneeId: sales2.id, previousAssigneeId: null, changed: true },
      });
      const detail = await call<{ assignee: unknown }>('GET', `/api/v1/staff/orders/${orderId}`, sales1);
      expect(detail.body.assignee).toEqual({
        id: sales2.id,
        name: 'Wang Fang',
        email: sales2.email,
        active: true,
      });
      const events: { actor: string; reason: string; data: Record<string, unknown> }[] =
        await env.dataSource.query(
          `SELECT actor, reason, data FROM order_events WHERE order_id = $1 AND type = 'assigned' ORDER BY id`,
          [orderId],
        );
      expect(events).toEqual([
        {
          actor: `staff:${sales1.id}`,
          reason: 'Wang Fang knows this customer',
          data: { assigneeId: sales2.id, previousAssigneeId: null, mode: 'manual' },
        },
      ]);
      expect(
        await countRows(
          env.dataSource,
          'outbox_messages',
          `job_name = 'order-event-recorded' AND payload ->> 'orderId' = $1`,
          [orderId],
        ),
      ).toBe(1);
      const audit: { action: string; before: unknown; after: unknown }[] = await env.dataSource.query(
        `SELECT action, before, after FROM audit_log WHERE target_id = $1 AND action = 'order.reassigned'`,
        [orderId],
      );
      expect(audit).toEqual([
        {
          action: 'order.reassigned',
          before: { assigneeId: null },
          after: { assigneeId: sales2.id, reason: 'Wang Fang knows this customer' },
        },
      ]);
      // It is now in Wang Fang's "my orders", not in Li Wei's.
      const mine = await call<{ items: { id: string }[] }>('GET', '/api/v1/staff/orders?assignee=me', sales2);
      expect(mine.body.items.map((i) => i.id)).toEqual([orderId]);
      const notMine = await call<{ items: { id: string }[] }>(
        'GET',
        '/api/v1/staff/orders?assignee=me',
        sales1,
      );
      expect(notMine.body.items).toEqual([]);
    });

    it('writes nothing when the assignee does not change, and unassigns with null (admin)', async () => {
      expect(await assign({ assigneeId: sales2.id, reason: 'again' })).toMatchObject({
        status: 200,
        body: { changed: false },
      });
      expect(await assign({ assigneeId: null, reason: 'back to the pool' }, admin)).toMatchObject({
        status: 200,
        body: { assigneeId: null, previousAssigneeId: sales2.id, changed: true },
      });
      expect(
        await countRows(env.dataSource, 'order_events', `order_id = $1 AND type = 'assigned'`, [orderId]),
      ).toBe(2);
    });

    it.each([
      ['a reviewer', () => reviewer.id],
      ['an admin', () => admin.id],
      ['an inactive sales member', () => inactiveSales.id],
      ['nobody', () => randomUUID()],
    ])('refuses %s as assignee with ASSIGNEE_INVALID', async (_who, id) => {
      expect(await assign({ assigneeId: id(), reason: 'try' })).toMatchObject({
        status: 400,
        body: { code: 'ASSIGNEE_INVALID' },
      });
    });

    it.each([
      [{ reason: 'no assignee' }],
      [{ assigneeId: 'nope', reason: 'bad id' }],
      [{ assigneeId: null }],
      [{ assigneeId: null, reason: '   ' }],
      [{ assigneeId: null, reason: 'x'.repeat(501) }],
      [{ assigneeId: null, reason: 'ok', assignedAt: '2020-01-01T00:00:00Z' }],
    ])('refuses assignee body #%# with VALIDATION_FAILED', async (body) => {
      expect(await assign(body)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });
  });

  describe('notes', () => {
    const addNote = (body: unknown, who: Who = sales1) =>
      call<Note & ErrorBody>('POST', `/api/v1/staff/orders/${orderId}/notes`, who, body);

    it('appends a note without mentions', async () => {
      const answer = await addNote({ body: 'Customer asked for an invoice.' });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        orderId,
        author: { id: sales1.id, name: 'Li Wei', email: sales1.email },
        body: 'Customer asked for an invoice.',
        mentions: [],
        notificationIds: [],
      });
    });

    it('notifies each mentioned staff member once (not the author), through the outbox', async () => {
      const body = `@${sales2.email.toUpperCase()} and @${reviewer.email}: the licence is blurred. cc @${sales1.email} @${sales2.email}.`;
      const answer = await addNote({ body });
      expect(answer.status).toBe(201);
      expect(answer.body.mentions).toEqual([
        { id: sales2.id, name: 'Wang Fang', email: sales2.email },
        { id: reviewer.id, name: 'Zhao Min', email: reviewer.email },
        { id: sales1.id, name: 'Li Wei', email: sales1.email },
      ]);
      expect(answer.body.notificationIds).toHaveLength(2);
      const rows: {
        id: string;
        dedupe_key: string;
        recipient: string;
        template: string;
        status: string;
        subject: string;
        body: string;
      }[] = await env.dataSource.query(
        `SELECT id, dedupe_key, recipient, template, status, subject, body FROM notifications
            WHERE dedupe_key LIKE $1 ORDER BY recipient`,
        [`note:${answer.body.id}:%`],
      );
      expect(rows.map((r) => [r.dedupe_key, r.recipient, r.template, r.status]).sort()).toEqual(
        [
          [`note:${answer.body.id}:${sales2.id}`, sales2.email, 'staff-note-mention', 'pending'],
          [`note:${answer.body.id}:${reviewer.id}`, reviewer.email, 'staff-note-mention', 'pending'],
        ].sort(),
      );
      for (const row of rows) {
        expect(row.subject).toContain('Li Wei');
        expect(row.body).toContain('the licence is blurred');
        expect(row.body).toContain(`/api/v1/staff/orders/${orderId}`);
      }
      const outbox: { payload: { notificationId: string } }[] = await env.dataSource.query(
        `SELECT payload FROM outbox_messages WHERE job_name = 'send-notification' AND payload ->> 'notificationId' = ANY($1::text[])`,
        [rows.map((r) => r.id)],
      );
      expect(outbox.map((o) => o.payload.notificationId).sort()).toEqual(
        [...must(answer.body.notificationIds)].sort(),
      );
      const audit = await countRows(
        env.dataSource,
        'audit_log',
        `action = 'order.note_added' AND target_id = $1`,
        [orderId],
      );
      expect(audit).toBe(2);
    });

    it.each([
      ['an unknown address', () => '@nobody@haoma.test please look', ['nobody@haoma.test']],
      ['an inactive member', () => `@${inactiveSales.email} please look`, () => [inactiveSales.email]],
      ['a name instead of an email', () => 'hi @wangfang, see above', ['wangfang']],
    ])(
      'refuses a mention of %s with MENTION_UNKNOWN naming it, writing nothing',
      async (_what, text, named) => {
        const before = await countRows(env.dataSource, 'order_notes');
        const notifications = await countRows(env.dataSource, 'notifications');
        const answer = await addNote({ body: `${text()} @${sales2.email}` });
        expect(answer).toMatchObject({
          status: 400,
          body: { code: 'MENTION_UNKNOWN', mentions: typeof named === 'function' ? named() : named },
        });
        expect(answer.body.message).toContain(`@${(typeof named === 'function' ? named() : named)[0]}`);
        expect(await countRows(env.dataSource, 'order_notes')).toBe(before);
        expect(await countRows(env.dataSource, 'notifications')).toBe(notifications);
      },
    );

    it('takes a plain email address in the text for what it is, not a mention', async () => {
      const answer = await addNote({ body: 'Customer wrote from finance@example.com' }, reviewer);
      expect(answer).toMatchObject({ status: 201, body: { mentions: [], author: { id: reviewer.id } } });
    });

    it.each([
      [{}],
      [{ body: '' }],
      [{ body: '  \n ' }],
      [{ body: 'x'.repeat(4001) }],
      [{ body: 'ok', mentions: [] }],
      [{ body: 42 }],
    ])('refuses note body #%# with VALIDATION_FAILED', async (body) => {
      expect(await addNote(body)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });

    it('accepts a note of exactly 4000 characters', async () => {
      expect((await addNote({ body: 'y'.repeat(4000) })).status).toBe(201);
    });

    it('lists notes newest first across pages', async () => {
      const all = await call<{ items: Note[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/staff/orders/${orderId}/notes?limit=100`,
        reviewer,
      );
      expect(all.body.items.length).toBe(4);
      const ids = all.body.items.map((n) => Number(n.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(all.body.items.find((n) => n.mentions.length === 3)?.mentions.map((m) => m.id)).toEqual([
        sales2.id,
        reviewer.id,
        sales1.id,
      ]);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Note[]; nextCursor: string | null } } = await call(
          'GET',
          `/api/v1/staff/orders/${orderId}/notes?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          sales1,
        );
        paged.push(...page.body.items.map((n) => n.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.body.items.map((n) => n.id));
      expect(
        await call<ErrorBody>('GET', `/api/v1/staff/orders/${orderId}/notes?cursor=bogus`, sales1),
      ).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY' } });
    });
  });

  describe('the activity feed', () => {
    const feed = (query: string) =>
      call<FeedPage>('GET', `/api/v1/staff/orders/${orderId}/activity?${query}`, sales1);

    it('merges every source in time order, oldest first', async () => {
      const answer = await feed('limit=100');
      expect(answer.status).toBe(200);
      const items = answer.body.items;
      const kinds = items.map((e) => e.kind);
      expect(kinds).toEqual([
        'order.created',
        'order.transition', // sign
        'payment.created',
        'order.transition', // payment_confirmed, at the same instant as…
        'payment.paid', // …the payment: ties are broken by kind
        'notification.sent',
        'notification.failed',
        'document.uploaded',
        'document.uploaded',
        'document.attached',
        'document.attached',
        'submission.submitted',
        'submission.prechecked',
        'submission.rejected',
        'refund.requested',
        'refund.succeeded',
        'carrier.created',
        'carrier.submitted',
        // Made by the tests above, in the order they ran.
        'order.assigned',
        'order.assigned',
        'note',
        'note',
        'note',
        'note',
      ]);
      expect(kinds).not.toContain('notification.pending');
      const times = items.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(items.find((e) => e.kind === 'submission.rejected')).toMatchObject({
        actor: `staff:${reviewer.id}`,
        data: { submissionId, status: 'rejected', reviewNote: 'licence blurred' },
      });
      expect(items.find((e) => e.kind === 'refund.requested')).toMatchObject({
        actor: `staff:${admin.id}`,
        data: { amountFen: 20000, reason: 'goodwill' },
      });
      expect(items.find((e) => e.kind === 'note')).toMatchObject({
        actor: `staff:${sales1.id}`,
        summary: 'Customer asked for an invoice.',
      });
      expect(items[3]).toMatchObject({
        actor: 'system:stripe',
        summary: 'awaiting_payment → awaiting_documents (payment_confirmed)',
        at: ago(T, 50 * MINUTE).toISOString(),
      });
    });

    it('pages through the same entries without repeats or gaps, in both directions', async () => {
      const all = (await feed('limit=100')).body.items;
      for (const order of ['asc', 'desc'] as const) {
        const seen: Entry[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: { status: number; body: FeedPage } = await feed(
            `limit=4&order=${order}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(page.status).toBe(200);
          seen.push(...page.body.items);
          cursor = page.body.nextCursor;
          pages += 1;
        } while (cursor && pages < 20);
        expect(seen).toEqual(order === 'asc' ? all : [...all].reverse());
      }
    });

    it('refuses a bad cursor, a cursor of the other direction and unknown parameters', async () => {
      const first = await feed('limit=2');
      expect(await feed(`limit=2&order=desc&cursor=${first.body.nextCursor}`)).toMatchObject({
        status: 400,
        body: { code: 'INVALID_QUERY' },
      });
      expect(await feed('cursor=zzz')).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY' } });
      expect(await feed('order=sideways')).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });
      expect(await feed('kind=note')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });
  });
});
