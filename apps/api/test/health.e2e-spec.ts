import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';

interface HealthBody {
  status: string;
  details: Record<string, { status: string }>;
}

describe('API over HTTP', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startApi(testConfig(db.url)));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('GET /health answers 200 with the database and the queue up', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthBody;
    expect(body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, queue: { status: 'up' } },
    });
  });

  it('serves the OpenAPI UI at /docs and the document at /docs/openapi.json', async () => {
    const ui = await fetch(`${url}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ui.text()).toMatch(/swagger/i);
    const document = (await (await fetch(`${url}/docs/openapi.json`)).json()) as {
      info: { title: string };
      paths: Record<string, unknown>;
    };
    expect(document.info.title).toBe('Haoma API');
    expect(Object.keys(document.paths)).toContain('/health');
  });

  it('answers an unknown route with a JSON 404 and a stable code', async () => {
    const response = await fetch(`${url}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/v1/nothing-here',
    });
  });

  it('refuses a malformed JSON body with a 400, not a 500', async () => {
    const response = await fetch(`${url}/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken": ',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as { code: string }).code).toMatch(/^[A-Z_]+$/);
  });
});

describe('GET /health when the queue backend is down', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Nothing listens on port 1: the queue check must fail, and say so.
    ({ app, url } = await startApi(testConfig(db.url, { REDIS_URL: 'redis://127.0.0.1:1/0' })));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('answers 503 naming the queue as down and the database as up', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as HealthBody;
    expect(body.details).toMatchObject({ database: { status: 'up' }, queue: { status: 'down' } });
  });
});
