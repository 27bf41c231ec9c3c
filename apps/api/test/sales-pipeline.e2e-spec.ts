import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';
import { startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import {
  ago,
  DAY,
  HOUR,
  insertCustomerRow,
  insertOrderRow,
  insertSubmission,
  MINUTE,
  must,
  type OrderSpec,
} from './sales.fixtures';

interface Item {
  id: string;
  orderNo: string;
  number: string;
  status: string;
  customer: { id: string; companyName: string; email: string };
  assignee: { id: string; name: string; email: string } | null;
  grade: string;
  carrier: string;
  totalFen: number | null;
  createdAt: string;
  paidAt: string | null;
  statusChangedAt: string;
  timeInStatusSeconds: number;
  nextDeadline: { kind: string; at: string } | null;
  overdue: boolean;
}
interface ListPage {
  items: Item[];
  nextCursor: string | null;
}
interface Column {
  status: string;
  count: number;
  medianSecondsInStatus: number | null;
  oldestSecondsInStatus: number | null;
  oldestSince: string | null;
}
interface BoardBody {
  asOf: string;
  total: number;
  columns: Column[];
}

type Who = { headers: Record<string, string> };

// The pipeline of a known set of orders: every filter, search kind, sort and page boundary
// is checked against what the test computes from the rows it wrote.
describe('the staff pipeline (e2e)', () => {
  let env: OrdersEnv;
  let sales1: Who & { id: string; name: string; email: string };
  let sales2: Who & { id: string };
  let reviewer: Who;
  let customer: Who;
  const T = new Date();
  const orders: Record<string, OrderSpec & { id: string; number: string; orderNo: string }> = {};
  const USCC = '91440300MA5FTEST01';
  const o = (key: string) => must(orders[key]);

  beforeAll(async () => {
    env = await startOrdersEnv([]);
    const s1 = await createStaff(env.dataSource, 'sales', { name: 'Li Wei' });
    sales1 = { ...s1, name: 'Li Wei', ...(await loginStaff(env.url, s1.email, s1.password)) };
    const s2 = await createStaff(env.dataSource, 'sales');
    sales2 = { id: s2.id, ...(await loginStaff(env.url, s2.email, s2.password)) };
    const r = await createStaff(env.dataSource, 'reviewer');
    reviewer = await loginStaff(env.url, r.email, r.password);
    customer = await registerCustomer(env.url);

    const south = await insertCustomerRow(env.dataSource, {
      companyName: '华南贸易有限公司',
      email: 'buyer@south-trade.example.com',
    });
    const plain = await insertCustomerRow(env.dataSource, { companyName: 'Northwind Ltd' });
    const specs: Record<string, Omit<OrderSpec, 'customerId'> & { customerId?: string }> = {
      A: {
        status: 'awaiting_payment',
        createdAt: ago(T, 10 * DAY),
        statusChangedAt: ago(T, 1 * HOUR),
        holdUntil: new Date(T.getTime() + 20 * MINUTE),
      },
      B: {
        status: 'awaiting_payment',
        createdAt: ago(T, 9 * DAY),
        statusChangedAt: ago(T, 2 * HOUR),
        holdUntil: ago(T, 10 * MINUTE),
        grade: 'gold',
        carrier: 'unicom',
        assigneeId: s1.id,
      },
      C: {
        customerId: south.id,
        status: 'awaiting_documents',
        createdAt: ago(T, 8 * DAY),
        statusChangedAt: ago(T, 5 * DAY),
        paidAt: ago(T, 5 * DAY),
        holdUntil: ago(T, 5 * DAY),
        documentsDueAt: new Date(T.getTime() + 10 * DAY),
        carrier: 'mobile',
        assigneeId: s1.id,
      },
      D: {
        status: 'awaiting_documents',
        createdAt: ago(T, 7 * DAY),
        statusChangedAt: ago(T, 4 * DAY),
        paidAt: ago(T, 4 * DAY),
        documentsDueAt: ago(T, 1 * HOUR),
        grade: 'silver',
        assigneeId: s2.id,
      },
      E: {
        status: 'under_review',
        createdAt: ago(T, 6 * DAY),
        statusChangedAt: ago(T, 2 * DAY),
        paidAt: ago(T, 6 * DAY),
        documentsDueAt: ago(T, 3 * DAY),
      },
      F: {
        status: 'active',
        createdAt: ago(T, 30 * DAY),
        statusChangedAt: ago(T, 20 * DAY),
        paidAt: ago(T, 29 * DAY),
        grade: 'diamond',
        carrier: 'mobile',
        assigneeId: s2.id,
      },
      G: {
        status: 'cancelled',
        createdAt: ago(T, 3 * DAY),
        statusChangedAt: ago(T, 1 * DAY),
        holdUntil: ago(T, 2 * DAY),
      },
      H: {
        status: 'selecting',
        createdAt: ago(T, 1 * HOUR),
        statusChangedAt: ago(T, 1 * HOUR),
        holdUntil: new Date(T.getTime() + 29 * MINUTE),
        totalFen: null,
      },
      // I and J tie on every timestamp: the id breaks the tie across pages.
      I: { status: 'provisioning', createdAt: ago(T, 12 * DAY), statusChangedAt: ago(T, 3 * HOUR) },
      J: { status: 'provisioning', createdAt: ago(T, 12 * DAY), statusChangedAt: ago(T, 3 * HOUR) },
    };
    for (const [key, spec] of Object.entries(specs)) {
      const full = { ...spec, customerId: spec.customerId ?? plain.id };
      orders[key] = { ...full, ...(await insertOrderRow(env.dataSource, full)) };
    }
    await insertSubmission(env.dataSource, {
      orderId: o('E').id,
      customerId: plain.id,
      uscc: USCC,
      companyName: '东方科技有限公司',
      submittedAt: ago(T, 2 * DAY),
    });
  });
  afterAll(async () => {
    await env.close();
  });

  const get = <T>(path: string, who: Who = sales1) => env.call<T>('GET', path, { headers: who.headers });
  const keyOf = (id: string) => Object.entries(orders).find(([, o]) => o.id === id)?.[0] ?? id;
  const keys = async (query: string, who: Who = sales1) => {
    const answer = await get<ListPage>(`/api/v1/staff/orders?limit=100&${query}`, who);
    expect(answer.status).toBe(200);
    return answer.body.items.map((i) => keyOf(i.id)).sort();
  };

  it('answers 401 without a token and 403 to customers', async () => {
    for (const path of ['/api/v1/staff/orders', '/api/v1/staff/orders/board']) {
      expect((await env.call<ErrorBody>('GET', path)).status).toBe(401);
      const forbidden = await get<ErrorBody>(path, customer);
      expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
  });

  it('lists every order for every staff role, each item complete', async () => {
    expect(await keys('', reviewer)).toEqual(Object.keys(orders).sort());
    const page = await get<ListPage>('/api/v1/staff/orders?limit=100');
    const b = page.body.items.find((i) => i.id === o('B').id);
    expect(b).toEqual({
      id: o('B').id,
      orderNo: o('B').orderNo,
      number: o('B').number,
      status: 'awaiting_payment',
      customer: { id: o('B').customerId, companyName: 'Northwind Ltd', email: expect.any(String) },
      assignee: { id: sales1.id, name: 'Li Wei', email: sales1.email },
      grade: 'gold',
      carrier: 'unicom',
      totalFen: 120_000,
      createdAt: o('B').createdAt.toISOString(),
      paidAt: null,
      statusChangedAt: o('B').statusChangedAt.toISOString(),
      timeInStatusSeconds: expect.any(Number),
      nextDeadline: { kind: 'hold', at: must(o('B').holdUntil).toISOString() },
      overdue: true,
    });
    expect(must(b).timeInStatusSeconds).toBeGreaterThanOrEqual(2 * 3600);
    const c = page.body.items.find((i) => i.id === o('C').id);
    expect(c).toMatchObject({
      nextDeadline: { kind: 'documents', at: must(o('C').documentsDueAt).toISOString() },
      overdue: false,
      paidAt: must(o('C').paidAt).toISOString(),
      customer: { companyName: '华南贸易有限公司', email: 'buyer@south-trade.example.com' },
    });
    expect(page.body.items.find((i) => i.id === o('E').id)).toMatchObject({
      nextDeadline: null,
      overdue: false,
    });
  });

  const filterCases: [string, string[] | (() => string), string[]][] = [
    ['status=awaiting_payment', [], ['A', 'B']],
    ['status=awaiting_payment,awaiting_documents', [], ['A', 'B', 'C', 'D']],
    ['status=active&status=cancelled', [], ['F', 'G']],
    ['assignee=me', [], ['B', 'C']],
    ['assignee=none', [], ['A', 'E', 'G', 'H', 'I', 'J']],
    ['carrier=unicom', [], ['B']],
    ['carrier=mobile', [], ['C', 'F']],
    ['grade=gold', [], ['B']],
    ['grade=silver,diamond', [], ['D', 'F']],
    ['inStatusLongerThan=3d', [], ['C', 'D', 'F']],
    ['inStatusLongerThan=90m', [], ['B', 'C', 'D', 'E', 'F', 'G', 'I', 'J']],
    ['overdue=true', [], ['B', 'D']],
    ['overdue=false', [], ['A', 'C', 'E', 'F', 'G', 'H', 'I', 'J']],
    ['status=awaiting_documents&assignee=me', [], ['C']],
    ['q=%E5%8D%8E%E5%8D%97', [], ['C']],
    ['q=SOUTH-TRADE', [], ['C']],
    ['q=northwind&status=active', [], ['F']],
    [`q=${USCC.toLowerCase()}`, [], ['E']],
    ['q=%E4%B8%9C%E6%96%B9%E7%A7%91%E6%8A%80', [], ['E']],
    ['q=%25', [], []],
  ];
  it.each(filterCases)('filters %s', async (query, _unused, expected) => {
    expect(await keys(query)).toEqual(expected);
  });

  it('filters by assignee id, created range and paid range (half-open)', async () => {
    expect(await keys(`assignee=${sales2.id.toUpperCase()}`)).toEqual(['D', 'F']);
    const iso = (d: Date) => encodeURIComponent(d.toISOString());
    expect(await keys(`createdFrom=${iso(ago(T, 8.5 * DAY))}&createdTo=${iso(ago(T, 6.5 * DAY))}`)).toEqual([
      'C',
      'D',
    ]);
    expect(await keys(`createdFrom=${iso(o('C').createdAt)}&createdTo=${iso(o('D').createdAt)}`)).toEqual([
      'C',
    ]);
    expect(await keys(`paidFrom=${iso(ago(T, 5.5 * DAY))}`)).toEqual(['C', 'D']);
    expect(await keys(`paidTo=${iso(ago(T, 5.5 * DAY))}`)).toEqual(['E', 'F']);
  });

  it('finds an order by its number in any written form, a digit substring, or its order no', async () => {
    const c = o('C').number;
    const forms = [
      c,
      `${c.slice(0, 3)}-${c.slice(3, 6)}-${c.slice(6)}`,
      `+86 ${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6)}`,
      [...c].map((d) => String.fromCharCode(0xff10 + Number(d))).join(''),
    ];
    for (const form of forms) expect(await keys(`q=${encodeURIComponent(form)}`)).toEqual(['C']);
    expect(await keys(`q=${c.slice(4)}`)).toEqual(['C']);
    const byOrderNo = await keys(`q=${o('H').orderNo}`);
    expect(byOrderNo).toContain('H');
  });

  const expectedOrder = (sort: string, order: 'asc' | 'desc'): string[] => {
    const far = order === 'asc' ? Infinity : -Infinity;
    const key = (o: OrderSpec): number => {
      if (sort === 'age') return o.createdAt.getTime();
      if (sort === 'status_age') return o.statusChangedAt.getTime();
      if (o.status === 'selecting' || o.status === 'awaiting_payment') return must(o.holdUntil).getTime();
      if (o.status === 'awaiting_documents') return must(o.documentsDueAt).getTime();
      return far;
    };
    const sign = order === 'asc' ? 1 : -1;
    return Object.entries(orders)
      .sort(([, a], [, b]) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
      .map(([k]) => k);
  };

  it.each([
    ['age', 'asc'],
    ['age', 'desc'],
    ['status_age', 'asc'],
    ['status_age', 'desc'],
    ['deadline', 'asc'],
    ['deadline', 'desc'],
  ] as const)('sorts by %s %s across pages of 3 without repeats or gaps', async (sort, order) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: { status: number; body: ListPage } = await get<ListPage>(
        `/api/v1/staff/orders?limit=3&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items.map((i) => keyOf(i.id)));
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual(expectedOrder(sort, order));
  });

  it('defaults to the newest orders first', async () => {
    const answer = await get<ListPage>('/api/v1/staff/orders?limit=100');
    expect(answer.body.items.map((i) => keyOf(i.id))).toEqual(expectedOrder('age', 'desc'));
  });

  it('keeps the filters across pages', async () => {
    const first = await get<ListPage>('/api/v1/staff/orders?limit=1&sort=status_age&order=asc&assignee=none');
    const second = await get<ListPage>(
      `/api/v1/staff/orders?limit=1&sort=status_age&order=asc&assignee=none&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((i) => keyOf(i.id))).toEqual(['E', 'G']);
  });

  it.each([
    ['status=bogus', 'VALIDATION_FAILED'],
    ['status=active,bogus', 'VALIDATION_FAILED'],
    ['assignee=someone', 'VALIDATION_FAILED'],
    ['carrier=satellite', 'VALIDATION_FAILED'],
    ['grade=bronze', 'VALIDATION_FAILED'],
    ['createdFrom=yesterday', 'VALIDATION_FAILED'],
    ['paidTo=2026-02-30', 'VALIDATION_FAILED'],
    ['createdFrom=2026-02-01&createdTo=2026-01-01', 'INVALID_QUERY'],
    ['paidFrom=2026-01-01&paidTo=2026-01-01', 'INVALID_QUERY'],
    ['inStatusLongerThan=3%20weeks', 'VALIDATION_FAILED'],
    ['inStatusLongerThan=-1d', 'VALIDATION_FAILED'],
    ['overdue=yes', 'VALIDATION_FAILED'],
    ['sort=name', 'VALIDATION_FAILED'],
    ['order=up', 'VALIDATION_FAILED'],
    ['limit=0', 'VALIDATION_FAILED'],
    ['limit=1000', 'VALIDATION_FAILED'],
    ['limit=ten', 'VALIDATION_FAILED'],
    ['cursor=not-a-cursor', 'INVALID_QUERY'],
    [`q=${'x'.repeat(101)}`, 'VALIDATION_FAILED'],
    ['nonsense=1', 'VALIDATION_FAILED'],
  ])('refuses %s with 400 %s', async (query, code) => {
    const answer = await get<ErrorBody>(`/api/v1/staff/orders?${query}`);
    expect(answer).toMatchObject({ status: 400, body: { code } });
  });

  it('refuses a cursor made for another sort', async () => {
    const first = await get<ListPage>('/api/v1/staff/orders?limit=2&sort=deadline');
    expect(first.body.nextCursor).not.toBeNull();
    const other = await get<ErrorBody>(
      `/api/v1/staff/orders?limit=2&sort=age&cursor=${first.body.nextCursor}`,
    );
    expect(other).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY' } });
    const flipped = await get<ErrorBody>(
      `/api/v1/staff/orders?limit=2&sort=deadline&order=desc&cursor=${first.body.nextCursor}`,
    );
    expect(flipped).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY' } });
  });

  describe('the board', () => {
    const column = (board: BoardBody, status: string) => must(board.columns.find((c) => c.status === status));
    const seconds = (asOf: string, at: Date) => (Date.parse(asOf) - at.getTime()) / 1000;

    it('counts every status and ages each stage (median and oldest time in status)', async () => {
      const answer = await get<BoardBody>('/api/v1/staff/orders/board');
      expect(answer.status).toBe(200);
      const board = answer.body;
      expect(board.total).toBe(10);
      expect(board.columns.map((c) => [c.status, c.count])).toEqual([
        ['selecting', 1],
        ['awaiting_payment', 2],
        ['awaiting_documents', 2],
        ['under_review', 1],
        ['provisioning', 2],
        ['active', 1],
        ['ended', 0],
        ['expired', 0],
        ['cancelled', 1],
      ]);
      const o = (k: string) => must(orders[k]).statusChangedAt;
      const payment = column(board, 'awaiting_payment');
      // Median of two: the mean of 1 h and 2 h in status.
      expect(payment.medianSecondsInStatus).toBeCloseTo(
        (seconds(board.asOf, o('A')) + seconds(board.asOf, o('B'))) / 2,
        2,
      );
      expect(payment.oldestSecondsInStatus).toBeCloseTo(seconds(board.asOf, o('B')), 2);
      expect(payment.oldestSince).toBe(o('B').toISOString());
      const documents = column(board, 'awaiting_documents');
      expect(documents.medianSecondsInStatus).toBeCloseTo(
        (seconds(board.asOf, o('C')) + seconds(board.asOf, o('D'))) / 2,
        2,
      );
      expect(documents.oldestSecondsInStatus).toBeCloseTo(seconds(board.asOf, o('C')), 2);
      expect(column(board, 'active').medianSecondsInStatus).toBeCloseTo(seconds(board.asOf, o('F')), 2);
      expect(column(board, 'ended')).toEqual({
        status: 'ended',
        count: 0,
        medianSecondsInStatus: null,
        oldestSecondsInStatus: null,
        oldestSince: null,
      });
    });

    it('applies the filters to the counts (my orders)', async () => {
      const answer = await get<BoardBody>('/api/v1/staff/orders/board?assignee=me');
      expect(answer.body.total).toBe(2);
      expect(answer.body.columns.filter((c) => c.count).map((c) => [c.status, c.count])).toEqual([
        ['awaiting_payment', 1],
        ['awaiting_documents', 1],
      ]);
    });

    it('applies the aging filter to the columns', async () => {
      const answer = await get<BoardBody>('/api/v1/staff/orders/board?inStatusLongerThan=90m');
      expect(answer.body.columns.filter((c) => c.count).map((c) => [c.status, c.count])).toEqual([
        ['awaiting_payment', 1],
        ['awaiting_documents', 2],
        ['under_review', 1],
        ['provisioning', 2],
        ['active', 1],
        ['cancelled', 1],
      ]);
      // I and J entered provisioning at the same instant: median and oldest agree.
      const provisioning = column(answer.body, 'provisioning');
      expect(provisioning.medianSecondsInStatus).toBeCloseTo(
        seconds(answer.body.asOf, o('I').statusChangedAt),
        2,
      );
      expect(provisioning.oldestSecondsInStatus).toBeCloseTo(must(provisioning.medianSecondsInStatus), 6);
    });

    it('validates its parameters and refuses list-only ones', async () => {
      expect(await get<ErrorBody>('/api/v1/staff/orders/board?status=nope')).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });
      expect(await get<ErrorBody>('/api/v1/staff/orders/board?sort=age')).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });
    });

    // Last: it adds orders the other tests do not expect.
    it('takes the median of an odd count from the middle order', async () => {
      const customerId = o('A').customerId;
      const ended = [1, 3, 10].map((days) => ago(T, days * DAY));
      for (const at of ended)
        await insertOrderRow(env.dataSource, {
          customerId,
          status: 'ended',
          createdAt: ago(T, 60 * DAY),
          statusChangedAt: at,
        });
      const answer = await get<BoardBody>('/api/v1/staff/orders/board?status=ended');
      expect(answer.body.total).toBe(3);
      const endedColumn = column(answer.body, 'ended');
      expect(endedColumn.medianSecondsInStatus).toBeCloseTo(seconds(answer.body.asOf, must(ended[1])), 2);
      expect(endedColumn.oldestSecondsInStatus).toBeCloseTo(seconds(answer.body.asOf, must(ended[2])), 2);
      expect(endedColumn.oldestSince).toBe(must(ended[2]).toISOString());
    });
  });
});
