import { request } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, parseConfig } from '@haoma/config';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';

const LIMIT = 3;

// fetch cannot choose its source address; node:http can, and all of 127/8 is loopback on
// Linux, so 127.0.0.2 is another client to the API.
function getFrom(localAddress: string, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe(`rate limit (RATE_LIMIT_PER_MINUTE=${LIMIT})`, () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(testConfig(db.url, { RATE_LIMIT_PER_MINUTE: String(LIMIT) })));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  // One test on purpose: each step depends on the budget the steps before it spent.
  it('counts every API route against one per-client budget, then answers 429 with Retry-After', async () => {
    // Exempt paths spend nothing, before or after the limit is reached.
    for (let i = 0; i < LIMIT + 2; i++) expect((await fetch(`${url}/health`)).status).toBe(200);

    // Different routes and outcomes (200, 404, 400) all count: the budget is per client.
    const allowed = [
      await fetch(`${url}/api/v1/plans`),
      await fetch(`${url}/api/v1/numbers/4008881234`),
      await fetch(`${url}/api/v1/numbers/not-a-number`),
    ];
    expect(allowed.map((r) => r.status)).toEqual([200, 404, 400]);
    expect(allowed.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(allowed[0]?.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));

    const limited = await fetch(`${url}/api/v1/features`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/application\/json/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests: at most ${LIMIT} a minute from one client. Retry in ${retryAfter} s.`,
    });

    // Still limited, whatever the route, and a bad number is refused by the limit first.
    for (const path of ['/api/v1/plans', '/api/v1/numbers/4008881234', '/api/v1/numbers/x']) {
      const response = await fetch(`${url}${path}`);
      expect([path, response.status]).toEqual([path, 429]);
      expect(((await response.json()) as { code: string }).code).toBe('RATE_LIMITED');
    }

    // Monitoring and the docs are never limited.
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-ratelimit-remaining')).toBeNull();
    expect((await fetch(`${url}/docs`)).status).toBe(200);
    expect((await fetch(`${url}/docs/openapi.json`)).status).toBe(200);

    // Another client address has its own budget.
    expect(await getFrom('127.0.0.2', `${url}/api/v1/plans`)).toBe(200);
    expect(await getFrom('127.0.0.1', `${url}/api/v1/plans`)).toBe(429);
  });
});

describe('rate limit turned off (RATE_LIMIT_PER_MINUTE=0)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(testConfig(db.url, { RATE_LIMIT_PER_MINUTE: '0' })));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('never limits and sends no rate-limit headers', async () => {
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${url}/api/v1/features`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to 600 and refuses negative, fractional and huge values', () => {
    expect(parseConfig({}).RATE_LIMIT_PER_MINUTE).toBe(600);
    for (const value of ['-1', '1.5', '10001', 'many']) {
      expect(() => testConfig('postgres://127.0.0.1/x', { RATE_LIMIT_PER_MINUTE: value })).toThrow(
        ConfigError,
      );
    }
  });
});
