import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';
import { startApi } from './start-api';

interface ErrorBody {
  code: string;
  fields?: { field: string; codes?: string[] }[];
}
interface Account {
  id: string;
  kind: string;
  email: string;
  role: string | null;
  active: boolean;
}

describe('staff accounts and roles over HTTP', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;
  let dataSource: DataSource;

  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const codeOf = async (response: Response) => ((await response.json()) as ErrorBody).code;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(testConfig(db.url, { LOGIN_RATE_LIMIT_PER_MINUTE: '0' })));
    dataSource = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('logs staff in at /staff/auth/login only; GET /staff/me and /me show the member', async () => {
    const admin = await createStaff(dataSource, 'admin');
    const { headers } = await loginStaff(url, admin.email, admin.password);
    const me = await call('GET', '/api/v1/staff/me', headers);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'staff', id: admin.id, role: 'admin', active: true });
    expect((await call('GET', '/api/v1/me', headers)).status).toBe(200);
    // Staff credentials are not a customer login, and the other way round.
    const asCustomer = await call(
      'POST',
      '/api/v1/auth/login',
      {},
      { email: admin.email, password: admin.password },
    );
    expect([asCustomer.status, await codeOf(asCustomer)]).toEqual([401, 'INVALID_CREDENTIALS']);
    const customer = await registerCustomer(url);
    const asStaff = await call(
      'POST',
      '/api/v1/staff/auth/login',
      {},
      { email: customer.email, password: customer.password },
    );
    expect(asStaff.status).toBe(401);
  });

  it('keeps customers off staff routes (403) and anonymous callers out (401)', async () => {
    const customer = await registerCustomer(url);
    const staffMe = await call('GET', '/api/v1/staff/me', customer.headers);
    expect([staffMe.status, await codeOf(staffMe)]).toEqual([403, 'FORBIDDEN']);
    const members = await call('GET', '/api/v1/staff/members', customer.headers);
    expect(members.status).toBe(403);
    const anonymous = await call('GET', '/api/v1/staff/members');
    expect([anonymous.status, await codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('enforces roles: only admins manage staff', async () => {
    const sales = await createStaff(dataSource, 'sales');
    const reviewer = await createStaff(dataSource, 'reviewer');
    for (const member of [sales, reviewer]) {
      const { headers } = await loginStaff(url, member.email, member.password);
      expect((await call('GET', '/api/v1/staff/me', headers)).status).toBe(200);
      const list = await call('GET', '/api/v1/staff/members', headers);
      expect([list.status, await codeOf(list)]).toEqual([403, 'FORBIDDEN']);
      const create = await call('POST', '/api/v1/staff/members', headers, {
        email: 'x@haoma.test',
        name: 'X',
        role: 'admin',
        password: 'Escalate 12345',
      });
      expect(create.status).toBe(403);
    }
    expect(await dataSource.query(`SELECT 1 FROM staff_members WHERE email = 'x@haoma.test'`)).toEqual([]);
  });

  it('lets an admin create, list (paginated) and deactivate staff; deactivation bites at once', async () => {
    const admin = await createStaff(dataSource, 'admin');
    const { headers } = await loginStaff(url, admin.email, admin.password);

    const created = await call('POST', '/api/v1/staff/members', headers, {
      email: 'New.Sales@Haoma.test',
      name: '王芳',
      role: 'sales',
      password: 'Sales pass 123',
    });
    expect(created.status).toBe(201);
    const member = (await created.json()) as Account;
    expect(member).toMatchObject({
      kind: 'staff',
      email: 'new.sales@haoma.test',
      role: 'sales',
      active: true,
    });

    const invalid = await call('POST', '/api/v1/staff/members', headers, {
      email: 'new.sales@haoma.test',
      name: 'Again',
      role: 'sales',
      password: 'Sales pass 123',
    });
    expect([invalid.status, await codeOf(invalid)]).toEqual([409, 'EMAIL_TAKEN']);
    const badRole = await call('POST', '/api/v1/staff/members', headers, {
      email: 'r@haoma.test',
      name: 'R',
      role: 'root',
      password: 'Sales pass 123',
    });
    expect(badRole.status).toBe(400);

    // Every member once over pages of 2.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/api/v1/staff/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers,
      );
      expect(page.status).toBe(200);
      const body = (await page.json()) as { items: Account[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((m) => m.id));
      cursor = body.nextCursor;
    } while (cursor);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM staff_members`);
    expect(new Set(seen).size).toBe(n);
    expect(seen).toHaveLength(n);
    const badCursor = await call('GET', '/api/v1/staff/members?cursor=bm9wZQ', headers);
    expect(((await badCursor.json()) as ErrorBody).fields).toEqual([
      expect.objectContaining({ field: 'cursor', codes: ['INVALID_CURSOR'] }),
    ]);

    const session = await loginStaff(url, 'new.sales@haoma.test', 'Sales pass 123');
    expect((await call('GET', '/api/v1/staff/me', session.headers)).status).toBe(200);
    const deactivated = await call('POST', `/api/v1/staff/members/${member.id}/deactivate`, headers);
    expect(deactivated.status).toBe(200);
    expect(((await deactivated.json()) as Account).active).toBe(false);
    const after = await call('GET', '/api/v1/staff/me', session.headers);
    expect([after.status, await codeOf(after)]).toEqual([401, 'SESSION_REVOKED']);
    const login = await call(
      'POST',
      '/api/v1/staff/auth/login',
      {},
      { email: 'new.sales@haoma.test', password: 'Sales pass 123' },
    );
    expect([login.status, await codeOf(login)]).toEqual([403, 'ACCOUNT_DISABLED']);

    const missing = await call(
      'POST',
      '/api/v1/staff/members/00000000-0000-4000-8000-000000000000/deactivate',
      headers,
    );
    expect(missing.status).toBe(404);
  });
});
