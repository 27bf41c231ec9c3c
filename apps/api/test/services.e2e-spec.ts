import type { DataSource } from 'typeorm';
import { openCampaign } from '@haoma/compliance';
import { insertLiveService, type LiveService } from '@haoma/testing';
import { createStaff, loginStaff, registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import { numberState, startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';

// A live line as the carrier activation leaves it, with no carrier reference (so nothing calls
// the carrier about it).
const insertLine = (
  ds: DataSource,
  customerId: string,
  expiries: { licenceExpiresOn?: string; legalRepIdExpiresOn?: string } = {},
): Promise<LiveService> => insertLiveService(ds, { customerId, carrierReference: null, ...expiries });

let env: OrdersEnv;
let alice: RegisteredCustomer;
let bob: RegisteredCustomer;
let reviewer: { headers: Record<string, string> };
let sales: { headers: Record<string, string> };

type Json = Record<string, unknown> & {
  items?: Json[];
  status?: string;
  timeline?: { event: string; actor: string }[];
};

beforeAll(async () => {
  env = await startOrdersEnv(['4008100001']);
  alice = await registerCustomer(env.url);
  bob = await registerCustomer(env.url);
  const r = await createStaff(env.dataSource, 'reviewer');
  reviewer = await loginStaff(env.url, r.email, r.password);
  const s = await createStaff(env.dataSource, 'sales');
  sales = await loginStaff(env.url, s.email, s.password);
});

afterAll(async () => {
  await env.close();
});

const as = (who: { headers: Record<string, string> }) => ({
  get: (path: string) => env.call<Json>('GET', path, { headers: who.headers }),
  post: (path: string, body: unknown = {}) => env.call<Json>('POST', path, { headers: who.headers, body }),
});

describe('services API (customer)', () => {
  it('lists and shows the customer’s own lines with the next deadline, and hides another’s', async () => {
    const line = await insertLine(env.dataSource, alice.id, { licenceExpiresOn: '2099-05-01' });
    const list = await as(alice).get('/api/v1/services');
    expect(list.status).toBe(200);
    expect(list.body.items?.map((s) => s['id'])).toContain(line.serviceId);

    const detail = await as(alice).get(`/api/v1/services/${line.serviceId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      status: 'active',
      number: line.number,
      credentialsExpireAt: '2099-05-01T16:00:00.000Z',
      nextDeadline: { at: '2099-05-01T16:00:00.000Z', action: 'suspend', reason: 'licence_expired' },
    });

    const other = await env.call<ErrorBody>('GET', `/api/v1/services/${line.serviceId}`, {
      headers: bob.headers,
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('SERVICE_NOT_FOUND');
    expect((await as(bob).get('/api/v1/services')).body.items).toEqual([]);
    expect((await as(alice).get('/api/v1/services/not-a-uuid')).status).toBe(400);
    expect((await as(alice).get('/api/v1/services?cursor=bogus')).body['code']).toBe('INVALID_QUERY');
  });

  it('refuses a re-verification with an expired credential, naming it', async () => {
    const line = await insertLine(env.dataSource, alice.id, { legalRepIdExpiresOn: '2001-01-01' });
    const answer = await as(alice).post(`/api/v1/services/${line.serviceId}/reverify`, {
      dossierId: line.dossierId,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'TASK_DOSSIER_INVALID',
      reasons: [{ field: 'legalRepIdExpiresOn', code: 'CREDENTIAL_EXPIRED' }],
    });
    const stranger = await as(bob).post(`/api/v1/services/${line.serviceId}/reverify`, {
      dossierId: line.dossierId,
    });
    expect(stranger.status).toBe(404);
  });
});

describe('services API (staff)', () => {
  it('flags, resumes and terminates a line; sales may read but not act', async () => {
    const line = await insertLine(env.dataSource, alice.id);
    const path = `/api/v1/staff/services/${line.serviceId}`;
    expect((await as(sales).get(path)).status).toBe(200);
    const refused = await as(sales).post(`${path}/flag`, { reason: 'MIIT notice' });
    expect(refused.status).toBe(403);
    expect((await as(alice).post(`${path}/flag`, { reason: 'x' })).status).toBe(403);

    const flagged = await as(reviewer).post(`${path}/flag`, { reason: 'MIIT notice 114' });
    expect(flagged.status).toBe(200);
    expect(flagged.body).toMatchObject({ status: 'suspended', suspensionReason: 'regulator_flag' });
    expect((await numberState(env.dataSource, line.number)).status).toBe('suspended');
    const seen = await as(alice).get(`/api/v1/services/${line.serviceId}`);
    expect(seen.body).toMatchObject({ status: 'suspended', nextDeadline: { action: 'terminate' } });
    // The customer sees that staff acted, not which staff member.
    expect(seen.body.timeline?.map((e) => [e.event, e.actor])).toEqual([['suspended', 'staff']]);

    const filtered = await as(reviewer).get(
      '/api/v1/staff/services?status=suspended&suspensionReason=regulator_flag',
    );
    expect(filtered.body.items?.map((s) => s['id'])).toContain(line.serviceId);
    const due = await as(reviewer).get('/api/v1/staff/services?dueWithinDays=100');
    expect(due.body.items?.map((s) => s['id'])).toContain(line.serviceId);
    const notDue = await as(reviewer).get('/api/v1/staff/services?dueWithinDays=10');
    expect(notDue.body.items?.map((s) => s['id'])).not.toContain(line.serviceId);

    // The customer cannot lift a regulator flag by re-verifying.
    await as(alice).post(`/api/v1/services/${line.serviceId}/reverify`, { dossierId: line.dossierId });
    expect((await as(alice).get(`/api/v1/services/${line.serviceId}`)).body.status).toBe('suspended');

    expect((await as(reviewer).post(`${path}/resume`, { reason: 'flag withdrawn' })).body.status).toBe(
      'active',
    );
    const terminated = await as(reviewer).post(`${path}/terminate`, { reason: 'customer asked' });
    expect(terminated.body).toMatchObject({ status: 'terminated' });
    expect((await numberState(env.dataSource, line.number)).status).toBe('quarantine');
    const again = await as(reviewer).post(`${path}/resume`, { reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body['code']).toBe('SERVICE_TRANSITION_NOT_ALLOWED');
    expect((await as(reviewer).post(`${path}/flag`, {})).status).toBe(400);
  });

  it('runs a campaign with progress, and the customer completes the task', async () => {
    const line = await insertLine(env.dataSource, alice.id);
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect(
      (
        await as(sales).post('/api/v1/staff/reverification-campaigns', {
          name: 'x',
          selection: { kind: 'all' },
          deadline,
        })
      ).status,
    ).toBe(403);
    const past = await as(reviewer).post('/api/v1/staff/reverification-campaigns', {
      name: 'late',
      selection: { kind: 'all' },
      deadline: '2000-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body['code']).toBe('CAMPAIGN_INVALID');

    const created = await as(reviewer).post('/api/v1/staff/reverification-campaigns', {
      name: '2026 clean-up',
      selection: { kind: 'services', serviceIds: [line.serviceId] },
      deadline,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'opening', tasksCreated: 0, tasksTotal: null, percent: 0 });
    const id = String(created.body['id']);

    // The worker's job (run here directly) creates the tasks.
    await openCampaign(env.dataSource, id);
    const progress = await as(sales).get(`/api/v1/staff/reverification-campaigns/${id}`);
    expect(progress.body).toMatchObject({
      status: 'open',
      tasksTotal: 1,
      tasksCreated: 1,
      percent: 100,
      counts: { open: 1, completed: 0, overdue: 0 },
    });
    expect((await as(sales).get('/api/v1/staff/reverification-campaigns')).body.items?.[0]?.['id']).toBe(id);

    const tasks = await as(alice).get('/api/v1/reverification-tasks');
    const task = tasks.body.items?.find((t) => t['serviceId'] === line.serviceId);
    expect(task).toMatchObject({ status: 'open', dueAt: deadline, agreementId: created.body['agreementId'] });
    expect((await as(bob).get('/api/v1/reverification-tasks')).body.items).toEqual([]);

    const body = {
      agreementId: created.body['agreementId'],
      signerName: '张三',
      signerTitle: '法定代表人',
      dossierId: line.dossierId,
    };
    const outdated = await as(alice).post(`/api/v1/reverification-tasks/${String(task?.['id'])}/complete`, {
      ...body,
      agreementId: line.dossierId,
    });
    expect(outdated.status).toBe(409);
    expect(outdated.body['code']).toBe('AGREEMENT_OUTDATED');
    expect(
      (await as(bob).post(`/api/v1/reverification-tasks/${String(task?.['id'])}/complete`, body)).status,
    ).toBe(404);
    const done = await as(alice).post(`/api/v1/reverification-tasks/${String(task?.['id'])}/complete`, body);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed' });
    expect((await as(sales).get(`/api/v1/staff/reverification-campaigns/${id}`)).body['counts']).toEqual({
      open: 0,
      completed: 1,
      overdue: 0,
    });
  });
});
