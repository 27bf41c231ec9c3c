import { createStaff, loginStaff, registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import { customerApi, startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { countRows, STANDARD_NUMBERS } from './payments.fixtures';
import {
  awaitingDocumentsOrder,
  dossierForm,
  freshCredentials,
  insertDocuments,
  precheck,
} from './verification.fixtures';

interface Submission {
  id: string;
  sequence: number;
  status: string;
  findings: { code: string }[];
  rejectionReasons: { target: string; code: string; text: { zh: string; en: string } }[];
}
interface Review {
  id: string;
  status: string;
  findings: {
    code: string;
    severity: string;
    details?: { accounts?: { customerId: string; email: string }[] };
  }[];
  dossier: { form: { company: { uscc: string } } };
  documents: { id: string; kind: string; contentUrl: string }[];
  order: { id: string; number: string; customer: { email: string } };
  earlierSubmissions: { sequence: number; status: string; decidedBy: string }[];
}

describe('the reviewer queue (e2e)', () => {
  let env: OrdersEnv;
  let reviewer: { id: string; headers: Record<string, string> };
  let sales: { headers: Record<string, string> };
  let numbers: string[];

  beforeAll(async () => {
    env = await startOrdersEnv(STANDARD_NUMBERS);
    const staff = await createStaff(env.dataSource, 'reviewer');
    reviewer = { id: staff.id, ...(await loginStaff(env.url, staff.email, staff.password)) };
    const salesStaff = await createStaff(env.dataSource, 'sales');
    sales = await loginStaff(env.url, salesStaff.email, salesStaff.password);
    numbers = [...STANDARD_NUMBERS];
  });
  afterAll(async () => {
    await env.close();
  });

  const staffCall = <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    who = reviewer,
  ) => env.call<T>(method, path, { headers: who.headers, ...(body === undefined ? {} : { body }) });

  /** A customer's order with a complete dossier submitted for it. */
  async function submitted(who: RegisteredCustomer, credentials = freshCredentials()) {
    const api = customerApi(env, who);
    const dossier = await api.post<{ id: string }>('/api/v1/dossiers', {
      form: dossierForm(credentials),
      documentIds: await insertDocuments(env.dataSource, who.id),
    });
    const number = numbers.shift();
    if (!number) throw new Error('out of numbers');
    const orderId = await awaitingDocumentsOrder(env, who, number);
    const submission = await api.post<Submission>(`/api/v1/orders/${orderId}/submissions`, {
      dossierId: dossier.body.id,
    });
    if (submission.status !== 201) throw new Error(`submit answered ${submission.status}`);
    return { api, dossierId: dossier.body.id, orderId, submissionId: submission.body.id };
  }

  it('approves after the pre-check: the order goes to provisioning with a carrier application', async () => {
    const customer = await registerCustomer(env.url);
    const { api, orderId, submissionId } = await submitted(customer);
    const early = await staffCall<ErrorBody>('POST', `/api/v1/staff/reviews/${submissionId}/approve`, {});
    expect(early).toMatchObject({ status: 409, body: { code: 'REVIEW_NOT_READY' } });

    await precheck(env, submissionId);
    const queue = await staffCall<{ items: { submissionId: string; number: string; companyName: string }[] }>(
      'GET',
      '/api/v1/staff/reviews?limit=100',
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ submissionId, companyName: '深圳示例贸易有限公司' }),
    );

    const detail = await staffCall<Review>('GET', `/api/v1/staff/reviews/${submissionId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.order).toMatchObject({ id: orderId, customer: { email: customer.email } });
    expect(detail.body.documents).toHaveLength(4);
    for (const d of detail.body.documents)
      expect(d.contentUrl).toBe(`/api/v1/staff/documents/${d.id}/content`);

    const approved = await staffCall('POST', `/api/v1/staff/reviews/${submissionId}/approve`, {
      note: 'all legible',
    });
    expect(approved).toMatchObject({
      status: 200,
      body: { status: 'approved', carrierApplicationId: expect.any(String) },
    });
    expect((await api.get(`/api/v1/orders/${orderId}`)).body.status).toBe('provisioning');
    expect(await countRows(env.dataSource, 'carrier_applications', 'order_id = $1', [orderId])).toBe(1);
    const twice = await staffCall<ErrorBody>('POST', `/api/v1/staff/reviews/${submissionId}/approve`, {});
    expect(twice).toMatchObject({ status: 409, body: { code: 'REVIEW_ALREADY_DECIDED' } });
  });

  it('rejects with reasons the customer sees; the resubmission is sequence 2', async () => {
    const customer = await registerCustomer(env.url);
    const { api, dossierId, orderId, submissionId } = await submitted(customer);
    await precheck(env, submissionId);

    const none = await staffCall<ErrorBody>('POST', `/api/v1/staff/reviews/${submissionId}/reject`, {
      reasons: [],
    });
    expect(none).toMatchObject({ status: 400, body: { code: 'REVIEW_REASONS_REQUIRED' } });
    const badCode = await staffCall<ErrorBody>('POST', `/api/v1/staff/reviews/${submissionId}/reject`, {
      reasons: [{ target: 'business_licence', code: 'UGLY' }],
    });
    expect(badCode).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });

    const rejected = await staffCall('POST', `/api/v1/staff/reviews/${submissionId}/reject`, {
      reasons: [{ target: 'business_licence', code: 'SEAL_MISSING' }],
      note: 'no seal on page 1',
    });
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected' } });
    expect((await api.get(`/api/v1/orders/${orderId}`)).body.status).toBe('awaiting_documents');

    const mine = await api.get<{ items: Submission[] }>(`/api/v1/orders/${orderId}/submissions`);
    expect(mine.body.items).toMatchObject([
      {
        sequence: 1,
        status: 'rejected',
        rejectionReasons: [
          {
            target: 'business_licence',
            code: 'SEAL_MISSING',
            text: { zh: expect.stringContaining('公章'), en: expect.stringContaining('seal') },
          },
        ],
      },
    ]);
    expect(JSON.stringify(mine.body)).not.toContain('no seal on page 1');

    const again = await api.post<Submission>(`/api/v1/orders/${orderId}/submissions`, { dossierId });
    expect(again).toMatchObject({ status: 201, body: { sequence: 2, status: 'prechecking' } });
    await precheck(env, again.body.id);
    const detail = await staffCall<Review>('GET', `/api/v1/staff/reviews/${again.body.id}`);
    expect(detail.body.earlierSubmissions).toMatchObject([
      { sequence: 1, status: 'rejected', decidedBy: `staff:${reviewer.id}` },
    ]);
  });

  it('flags a borrowed USCC naming the other account for the reviewer, never for the customer', async () => {
    const lender = await registerCustomer(env.url);
    const borrower = await registerCustomer(env.url);
    const credentials = freshCredentials();
    await submitted(lender, credentials);
    const { api, orderId, submissionId } = await submitted(borrower, {
      ...credentials,
      legalRepId: freshCredentials().legalRepId,
    });
    await precheck(env, submissionId);

    const detail = await staffCall<Review>('GET', `/api/v1/staff/reviews/${submissionId}`);
    const borrowed = detail.body.findings.find((f) => f.code === 'BORROWED_USCC');
    expect(borrowed).toMatchObject({
      severity: 'warning',
      details: { accounts: [{ customerId: lender.id, email: lender.email }] },
    });

    const mine = await api.get<{ items: Submission[] }>(`/api/v1/orders/${orderId}/submissions`);
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]?.findings).toEqual([]);
    expect(JSON.stringify(mine.body)).not.toContain(lender.email);
    expect(JSON.stringify(mine.body)).not.toContain('BORROWED');
  });

  it('refuses customers and sales staff on the review endpoints', async () => {
    const customer = await registerCustomer(env.url);
    const { submissionId } = await submitted(customer);
    for (const [method, path] of [
      ['GET', '/api/v1/staff/reviews'],
      ['GET', `/api/v1/staff/reviews/${submissionId}`],
      ['POST', `/api/v1/staff/reviews/${submissionId}/approve`],
      ['POST', `/api/v1/staff/reviews/${submissionId}/reject`],
    ] as const) {
      const body = method === 'POST' ? {} : undefined;
      expect((await staffCall(method, path, body, { id: '', ...sales })).status).toBe(403);
      expect(
        (await env.call(method, path, { headers: customer.headers, ...(body ? { body } : {}) })).status,
      ).toBe(403);
    }
    const unknown = await staffCall<ErrorBody>(
      'GET',
      '/api/v1/staff/reviews/00000000-0000-4000-8000-000000000000',
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: 'REVIEW_NOT_FOUND' } });
  });
});
