import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { deactivateStaffMember } from '@haoma/accounts';
import { QUEUE_NAMES } from '@haoma/jobs';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';
import { startApi } from './start-api';

type Headers = Record<string, string>;

describe('the queue dashboard at /admin/queues', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;
  let dataSource: DataSource;
  let admin: { id: string; headers: Headers };
  let sales: Headers;
  let reviewer: Headers;
  let customer: Headers;
  let deactivatedAdmin: Headers;

  const call = (method: string, path: string, headers: Headers = {}, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      redirect: 'manual',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const adminOf = async (): Promise<{ id: string; headers: Headers }> => {
    const member = await createStaff(dataSource, 'admin');
    return { id: member.id, headers: (await loginStaff(url, member.email, member.password)).headers };
  };
  const staffHeaders = async (role: 'sales' | 'reviewer'): Promise<Headers> => {
    const member = await createStaff(dataSource, role);
    return (await loginStaff(url, member.email, member.password)).headers;
  };
  const cookieFor = async (headers: Headers): Promise<string> => {
    const response = await call('POST', '/api/v1/admin/queues/session', headers);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    return setCookie.split(';')[0] ?? '';
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(testConfig(db.url)));
    dataSource = app.get(DataSource);
    admin = await adminOf();
    sales = await staffHeaders('sales');
    reviewer = await staffHeaders('reviewer');
    customer = (await registerCustomer(url)).headers;
    const gone = await adminOf();
    await deactivateStaffMember(dataSource, gone.id);
    deactivatedAdmin = gone.headers;
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  // The page, its JSON API and its static files: every kind of route Bull Board registers.
  const PATHS = [
    '/admin/queues',
    '/admin/queues/',
    '/admin/queues/api/queues',
    '/admin/queues/static/favicon-32x32.png',
  ];

  it.each(PATHS)(
    'refuses %s to anonymous (401), non-admins (403) and deactivated admins (401)',
    async (path) => {
      const anonymous = await call('GET', path);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
      for (const headers of [customer, sales, reviewer]) {
        const refused = await call('GET', path, headers);
        expect(refused.status).toBe(403);
        expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect((await call('GET', path, deactivatedAdmin)).status).toBe(401);
      expect((await call('GET', path, { authorization: 'Bearer not.a.token' })).status).toBe(401);
    },
  );

  it('shows an admin (bearer token) the board and every queue', async () => {
    const page = await call('GET', '/admin/queues', admin.headers);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/admin/queues');
    const api = await call('GET', '/admin/queues/api/queues', admin.headers);
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
  });

  it('lets a browser in with the session cookie: HttpOnly, SameSite=Strict, scoped to the dashboard', async () => {
    expect((await call('POST', '/api/v1/admin/queues/session')).status).toBe(401);
    expect((await call('POST', '/api/v1/admin/queues/session', sales)).status).toBe(403);
    expect((await call('POST', '/api/v1/admin/queues/session', customer)).status).toBe(403);

    const response = await call('POST', '/api/v1/admin/queues/session', admin.headers);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^haoma_queues=[A-Za-z0-9_.-]+; /);
    expect(setCookie).toContain('Path=/admin/queues');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toMatch(/Max-Age=900\b/);
    const cookie = setCookie.split(';')[0] ?? '';

    const api = await call('GET', '/admin/queues/api/queues', { cookie });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: unknown[] }).queues).toHaveLength(QUEUE_NAMES.length);
    expect((await call('GET', '/admin/queues', { cookie: `theme=dark; ${cookie}` })).status).toBe(200);

    // The cookie is a ticket for the dashboard only: not an access token for the API.
    const [, ticket] = cookie.split('=');
    expect((await call('GET', '/api/v1/staff/me', { authorization: `Bearer ${ticket}` })).status).toBe(401);
    // And an access token is not a ticket.
    const token = admin.headers['authorization']?.replace('Bearer ', '') ?? '';
    expect((await call('GET', '/admin/queues/api/queues', { cookie: `haoma_queues=${token}` })).status).toBe(
      401,
    );
    // A tampered ticket is refused.
    expect(
      (await call('GET', '/admin/queues/api/queues', { cookie: `${cookie.slice(0, -2)}xx` })).status,
    ).toBe(401);
  });

  it('ends the cookie with the session, the account or the admin role', async () => {
    const loggedOut = await adminOf();
    const cookie1 = await cookieFor(loggedOut.headers);
    expect((await call('GET', '/admin/queues/api/queues', { cookie: cookie1 })).status).toBe(200);
    expect((await call('POST', '/api/v1/auth/logout', loggedOut.headers)).status).toBeLessThan(300);
    expect((await call('GET', '/admin/queues/api/queues', { cookie: cookie1 })).status).toBe(401);

    const demoted = await adminOf();
    const cookie2 = await cookieFor(demoted.headers);
    await dataSource.query(`UPDATE staff_members SET role = 'sales' WHERE id = $1`, [demoted.id]);
    expect((await call('GET', '/admin/queues/api/queues', { cookie: cookie2 })).status).toBe(401);

    const deactivated = await adminOf();
    const cookie3 = await cookieFor(deactivated.headers);
    await deactivateStaffMember(dataSource, deactivated.id);
    expect((await call('GET', '/admin/queues/api/queues', { cookie: cookie3 })).status).toBe(401);
  });

  it('audits opening the dashboard and each action taken there; refuses the destructive ones', async () => {
    const actor = await adminOf();
    await cookieFor(actor.headers);
    const paused = await call('PUT', '/admin/queues/api/queues/maintenance/pause', actor.headers);
    expect(paused.status).toBe(200);
    expect((await call('PUT', '/admin/queues/api/queues/maintenance/resume', actor.headers)).status).toBe(
      200,
    );
    // Refused before Bull Board runs: the queue is still there, nothing audited for it.
    const obliterate = await call('PUT', '/admin/queues/api/queues/maintenance/obliterate', actor.headers);
    expect(obliterate.status).toBe(403);
    expect(
      (await call('POST', '/admin/queues/api/queues/maintenance/add', actor.headers, { name: 'x' })).status,
    ).toBe(403);

    const rows = (await dataSource.query(
      `SELECT actor, actor_role, action, target_type, target_id, request FROM audit_log WHERE actor_id = $1 ORDER BY id`,
      [actor.id],
    )) as Record<string, string | null>[];
    expect(rows).toEqual([
      {
        actor: `staff:${actor.id}`,
        actor_role: 'admin',
        action: 'queue_dashboard.session_opened',
        target_type: 'staff',
        target_id: actor.id,
        request: 'POST /api/v1/admin/queues/session',
      },
      {
        actor: `staff:${actor.id}`,
        actor_role: 'admin',
        action: 'queue.dashboard_action',
        target_type: 'queue',
        target_id: 'maintenance',
        request: 'PUT /admin/queues/api/queues/:queueName/pause',
      },
      {
        actor: `staff:${actor.id}`,
        actor_role: 'admin',
        action: 'queue.dashboard_action',
        target_type: 'queue',
        target_id: 'maintenance',
        request: 'PUT /admin/queues/api/queues/:queueName/resume',
      },
    ]);
  });

  it('leaves the rest of the API to its own guard', async () => {
    expect((await call('GET', '/health')).status).toBe(200);
    expect((await call('GET', '/api/v1/staff/me', sales)).status).toBe(200);
  });
});
