// Shared by the number-search e2e suites: a brute-force model of the inventory a suite
// loaded (graded with `appraise`, availability as the suite set it), the HTTP client, and
// the database helpers that hold and release numbers behind the API's back.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource, type NumberStatus } from '@haoma/db';
import {
  appraise,
  BLOCKS,
  DEFAULT_GRADING_RULES,
  parseNumberQuery,
  relevanceScore,
  type GradeCode,
  type NumberQuery,
} from '@haoma/domain';
import { generateNumbers, importNumbers } from '@haoma/inventory';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';
import type { NumberSummaryResponse } from '../src/numbers/number.response';
import type { NumberSearchResponse } from '../src/numbers/search/number-search.response';

export const SORTS = ['fee_asc', 'fee_desc', 'grade_desc', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

/** What the issue calls lucky: three 8s, 6s or 9s, or a lucky group (520, 1314, 168, 518, 888). */
export const LUCKY_TAGS = ['LUCKY8', 'LUCKY6', 'LUCKY9', 'G1314', 'G888', 'G520', 'G168', 'G518'];

/** One number as the tests know it: `appraise` of its digits under the default rules. */
export interface Known {
  readonly number: string;
  /** The 7 digits after 400. */
  readonly window: string;
  readonly block: string;
  readonly carrier: string;
  readonly grade: GradeCode;
  readonly rank: number;
  readonly fee: number;
  /** `position:tag`, as appraise lists them. */
  readonly tags: readonly string[];
  readonly explanation: string;
}

export function know(number: string): Known {
  const a = appraise(number);
  return {
    number,
    window: number.slice(3),
    block: number.slice(0, 4),
    carrier: BLOCKS.find((b) => b.block === number.slice(0, 4))?.carrier ?? '',
    grade: a.grade,
    rank: DEFAULT_GRADING_RULES.grades.find((g) => g.code === a.grade)?.rank ?? -1,
    fee: a.selectionFeeFen,
    tags: a.tags,
    explanation: a.explanation,
  };
}

/** `position` `any` accepts a tail or a middle match. */
export const hasTag = (n: Known, position: 'tail' | 'middle' | 'any', tag: string): boolean =>
  position === 'any'
    ? n.tags.includes(`tail:${tag}`) || n.tags.includes(`middle:${tag}`)
    : n.tags.includes(`${position}:${tag}`);

const byNumber = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The documented orders: fee then number; its reverse; best grade, then cheapest, then
 * number; and for relevance the `relevanceScore` of each number for `query` (the search
 * as sent) first, then as grade_desc.
 */
export function compare(sort: Sort, query: Query = {}): (a: Known, b: Known) => number {
  if (sort === 'fee_asc') return (a, b) => a.fee - b.fee || byNumber(a.number, b.number);
  if (sort === 'fee_desc') return (a, b) => b.fee - a.fee || byNumber(b.number, a.number);
  const byGrade = (a: Known, b: Known) => b.rank - a.rank || a.fee - b.fee || byNumber(a.number, b.number);
  if (sort === 'grade_desc') return byGrade;
  const parsed = searchOf(query);
  const scores = new Map<string, number>();
  const score = (n: Known): number => {
    const known = scores.get(n.number) ?? relevanceScore(parsed, n);
    scores.set(n.number, known);
    return known;
  };
  return (a, b) => score(b) - score(a) || byGrade(a, b);
}

/** The inventory a suite loaded, and which numbers can be bought now. */
export class Inventory {
  private readonly numbers = new Map<string, Known>();
  private readonly unavailable = new Set<string>();

  add(numbers: Iterable<string>): void {
    for (const number of numbers) if (!this.numbers.has(number)) this.numbers.set(number, know(number));
  }

  get(number: string): Known {
    const known = this.numbers.get(number);
    if (!known) throw new Error(`${number} is not in the test inventory`);
    return known;
  }

  has(number: string): boolean {
    return this.numbers.has(number);
  }

  setAvailable(numbers: readonly string[], available: boolean): void {
    for (const number of numbers) {
      this.get(number);
      if (available) this.unavailable.delete(number);
      else this.unavailable.add(number);
    }
  }

  isAvailable(number: string): boolean {
    return this.numbers.has(number) && !this.unavailable.has(number);
  }

  get all(): Known[] {
    return [...this.numbers.values()];
  }

  get available(): Known[] {
    return this.all.filter((n) => !this.unavailable.has(n.number));
  }

  /** Brute force: every available number that passes, in the sort's order (`query` for relevance). */
  expected(match: (n: Known) => boolean, sort: Sort = 'fee_asc', query: Query = {}): string[] {
    return this.available
      .filter(match)
      .sort(compare(sort, query))
      .map((n) => n.number);
  }
}

/** `count` distinct numbers of each block, shuffled by the seed (the demo generator). */
export function generated(blocks: readonly string[], count: number, seed: string): string[] {
  return blocks.flatMap((block) => [...generateNumbers({ block, count, seed })]);
}

export type Query = Readonly<Record<string, string | number | readonly string[]>> | string;

export function queryString(query: Query): string {
  if (typeof query === 'string') return query;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of typeof value === 'object' ? value : [value]) params.append(key, String(v));
  }
  return params.toString();
}

