// The search benchmark's second reference: the API's own search code (index loader, search
// service, caches) behind a bare `node:http` server — no Nest, no Fastify, no guards or
// filters. Run as a child process by search.bench.ts; reports its port over IPC.
import 'reflect-metadata';
import { createServer, type ServerResponse } from 'node:http';
import { parseConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import { ApiError } from '../apps/api/src/common/api-error';
import { CheapestPlanCache } from '../apps/api/src/numbers/search/cheapest-plan.cache';
import { GradingRulesCache } from '../apps/api/src/numbers/search/grading-rules.cache';
import { NumberIndexHolder } from '../apps/api/src/numbers/search/number-index.holder';
import { NumberSearchService } from '../apps/api/src/numbers/search/number-search.service';

/** What the child tells its parent once it listens. */
export interface BareReady {
  type: 'ready';
  port: number;
  size: number;
  available: number;
  loadMs: number;
}

const SEARCH_PATH = '/api/v1/numbers';

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

// Repeated keys become arrays, as Fastify's query-string parser hands them to the API.
function rawQuery(search: string): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = raw[key];
    raw[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return raw;
}

async function main(): Promise<void> {
  const config = parseConfig();
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 2,
    applicationName: 'haoma-bench-bare',
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  await dataSource.initialize();
  const rules = new GradingRulesCache(dataSource);
  const plans = new CheapestPlanCache(dataSource);
  const holder = new NumberIndexHolder(config, rules);
  const started = Date.now();
  await rules.active();
  await plans.refresh();
  // As the API boots: LISTEN for changes, load the index, start the hold-expiry timer.
  await holder.onApplicationBootstrap();
  const loadMs = Date.now() - started;
  const service = new NumberSearchService(holder, rules, plans);

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    if (req.method !== 'GET' || path !== SEARCH_PATH) {
      send(res, 404, '{"statusCode":404,"code":"NOT_FOUND","message":"Not found"}');
      return;
    }
    try {
      send(res, 200, JSON.stringify(service.search(rawQuery(mark < 0 ? '' : url.slice(mark + 1)))));
    } catch (error) {
      if (error instanceof ApiError) {
        const body = {
          statusCode: error.status,
          code: error.code,
          message: error.message,
          fields: error.fields,
        };
        send(res, error.status, JSON.stringify(body));
      } else {
        send(res, 500, '{"statusCode":500,"code":"INTERNAL","message":"Internal error"}');
        process.stderr.write(`bare search failed: ${String(error)}\n`);
      }
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([holder.onApplicationShutdown(), dataSource.destroy()]).then(() =>
      process.exit(0),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop); // the parent went away

  const ready: BareReady = {
    type: 'ready',
    port: address.port,
    size: holder.index.size,
    available: holder.index.availableCount,
    loadMs,
  };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
