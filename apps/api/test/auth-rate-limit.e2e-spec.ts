import { request } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { registerCustomer } from './accounts.fixtures';
import { startApi } from './start-api';

const LIMIT = 3;

// fetch cannot choose its source address; 127.0.0.2 is another client on Linux loopback.
function loginFrom(localAddress: string, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/v1/auth/login`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ email: 'nobody@example.com', password: 'whatever 123' }));
  });
}

describe(`login rate limit (LOGIN_RATE_LIMIT_PER_MINUTE=${LIMIT}, API-wide limit off)`, () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(
      testConfig(db.url, { LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT), RATE_LIMIT_PER_MINUTE: '0' }),
    ));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  // One test: each step depends on the budget the steps before spent.
  it('limits customer and staff logins together per client, and nothing else', async () => {
    const customer = await registerCustomer(url);
    const login = (path: string, password: string) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: customer.email, password }),
      });

    // Failed and successful logins, customer and staff, all count.
    expect((await login('/api/v1/auth/login', 'wrong horse 1')).status).toBe(401);
    expect((await login('/api/v1/auth/login', customer.password)).status).toBe(200);
    expect((await login('/api/v1/staff/auth/login', customer.password)).status).toBe(401);

    const limited = await login('/api/v1/auth/login', customer.password);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect((await login('/api/v1/staff/auth/login', customer.password)).status).toBe(429);

    // Other endpoints are not limited by it.
    expect((await fetch(`${url}/api/v1/me`, { headers: customer.headers })).status).toBe(200);
    await registerCustomer(url);
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/api/v1/plans`)).status).toBe(200);

    // Another client has its own budget.
    expect(await loginFrom('127.0.0.2', url)).toBe(401);
    expect(await loginFrom('127.0.0.1', url)).toBe(429);
  });
});

describe('login rate limit turned off (LOGIN_RATE_LIMIT_PER_MINUTE=0)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(
      testConfig(db.url, { LOGIN_RATE_LIMIT_PER_MINUTE: '0', LOGIN_MAX_FAILURES: '100' }),
    ));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('never limits logins', async () => {
    for (let i = 0; i < 25; i++) expect(await loginFrom('127.0.0.1', url)).toBe(401);
  });
});