/** The filters of a search as the API reads them (sort, limit and cursor left out). */
export function searchOf(query: Query): NumberQuery {
  const raw: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(queryString(query))) {
    if (!['sort', 'limit', 'cursor'].includes(key)) (raw[key] ??= []).push(value);
  }
  const parsed = parseNumberQuery(raw);
  if (!parsed.ok)
    throw new Error(`${queryString(query)} is not a valid search: ${JSON.stringify(parsed.errors)}`);
  return parsed.query;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; errors: string[]; codes?: string[] }[];
}

export interface Answer<T> {
  status: number;
  body: T;
}

export class SearchClient {
  constructor(readonly url: string) {}

  async get<T = unknown>(path: string, query: Query = ''): Promise<Answer<T>> {
    const qs = queryString(query);
    const response = await fetch(`${this.url}${path}${qs === '' ? '' : `?${qs}`}`);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the caller sees the text.
    }
    return { status: response.status, body: body as T };
  }

  /** One page of GET /api/v1/numbers, which must answer 200. */
  async page(query: Query): Promise<NumberSearchResponse> {
    const { status, body } = await this.get<NumberSearchResponse>('/api/v1/numbers', query);
    if (status !== 200) throw new Error(`${queryString(query)} answered ${status}: ${JSON.stringify(body)}`);
    return body;
  }

  async digits(query: Query): Promise<string[]> {
    return (await this.page(query)).items.map((i) => i.digits);
  }

  /** Follows nextCursor for at most `maxPages` pages; `complete` when the last had none. */
  async walk(
    query: Exclude<Query, string>,
    maxPages = Infinity,
  ): Promise<{ digits: string[]; pages: number; complete: boolean }> {
    const digits: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: NumberSearchResponse = await this.page(cursor === null ? query : { ...query, cursor });
      digits.push(...page.items.map((i) => i.digits));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < maxPages);
    return { digits, pages, complete: cursor === null };
  }

  /** Whether a search for exactly this number finds it (a 10-digit startsWith). */
  async finds(number: string): Promise<NumberSummaryResponse | undefined> {
    return (await this.page({ startsWith: number })).items.find((i) => i.digits === number);
  }
}

/** Retries `check` until it passes or `timeoutMs` is over, then fails with its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Statuses a test gives numbers directly in the table (`expired`: a hold that ran out). */
export type TestStatus = NumberStatus | 'expired';

const STATUS_SQL: Record<TestStatus, string> = {
  available: `status = 'available', holder_order_id = NULL, held_until = NULL`,
  held: `status = 'held', holder_order_id = gen_random_uuid(), held_until = now() + interval '30 minutes'`,
  expired: `status = 'held', holder_order_id = gen_random_uuid(), held_until = now() - interval '1 minute'`,
  locked: `status = 'locked', holder_order_id = gen_random_uuid(), held_until = NULL`,
  assigned: `status = 'assigned', holder_order_id = gen_random_uuid(), held_until = NULL`,
  suspended: `status = 'suspended', holder_order_id = gen_random_uuid(), held_until = NULL`,
  quarantine: `status = 'quarantine', holder_order_id = NULL, held_until = NULL`,
  retired: `status = 'retired', holder_order_id = NULL, held_until = NULL`,
};

/** Sets the status in the table (and the model: only `available` and `expired` can be bought). */
export async function setStatus(
  dataSource: DataSource,
  inventory: Inventory,
  numbers: readonly string[],
  status: TestStatus,
): Promise<void> {
  const [{ updated }] = (await dataSource.query(
    `WITH changed AS (
       UPDATE numbers SET ${STATUS_SQL[status]}, status_changed_at = now()
        WHERE number = ANY($1) RETURNING number)
     SELECT count(*)::int AS updated FROM changed`,
    [numbers],
  )) as [{ updated: number }];
  if (updated !== numbers.length) throw new Error(`updated ${updated} of ${numbers.length} numbers`);
  inventory.setAvailable(numbers, status === 'available' || status === 'expired');
}

