import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { recordAudit } from '@haoma/audit';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { AppModule } from '../src/app.module';
import { CustomerOnly, Public, StaffOnly } from '../src/auth/access.decorator';
import { AllExceptionsFilter } from '../src/common/all-exceptions.filter';
import { createValidationPipe } from '../src/common/validation';
import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';

/** Stands in for the staff and customer mutations: each records one audit row. */
@Controller('api/v1/probe')
class ProbeController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('staff/:id')
  @StaffOnly()
  @HttpCode(200)
  async staff(@Param('id') id: string): Promise<object> {
    await this.dataSource.transaction((m) =>
      recordAudit(m, {
        action: 'probe.staff',
        targetType: 'probe',
        targetId: id,
        before: { n: 1 },
        after: { n: 2 },
      }),
    );
    return {};
  }

  @Post('customer/:id')
  @CustomerOnly()
  @HttpCode(200)
  async customer(@Param('id') id: string): Promise<object> {
    await recordAudit(this.dataSource.manager, {
      action: 'probe.customer',
      targetType: 'probe',
      targetId: id,
    });
    return {};
  }

  @Post('public/:id')
  @Public()
  @HttpCode(200)
  async anonymous(@Param('id') id: string): Promise<object> {
    await recordAudit(this.dataSource.manager, { action: 'probe.public', targetType: 'probe', targetId: id });
    return {};
  }
}

interface Entry {
  id: string;
  actor: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  request: string | null;
  createdAt: string;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}

describe('the audit log over HTTP', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let url: string;
  let dataSource: DataSource;
  let admin: { id: string; headers: Record<string, string> };
  let sales: { id: string; headers: Record<string, string> };
  let customer: { id: string; headers: Record<string, string> };

  const call = async <T>(method: string, path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, { method, headers });
    return { status: response.status, body: (await response.json()) as T };
  };
  const audit = (query: string, headers = admin.headers) =>
    call<Page>('GET', `/api/v1/admin/audit?${query}`, headers);

  beforeAll(async () => {
    db = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(testConfig(db.url))],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new AllExceptionsFilter());
    app.useLogger(false);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    dataSource = app.get(DataSource);
    const staffOf = async (role: 'admin' | 'sales') => {
      const member = await createStaff(dataSource, role);
      return { id: member.id, headers: (await loginStaff(url, member.email, member.password)).headers };
    };
    admin = await staffOf('admin');
    sales = await staffOf('sales');
    const registered = await registerCustomer(url);
    customer = { id: registered.id, headers: registered.headers };
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('records who, in which role, from where and which route, for every authenticated request', async () => {
    const headers = { ...sales.headers, 'user-agent': 'back-office/1.0' };
    expect((await call('POST', '/api/v1/probe/staff/t-1', headers)).status).toBe(200);
    expect((await call('POST', '/api/v1/probe/customer/t-1', customer.headers)).status).toBe(200);
    expect((await call('POST', '/api/v1/probe/public/t-1')).status).toBe(200);
    const { status, body } = await audit('targetType=probe&targetId=t-1');
    expect(status).toBe(200);
    expect(body.items).toEqual([
      expect.objectContaining({
        actor: 'system:unknown',
        actorId: null,
        action: 'probe.public',
        request: null,
      }),
      expect.objectContaining({
        actor: `customer:${customer.id}`,
        actorId: customer.id,
        actorRole: null,
        action: 'probe.customer',
        request: 'POST /api/v1/probe/customer/:id',
      }),
      {
        id: expect.stringMatching(/^\d+$/),
        actor: `staff:${sales.id}`,
        actorId: sales.id,
        actorRole: 'sales',
        action: 'probe.staff',
        targetType: 'probe',
        targetId: 't-1',
        before: { n: 1 },
        after: { n: 2 },
        ip: '127.0.0.1',
        userAgent: 'back-office/1.0',
        request: 'POST /api/v1/probe/staff/:id',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('is for admins only', async () => {
    expect((await call('GET', '/api/v1/admin/audit')).status).toBe(401);
    expect((await audit('', sales.headers)).status).toBe(403);
    expect((await audit('', customer.headers)).status).toBe(403);
  });

  it('filters by actor, action, target and time, newest first, a page at a time', async () => {
    for (let i = 0; i < 5; i += 1) await call('POST', `/api/v1/probe/staff/page-${i % 2}`, admin.headers);
    const mine = await audit(`actor=${admin.id}&action=probe.staff`);
    expect(mine.body.items.map((e) => e.targetId)).toEqual([
      'page-0',
      'page-1',
      'page-0',
      'page-1',
      'page-0',
    ]);
    expect((await audit(`actor=${admin.id}&targetId=page-1`)).body.items).toHaveLength(2);
    expect((await audit(`actor=${sales.id}&targetId=page-1`)).body.items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page } = await audit(
        `actor=${admin.id}&action=probe.staff&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(mine.body.items.map((e) => e.id));

    const newest = mine.body.items[0]?.createdAt ?? '';
    const future = new Date(Date.parse(newest) + 60_000).toISOString();
    expect((await audit(`actor=${admin.id}&from=${future}`)).body.items).toEqual([]);
    expect((await audit(`actor=${admin.id}&action=probe.staff&to=${future}`)).body.items).toHaveLength(5);
  });

  it.each([
    ['actor=not-a-uuid', 400, 'VALIDATION_FAILED'],
    ['from=yesterday', 400, 'VALIDATION_FAILED'],
    ['limit=1000', 400, 'VALIDATION_FAILED'],
    ['status=all', 400, 'VALIDATION_FAILED'],
    ['cursor=bm9wZQ', 400, 'INVALID_QUERY'],
    ['from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', 400, 'INVALID_QUERY'],
  ])('refuses %s with %i %s', async (query, status, code) => {
    const answer = await call<{ code: string }>('GET', `/api/v1/admin/audit?${query}`, admin.headers);
    expect(answer.status).toBe(status);
    expect(answer.body.code).toBe(code);
  });
});
