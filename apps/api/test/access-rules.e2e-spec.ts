import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { AppConfig } from '@haoma/config';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { AppModule } from '../src/app.module';
import { RouteAccessAudit, type RouteAccess } from '../src/auth/route-access.audit';
import { AllExceptionsFilter } from '../src/common/all-exceptions.filter';
import { startApi } from './start-api';

const describeRoute = (r: RouteAccess) => `${r.method} ${r.path} (${r.handler})`;

describe('every route declares who may call it', () => {
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

  it('has an access rule on each registered controller route', () => {
    const routes = app.get(RouteAccessAudit).routes();
    // The audit really sees the app's routes (a broken discovery would pass vacuously).
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(routes.map(describeRoute)).toEqual(
      expect.arrayContaining([
        'GET /health (HealthController.check)',
        'GET /api/v1/plans (CatalogController.plans)',
        'GET /api/v1/numbers/:number (NumberLookupController.lookup)',
        'POST /api/v1/auth/register (AuthController.register)',
        'GET /api/v1/staff/members (StaffMembersController.list)',
      ]),
    );
    expect(routes.filter((r) => r.rule === undefined).map(describeRoute)).toEqual([]);
  });

  it('declares the expected rule on the auth routes', () => {
    const ruleOf = new Map(
      app
        .get(RouteAccessAudit)
        .routes()
        .map((r) => [`${r.method} ${r.path}`, r.rule]),
    );
    expect(ruleOf.get('POST /api/v1/auth/login')).toEqual({ kind: 'public' });
    expect(ruleOf.get('POST /api/v1/auth/logout')).toEqual({ kind: 'authenticated' });
    expect(ruleOf.get('GET /api/v1/me')).toEqual({ kind: 'authenticated' });
    expect(ruleOf.get('GET /api/v1/staff/me')).toEqual({
      kind: 'staff',
      roles: ['sales', 'reviewer', 'admin'],
    });
    expect(ruleOf.get('POST /api/v1/staff/members/:id/deactivate')).toEqual({
      kind: 'staff',
      roles: ['admin'],
    });
  });

  it('documents bearer auth in OpenAPI on protected operations only', async () => {
    const document = (await (await fetch(`${url}/docs/openapi.json`)).json()) as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(document.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/api/v1/me']?.['get']?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/staff/members']?.['get']?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/auth/login']?.['post']?.security).toBeUndefined();
  });

  it('states in OpenAPI who may call every operation, as the guard enforces it', async () => {
    const document = (await (await fetch(`${url}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { 'x-access'?: unknown; description?: string }>>;
    };
    const ruleOf = new Map(
      app
        .get(RouteAccessAudit)
        .routes()
        .map((r) => [`${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`, r.rule]),
    );
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const { key, operation } of operations) {
      expect({ key, access: operation['x-access'] }).toEqual({ key, access: ruleOf.get(key) });
      expect(operation.description).toMatch(/^\*\*Access:\*\* /);
    }
    expect(document.paths['/api/v1/staff/members']?.['get']?.description).toContain('Staff: admin.');
  });
});

@Controller('api/v1/forgotten')
class ForgottenController {
  @Get()
  secret(): { secret: string } {
    return { secret: 'should never be served' };
  }
}

describe('a route without an access rule', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config: AppConfig = testConfig(db.url);
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config)],
      controllers: [ForgottenController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new AllExceptionsFilter());
    app.useLogger(false);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('is found by the audit and refused by the guard with 403, not served and not a 500', async () => {
    const missing = app
      .get(RouteAccessAudit)
      .routes()
      .filter((r) => r.rule === undefined);
    expect(missing.map(describeRoute)).toEqual(['GET /api/v1/forgotten (ForgottenController.secret)']);
    const response = await app.inject({ method: 'GET', url: '/api/v1/forgotten' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'This endpoint is not available.',
    });
  });
});