/** A database with the catalog and `numbers` imported, and the API started on it. */
export interface SearchEnv {
  db: TestDatabase;
  dataSource: DataSource;
  app: NestFastifyApplication;
  client: SearchClient;
  inventory: Inventory;
  /** Plan code → id, and the cheapest current plan of each grade as GET /plans orders them. */
  planOf: (grade: string) => { id: string; code: string; annualFeeFen: number } | undefined;
  close(): Promise<void>;
}

export async function startSearchEnv(
  numbers: readonly string[],
  beforeStart?: (env: Pick<SearchEnv, 'dataSource' | 'inventory'>) => Promise<void>,
): Promise<SearchEnv> {
  const db = await createTestDatabase();
  const dataSource = await createDataSource({ url: db.url }).initialize();
  await seedCatalog(dataSource);
  const summary = await importNumbers(db.url, numbers, { source: 'e2e', startedBy: 'test' });
  const inventory = new Inventory();
  inventory.add(numbers);
  if (summary.added !== inventory.all.length) {
    throw new Error(`imported ${summary.added} numbers, expected ${inventory.all.length}`);
  }
  await beforeStart?.({ dataSource, inventory });
  const plans = (await dataSource.query(
    `SELECT id, code, annual_fee_fen, allowed_grades FROM plans
      WHERE retired_at IS NULL ORDER BY annual_fee_fen, code`,
  )) as { id: string; code: string; annual_fee_fen: number; allowed_grades: string[] }[];
  const { app, url } = await startApi(testConfig(db.url));
  const client = new SearchClient(url);
  return {
    db,
    dataSource,
    app,
    client,
    inventory,
    planOf: (grade) => {
      const plan = plans.find((p) => p.allowed_grades.includes(grade));
      return plan && { id: plan.id, code: plan.code, annualFeeFen: plan.annual_fee_fen };
    },
    async close() {
      await app.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** Numbers planted in the demo inventory so that each filter the suites try finds something. */
export const PLANTED = [
  '4008208888', // held until later: never listed
  '4009208888', // its hold ran out: listed
  '4006888888', // diamond
  '4001666666', // diamond
  '4000556677', // platinum, tail AABBCC
  '4008123123', // tail ABCABC
  '4009888999', // tail AAABBB
  '4009292888', // gold, middle ABAB
  '4000521314', // tail G1314
  '4007775683', // LOVE = 5683
  '4000056830', // LOVE in the middle
  '4008356937', // FLOWER = 356937
  '4006356937', // FLOWER
  '4008126666', // mask 4008??6666
  '4008996666', // mask 4008??6666
  '4001237788', // tail AABB
  '4006201122', // tail AABB
  '4007520520', // G520
  '4001688168', // G168
  '4006886688', // locked
  '4007131452', // assigned
  '4009123123', // suspended
  '4006520520', // quarantine
  '4000556688', // retired
  '4001888888', // held
];

/** Planted numbers that cannot be bought, by status. */
export const UNAVAILABLE = {
  held: ['4008208888', '4001888888'],
  locked: ['4006886688'],
  assigned: ['4007131452'],
  suspended: ['4009123123'],
  quarantine: ['4006520520'],
  retired: ['4000556688'],
} as const;

/** Planted numbers on a hold that ran out: for sale again. */
export const EXPIRED = ['4009208888'];

/**
 * The demo inventory: `perBlock` generated numbers in each of the six blocks (from 11,000
 * the index holds more than 65,536 rows and maps numbers with its dense array, as in
 * production) plus PLANTED; every 97th demo number held, every 89th on a hold that ran
 * out, a few taken in every other way.
 */
export function startDemoSearch(
  perBlock: number,
  seed: string,
  beforeStart?: (env: Pick<SearchEnv, 'dataSource' | 'inventory'>) => Promise<void>,
): Promise<SearchEnv> {
  const blocks = BLOCKS.map((b) => b.block);
  return startSearchEnv(
    [...generated(blocks, perBlock, seed), ...PLANTED],
    async ({ dataSource, inventory }) => {
      const demo = inventory.all.map((n) => n.number).filter((n) => !PLANTED.includes(n));
      const every = (step: number, offset: number) => demo.filter((_, i) => i % step === offset);
      await setStatus(dataSource, inventory, [...UNAVAILABLE.held, ...every(97, 0)], 'held');
      await setStatus(dataSource, inventory, [...EXPIRED, ...every(89, 1)], 'expired');
      for (const status of ['locked', 'assigned', 'suspended', 'quarantine', 'retired'] as const) {
        const some = every(211, 3 + status.length);
        await setStatus(dataSource, inventory, [...UNAVAILABLE[status], ...some], status);
      }
      await beforeStart?.({ dataSource, inventory });
    },
  );
}
