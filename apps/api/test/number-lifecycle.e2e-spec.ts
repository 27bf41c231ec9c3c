// The whole life of a number, as issue 6's "done when" asks, through the public API with the
// real worker process running beside it: paid → documents uploaded → dossier → pre-check →
// rejected → fixed and resubmitted → approved → the sandbox carrier (failing now and then)
// activates it → a live service → a regulator flag suspends it → terminated after the window
// → quarantine → back on sale and held by the next business. The windows are configured short
// (they are configuration); every step is taken by the worker's own timers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { killWorker, startWorker, testConfig, workerEnv, type WorkerProcess } from '@haoma/testing';
import { createStaff, loginStaff, registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import { jpeg, multipart, pdf, png } from './documents.fixtures';
import { eventually, startOrdersEnv, type OrdersEnv } from './orders.fixtures';
import { signedOrder } from './payments.fixtures';
import { dossierForm } from './verification.fixtures';

const NUMBER = '4006182735';
const WINDOWS = {
  SUSPENSION_TERMINATE_AFTER: '2s',
  QUARANTINE_PERIOD: '2s',
  SWEEP_INTERVAL_SECONDS: '5',
};

describe('the life of a number, from payment to live service and back to sale', () => {
  let env: OrdersEnv;
  let worker: WorkerProcess;
  let mailDir: string;
  let customer: RegisteredCustomer;
  let reviewer: { headers: Record<string, string> };

  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-lifecycle-mail-'));
    const shared = {
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      DOCUMENTS_DIR: join(mailDir, 'documents'),
      MAIL_DIR: mailDir,
      ...WINDOWS,
    };
    env = await startOrdersEnv([NUMBER], shared);
    const config = testConfig(env.db.url, shared);
    // The sandbox carrier takes a moment to decide and fails a third of the calls: the worker
    // retries until the activation goes through, once.
    worker = await startWorker(
      workerEnv(config, {
        ...WINDOWS,
        CARRIER_SANDBOX_DELAY: '300ms',
        CARRIER_SANDBOX_FAILURE_RATE: '0.3',
        CARRIER_SANDBOX_TIMEOUT_RATE: '0',
        CARRIER_SANDBOX_REJECT_RATE: '0',
        CARRIER_TIMEOUT: '2s',
        CARRIER_RETRY_BASE: '100ms',
        CARRIER_RETRY_MAX: '500ms',
        CARRIER_POLL_INTERVAL: '200ms',
      }),
    );
    customer = await registerCustomer(env.url);
    const member = await createStaff(env.dataSource, 'reviewer');
    reviewer = await loginStaff(env.url, member.email, member.password);
  }, 90_000);

  afterAll(async () => {
    if (worker) await killWorker(worker);
    await env?.close();
    await rm(mailDir, { recursive: true, force: true });
  });

  type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** JSON requests as one account. */
  const as = (who: { headers: Record<string, string> }) => ({
    get: (path: string) => env.call<Body>('GET', path, { headers: who.headers }),
    post: (path: string, body: unknown = {}) => env.call<Body>('POST', path, { headers: who.headers, body }),
  });

  const orderStatus = async (orderId: string) =>
    (await as(customer).get(`/api/v1/orders/${orderId}`)).body.status as string;
  const numberStatus = async () =>
    (
      (await env.dataSource.query(`SELECT status FROM numbers WHERE number = $1`, [NUMBER])) as {
        status: string;
      }[]
    )[0]?.status;

  async function uploadDocument(
    kind: string,
    content: Buffer,
    filename: string,
    type: string,
  ): Promise<string> {
    const form = multipart([
      { name: 'kind', value: kind },
      { name: 'file', filename, contentType: type, content },
    ]);
    const response = await fetch(`${env.url}/api/v1/documents`, {
      method: 'POST',
      headers: { ...customer.headers, 'content-type': form.contentType },
      body: form.body,
    });
    const body = (await response.json()) as { id: string };
    expect(response.status).toBe(201);
    return body.id;
  }

  it('goes the whole way', async () => {
    const api = as(customer);
    const staff = as(reviewer);

    // Pay in the sandbox: the worker applies the signed event and locks the number.
    const order = await signedOrder(env, customer, NUMBER);
    const checkout = await api.post(`/api/v1/orders/${order.id}/checkout`, {});
    expect(checkout.status).toBe(200);
    const paymentId = checkout.body.paymentId as string;
    await fetch(`${env.url}/sandbox/checkout/${paymentId}/pay`, { method: 'POST', redirect: 'manual' });
    await eventually(async () => expect(await orderStatus(order.id)).toBe('awaiting_documents'), 20_000);
    expect(await numberStatus()).toBe('locked');

    // Documents, a dossier, a submission: the worker pre-checks it.
    const licence = await uploadDocument('business_licence', jpeg(), '营业执照.jpg', 'image/jpeg');
    const documentIds = [
      licence,
      await uploadDocument('legal_rep_id_front', png(), 'id-front.png', 'image/png'),
      await uploadDocument('legal_rep_id_back', png(), 'id-back.png', 'image/png'),
      await uploadDocument('undertaking', pdf(), '承诺书.pdf', 'application/pdf'),
    ];
    const form = dossierForm();
    const dossier = await api.post('/api/v1/dossiers', { form, documentIds });
    expect(dossier.status).toBe(201);
    const dossierId = dossier.body.id as string;
    const first = await api.post(`/api/v1/orders/${order.id}/submissions`, { dossierId });
    expect(first.status).toBe(201);
    expect(await orderStatus(order.id)).toBe('under_review');
    await eventually(async () => {
      const queue = await staff.get('/api/v1/staff/reviews');
      const ids = (queue.body.items as { submissionId: string }[]).map((item) => item.submissionId);
      expect(ids).toContain(first.body.id);
    }, 20_000);

    // The reviewer sees the documents and rejects the licence with a reason.
    const review = await staff.get(`/api/v1/staff/reviews/${first.body.id as string}`);
    expect(review.status).toBe(200);
    const documents = review.body.documents as { id: string; contentUrl: string }[];
    expect(documents.map((d) => d.id).sort()).toEqual([...documentIds].sort());
    const content = await fetch(
      `${env.url}${documents.find((d) => d.id === licence)?.contentUrl ?? 'missing'}`,
      {
        headers: reviewer.headers,
      },
    );
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer()).equals(jpeg())).toBe(true);
    const rejected = await staff.post(`/api/v1/staff/reviews/${first.body.id as string}/reject`, {
      reasons: [{ target: 'business_licence', documentId: licence, code: 'SEAL_MISSING' }],
    });
    expect(rejected.status).toBe(200);
    expect(await orderStatus(order.id)).toBe('awaiting_documents');
    const submissions = await api.get(`/api/v1/orders/${order.id}/submissions`);
    const reasons = (submissions.body.items as { rejectionReasons: { code: string }[] }[])[0]
      ?.rejectionReasons;
    expect(reasons?.map((r) => r.code)).toEqual(['SEAL_MISSING']);

    // A stamped licence, a new dossier version, a second submission; approved.
    const stamped = await uploadDocument(
      'business_licence',
      jpeg({ comment: 'stamped' }),
      '营业执照-盖章.jpg',
      'image/jpeg',
    );
    const version = await api.post(`/api/v1/dossiers/${dossierId}/versions`, {
      baseVersion: 1,
      form,
      documentIds: [stamped, ...documentIds.slice(1)],
    });
    expect(version.status).toBe(201);
    const second = await api.post(`/api/v1/orders/${order.id}/submissions`, { dossierId });
    expect(second.status).toBe(201);
    expect(second.body.sequence).toBe(2);
    await eventually(async () => {
      const detail = await staff.get(`/api/v1/staff/reviews/${second.body.id as string}`);
      expect(detail.body.status).toBe('awaiting_review');
    }, 20_000);
    const approved = await staff.post(`/api/v1/staff/reviews/${second.body.id as string}/approve`, {});
    expect(approved.status).toBe(200);

    // The worker files it with the sandbox carrier (through its failures) and it goes live.
    await eventually(async () => expect(await orderStatus(order.id)).toBe('active'), 45_000);
    expect(await numberStatus()).toBe('assigned');
    const services = await api.get('/api/v1/services');
    const [live] = services.body.items as { id: string; number: string; status: string }[];
    if (!live) throw new Error('no live service');
    expect(live).toMatchObject({ number: NUMBER, status: 'active' });
    const applications: { status: string; n: number }[] = await env.dataSource.query(
      `SELECT status, count(*)::int AS n FROM carrier_applications WHERE order_id = $1 GROUP BY status`,
      [order.id],
    );
    expect(applications).toEqual([{ status: 'approved', n: 1 }]);

    // The regulator flags it: suspended now, terminated after SUSPENSION_TERMINATE_AFTER by the
    // worker's sweeper, then the number rests in quarantine and comes back on sale.
    const flagged = await staff.post(`/api/v1/staff/services/${live.id}/flag`, {
      reason: 'MIIT notice 2026-41',
    });
    expect(flagged.status).toBe(200);
    expect(await numberStatus()).toBe('suspended');
    await eventually(async () => {
      const detail = await api.get(`/api/v1/services/${live.id}`);
      expect(detail.body.status).toBe('terminated');
    }, 30_000);
    expect(await orderStatus(order.id)).toBe('ended');
    await eventually(async () => expect(await numberStatus()).toBe('available'), 30_000);
    const timeline = (await api.get(`/api/v1/services/${live.id}`)).body.timeline as { event: string }[];
    expect(timeline.map((entry) => entry.event)).toEqual([
      'activated',
      'suspended',
      'terminated',
      'number_released',
    ]);

    // The next business finds it in search and holds it.
    await eventually(async () => {
      const found = await fetch(`${env.url}/api/v1/numbers?endsWith=${NUMBER.slice(-4)}`);
      const body = (await found.json()) as { items: { digits: string }[] };
      expect(body.items.map((item) => item.digits)).toContain(NUMBER);
    }, 10_000);
    const next = await registerCustomer(env.url);
    const held = await as(next).post('/api/v1/orders', { number: NUMBER });
    expect(held.status).toBe(201);
  }, 240_000);
});
