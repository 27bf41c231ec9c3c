// Who may read which report, how a bad period is refused, and that storefront searches reach
// search_counts (batched: nothing is written until the counter flushes).
import { SearchCounter } from '../src/numbers/search/search-counter';
import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';
import { startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';

let env: OrdersEnv;
const who: Record<string, { headers: Record<string, string> }> = {};

beforeAll(async () => {
  env = await startOrdersEnv(['4008100001', '4008100002']);
  for (const role of ['sales', 'reviewer', 'admin'] as const) {
    const member = await createStaff(env.dataSource, role);
    who[role] = await loginStaff(env.url, member.email, member.password);
  }
  who['customer'] = await registerCustomer(env.url);
  who['anonymous'] = { headers: {} };
});

afterAll(async () => {
  await env.close();
});

const PERIOD = 'from=2026-03-01&to=2026-03-31';
const REPORTS = {
  funnel: `/api/v1/staff/reports/funnel?${PERIOD}`,
  revenue: `/api/v1/staff/reports/revenue?${PERIOD}`,
  reviewers: `/api/v1/staff/reports/reviewers?${PERIOD}`,
  outlook: '/api/v1/staff/reports/compliance-outlook',
};

describe('report access', () => {
  it.each([
    ['funnel', { anonymous: 401, customer: 403, reviewer: 403, sales: 200, admin: 200 }],
    ['revenue', { anonymous: 401, customer: 403, reviewer: 403, sales: 200, admin: 200 }],
    ['reviewers', { anonymous: 401, customer: 403, reviewer: 200, sales: 200, admin: 200 }],
    ['outlook', { anonymous: 401, customer: 403, reviewer: 200, sales: 200, admin: 200 }],
  ] as const)('%s answers each role as expected', async (report, expected) => {
    const answers: Record<string, number> = {};
    for (const role of Object.keys(expected))
      answers[role] = (await env.call('GET', REPORTS[report], { headers: who[role]?.headers ?? {} })).status;
    expect(answers).toEqual(expected);
  });
});

describe('report periods', () => {
  it.each([
    ['from=2026-03-02&to=2026-03-01', 'REPORT_PERIOD_INVALID'],
    ['from=2024-01-01&to=2025-01-01', 'REPORT_PERIOD_INVALID'],
    ['from=2026-02-30&to=2026-03-01', 'REPORT_PERIOD_INVALID'],
    ['from=yesterday&to=2026-03-01', 'REPORT_PERIOD_INVALID'],
    ['to=2026-03-01', 'VALIDATION_FAILED'],
    [`${PERIOD}&by=plan`, 'VALIDATION_FAILED'],
    [`${PERIOD}&format=xlsx`, 'VALIDATION_FAILED'],
  ])('the funnel refuses %s with %s', async (query, code) => {
    const answer = await env.call<ErrorBody>('GET', `/api/v1/staff/reports/funnel?${query}`, {
      headers: who['admin']?.headers ?? {},
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(code);
  });

  it('takes a whole leap year, and refuses a bad outlook window', async () => {
    const year = await env.call(
      'GET',
      '/api/v1/staff/reports/revenue?from=2024-01-01&to=2024-12-31&interval=month',
      {
        headers: who['admin']?.headers ?? {},
      },
    );
    expect(year.status).toBe(200);
    expect((year.body['rows'] as unknown[]).length).toBe(12);
    for (const query of ['days=0', 'days=367', 'limit=0', 'days=abc']) {
      const answer = await env.call<ErrorBody>('GET', `/api/v1/staff/reports/compliance-outlook?${query}`, {
        headers: who['admin']?.headers ?? {},
      });
      expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});

describe('search counting', () => {
  it('counts each first-page storefront search, written in one batch when the counter flushes', async () => {
    const counter = env.app.get(SearchCounter);
    // Stop the periodic flush (writing what is pending) so that the test decides when to write.
    await counter.onApplicationShutdown();
    const total = async (): Promise<number> =>
      Number(
        (
          (await env.dataSource.query(`SELECT coalesce(sum(searches), 0) AS n FROM search_counts`)) as {
            n: string;
          }[]
        )[0]?.n,
      );
    const before = await total();

    expect((await env.call('GET', '/api/v1/numbers?block=4008')).status).toBe(200);
    const first = await env.call<{ nextCursor: string | null }>('GET', '/api/v1/numbers?block=4008&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toBeTruthy();
    // The next page of the same search, and a refused search: not counted.
    const cursor = encodeURIComponent(first.body.nextCursor ?? '');
    expect((await env.call('GET', `/api/v1/numbers?block=4008&limit=1&cursor=${cursor}`)).status).toBe(200);
    expect((await env.call('GET', '/api/v1/numbers?grade=bogus')).status).toBe(400);

    expect(counter.unflushed).toBe(2);
    await counter.flush();
    expect(await total()).toBe(before + 2);
    expect(counter.unflushed).toBe(0);
  });
});
