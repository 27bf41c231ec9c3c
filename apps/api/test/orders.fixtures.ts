// Shared by the order e2e suites: a database with the catalog, the agreements and some
// numbers imported by the real importer, the API started on it, and a small JSON client.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import { importNumbers } from '@haoma/inventory';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';
import type { AgreementListResponse } from '../src/orders/agreement.response';
import type { OrderResponse } from '../src/orders/order.response';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface OrdersEnv {
  db: TestDatabase;
  dataSource: DataSource;
  app: NestFastifyApplication;
  url: string;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: unknown; rawBody?: string },
  ): Promise<Answer<T>>;
  close(): Promise<void>;
}

/** Imports `numbers`, seeds the catalog and agreements, and starts the API (config `overrides`). */
export async function startOrdersEnv(
  numbers: readonly string[],
  overrides: Record<string, string> = {},
): Promise<OrdersEnv> {
  const db = await createTestDatabase();
  const dataSource = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  await seedCatalog(dataSource);
  const summary = await importNumbers(db.url, numbers, { source: 'e2e', startedBy: 'test' });
  if (summary.added !== new Set(numbers).size) throw new Error(`imported ${summary.added} numbers`);
  const { app, url } = await startApi(testConfig(db.url, overrides));
  return {
    db,
    dataSource,
    app,
    url,
    async call<T>(
      method: string,
      path: string,
      options: { headers?: Record<string, string>; body?: unknown; rawBody?: string } = {},
    ): Promise<Answer<T>> {
      const hasBody = options.body !== undefined || options.rawBody !== undefined;
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
        ...(hasBody ? { body: options.rawBody ?? JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
    },
    async close() {
      await app.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** A number's row as the tests check it. */
export async function numberState(
  dataSource: DataSource,
  number: string,
): Promise<{ status: string; holder_order_id: string | null; held_until: Date | null }> {
  const rows: { status: string; holder_order_id: string | null; held_until: Date | null }[] =
    await dataSource.query(`SELECT status, holder_order_id, held_until FROM numbers WHERE number = $1`, [
      number,
    ]);
  const row = rows[0];
  if (!row) throw new Error(`no number ${number}`);
  return row;
}

/** Polls `check` until it stops throwing (the search index follows the table within ~25 ms). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The JSON error envelope. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; errors: string[]; codes?: string[] }[];
  [detail: string]: unknown;
}

/** Requests as one customer (its bearer token on each). */
export function customerApi(env: OrdersEnv, who: { headers: Record<string, string> }) {
  return {
    post: <T = OrderResponse>(path: string, body?: unknown) =>
      env.call<T>('POST', path, { headers: who.headers, body }),
    put: <T = OrderResponse>(path: string, body?: unknown) =>
      env.call<T>('PUT', path, { headers: who.headers, body }),
    get: <T = OrderResponse>(path: string) => env.call<T>('GET', path, { headers: who.headers }),
  };
}

/** POST /orders as `who`, which must answer 201. */
export async function holdAs(
  env: OrdersEnv,
  who: { headers: Record<string, string> },
  number: string,
): Promise<OrderResponse> {
  const answer = await customerApi(env, who).post('/api/v1/orders', { number });
  if (answer.status !== 201)
    throw new Error(`hold of ${number} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The current agreement versions, as a signature names them. */
export async function currentAgreementRefs(env: OrdersEnv): Promise<{ kind: string; version: number }[]> {
  const answer = await env.call<AgreementListResponse>('GET', '/api/v1/agreements');
  return answer.body.items.map((a) => ({ kind: a.kind, version: a.version }));
}

/** Hands out `numbers` one at a time, so tests of a suite never share one. */
export function numberSupply(numbers: readonly string[]): () => string {
  const spare = [...numbers];
  return () => {
    const next = spare.shift();
    if (!next) throw new Error('out of test numbers');
    return next;
  };
}
