import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { signAccessToken } from '@haoma/accounts';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { registerCustomer } from './accounts.fixtures';
import { startApi } from './start-api';

const AUTH_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; errors: string[]; codes?: string[] }[];
  retryAfterSeconds?: number;
}

interface SessionBody {
  account: {
    kind: string;
    id: string;
    email: string;
    name: string;
    companyName: string | null;
    mobile: string;
  };
  tokenType: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('customer accounts over HTTP', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(
      testConfig(db.url, {
        AUTH_SECRET,
        LOGIN_MAX_FAILURES: '3',
        LOGIN_LOCKOUT: '1s',
        LOGIN_LOCKOUT_MAX: '2s',
        LOGIN_RATE_LIMIT_PER_MINUTE: '0',
      }),
    ));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('registers a business (201), logs it in, and GET /me shows the account', async () => {
    const response = await post('/api/v1/auth/register', {
      companyName: ' 上海号码科技有限公司 ',
      contactName: '李伟',
      email: 'Li.Wei@Example.com',
      mobile: '+86 138-0013-8000',
      password: 'correct horse 1',
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as SessionBody;
    expect(body).toMatchObject({
      account: {
        kind: 'customer',
        email: 'li.wei@example.com',
        name: '李伟',
        companyName: '上海号码科技有限公司',
        mobile: '13800138000',
        role: null,
      },
      tokenType: 'Bearer',
    });
    expect(JSON.stringify(body)).not.toMatch(/password|scrypt/i);
    const ttl = Date.parse(body.accessTokenExpiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);

    const me = await get('/api/v1/me', bearer(body.accessToken));
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(body.account);
  });

  it('answers every invalid field with its code, and refuses unknown fields and wrong types', async () => {
    const response = await post('/api/v1/auth/register', {
      email: 'not-an-email',
      mobile: '12345',
      password: 'short',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields?.map((f) => [f.field, f.codes])).toEqual([
      ['companyName', ['REQUIRED']],
      ['contactName', ['REQUIRED']],
      ['email', ['INVALID_EMAIL']],
      ['mobile', ['INVALID_MOBILE']],
      ['password', ['PASSWORD_TOO_SHORT']],
    ]);
    expect(body.fields?.every((f) => f.errors.length === 1)).toBe(true);

    const simple = await post('/api/v1/auth/register', {
      companyName: 'Acme',
      contactName: 'Li',
      email: 'simple@example.com',
      mobile: '13800138000',
      password: '1234567890',
    });
    expect(((await simple.json()) as ErrorBody).fields).toEqual([
      { field: 'password', errors: [expect.any(String)], codes: ['PASSWORD_TOO_SIMPLE'] },
    ]);

    const typed = await post('/api/v1/auth/register', { email: 42, isAdmin: true });
    expect(typed.status).toBe(400);
    const typedBody = (await typed.json()) as ErrorBody;
    expect(typedBody.code).toBe('VALIDATION_FAILED');
    expect(typedBody.fields?.map((f) => f.field).sort()).toEqual(['email', 'isAdmin']);
  });

  it('refuses a taken email in any letter case with 409 EMAIL_TAKEN', async () => {
    const first = await registerCustomer(url, { email: 'dup@example.com' });
    expect(first.email).toBe('dup@example.com');
    const again = await post('/api/v1/auth/register', {
      companyName: 'Other Co.',
      contactName: 'Other',
      email: 'DUP@Example.COM',
      mobile: '13900139000',
      password: 'another horse 2',
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).code).toBe('EMAIL_TAKEN');
  });

  it('logs in (case-insensitive email) and refuses a wrong password like an unknown email', async () => {
    const customer = await registerCustomer(url);
    const ok = await post('/api/v1/auth/login', {
      email: customer.email.toUpperCase(),
      password: customer.password,
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as SessionBody).account.id).toBe(customer.id);

    const wrong = await post('/api/v1/auth/login', { email: customer.email, password: 'wrong horse 1' });
    const unknown = await post('/api/v1/auth/login', {
      email: 'nobody@example.com',
      password: 'wrong horse 1',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('rotates refresh tokens, and a reused one ends the session for everyone', async () => {
    const customer = await registerCustomer(url);
    const rotated = await post('/api/v1/auth/refresh', { refreshToken: customer.refreshToken });
    expect(rotated.status).toBe(200);
    const next = (await rotated.json()) as SessionBody;
    expect(next.refreshToken).not.toBe(customer.refreshToken);
    expect((await get('/api/v1/me', bearer(next.accessToken))).status).toBe(200);

    const reuse = await post('/api/v1/auth/refresh', { refreshToken: customer.refreshToken });
    expect(reuse.status).toBe(401);
    expect(((await reuse.json()) as ErrorBody).code).toBe('SESSION_REVOKED');
    const me = await get('/api/v1/me', bearer(next.accessToken));
    expect(me.status).toBe(401);
    expect(((await me.json()) as ErrorBody).code).toBe('SESSION_REVOKED');
    expect((await post('/api/v1/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);

    const unknown = await post('/api/v1/auth/refresh', { refreshToken: 'A'.repeat(43) });
    expect(((await unknown.json()) as ErrorBody).code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('logout (204) revokes the session: its access token is refused on the very next request', async () => {
    const customer = await registerCustomer(url);
    expect((await get('/api/v1/me', customer.headers)).status).toBe(200);
    const logout = await post('/api/v1/auth/logout', {}, customer.headers);
    expect(logout.status).toBe(204);
    const after = await get('/api/v1/me', customer.headers);
    expect(after.status).toBe(401);
    expect(((await after.json()) as ErrorBody).code).toBe('SESSION_REVOKED');
    expect((await post('/api/v1/auth/refresh', { refreshToken: customer.refreshToken })).status).toBe(401);
  });

  it('answers 401 without a token, with a bad one, and TOKEN_EXPIRED for an expired one', async () => {
    const none = await get('/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as ErrorBody).code).toBe('UNAUTHENTICATED');

    for (const authorization of ['Bearer nonsense', 'Basic dXNlcjpwYXNz', 'Bearer a.b.c', 'Bearer'])
      expect([authorization, (await get('/api/v1/me', { authorization })).status]).toEqual([
        authorization,
        401,
      ]);

    const customer = await registerCustomer(url);
    const payload = customer.accessToken.split('.')[1] ?? '';
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; sid: string };
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = signAccessToken(
      { sub: claims.sub, sid: claims.sid, kind: 'customer', role: null, iat: past, exp: past + 900 },
      Buffer.from(AUTH_SECRET),
    );
    const response = await get('/api/v1/me', bearer(expired));
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).code).toBe('TOKEN_EXPIRED');
    // Signed with another secret: not ours.
    const forged = signAccessToken(
      { sub: claims.sub, sid: claims.sid, kind: 'staff', role: 'admin', iat: past + 3600, exp: past + 7200 },
      Buffer.from('another-secret-another-secret-another'),
    );
    expect(((await (await get('/api/v1/staff/me', bearer(forged))).json()) as ErrorBody).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('locks an account after LOGIN_MAX_FAILURES failures (429 + Retry-After), then lets the owner in', async () => {
    const customer = await registerCustomer(url);
    const attempt = (password: string) => post('/api/v1/auth/login', { email: customer.email, password });
    expect((await attempt('guess one 1')).status).toBe(401);
    expect((await attempt('guess two 2')).status).toBe(401);
    const locking = await attempt('guess three 3');
    expect(locking.status).toBe(429);
    expect(locking.headers.get('retry-after')).toBe('1');
    expect(await locking.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 1 });
    // The right password does not get through the lock…
    const locked = await attempt(customer.password);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as ErrorBody).code).toBe('ACCOUNT_LOCKED');
    // …but does once it has passed.
    await sleep(1_100);
    expect((await attempt(customer.password)).status).toBe(200);
    // The streak was reset: two more failures do not lock.
    expect((await attempt('guess four 4')).status).toBe(401);
    expect((await attempt('guess five 5')).status).toBe(401);
    expect((await attempt(customer.password)).status).toBe(200);
  });

  it('stores sessions with the client address and user agent', async () => {
    const customer = await registerCustomer(url);
    const dataSource = app.get(DataSource);
    const rows = await dataSource.query(`SELECT ip, user_agent FROM sessions WHERE account_id = $1`, [
      customer.id,
    ]);
    expect(rows).toEqual([{ ip: '127.0.0.1', user_agent: expect.any(String) }]);
  });
});
