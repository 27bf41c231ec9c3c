import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { fork, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client, Pool } from 'pg';
import { parseConfig } from '@haoma/config';
import { decodeCursor } from '@haoma/domain';
import {
  freePort,
  relay,
  START_TIMEOUT_MS,
  stopChildren,
  stopChildrenOnExit,
  track,
  waitForHttp,
} from './bench-processes';
import type { BareReady } from './search-bare';
import { prepareBenchDatabase, type BenchDatabaseInfo } from './search-db';
import { processRssMb, runHttpLoad, runSqlLoad, type HttpLoadResult, type SqlLoadCase } from './search-load';
import { apiPath, casesOf, floorSql, QUERY_TYPES, type PageStart, type SearchCase } from './search-queries';

// The search benchmark: see bench/SEARCH.md. One run = a populated throwaway database, the
// built API and a bare node:http server over the same index as child processes, then per
// query type the same requests through the API, the bare server and plain SQL (the floor),
// one JSON line each.

const PAGE2_SHARE = 0.2;
const WARMUP_SECONDS = 3;
// Far above what two cores serve; only there so that no run is unbounded in requests.
const MAX_RPS = 50_000;
const FLOOR_POOL_SIZE = 10;
const FLOOR_APPLICATION = 'haoma-bench-search-floor';
const FLOOR_STATEMENT_TIMEOUT_MS = 30_000;

interface Options {
  seconds: number;
  connections: number;
  cases: number;
  fresh: boolean;
  only: readonly string[];
  profileDir: string | undefined;
}

const log = (message: string): void => {
  process.stderr.write(`[search-bench] ${message}\n`);
};
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
const ratio = (a: number, b: number): number | null => (b > 0 ? round(a / b) : null);
// Whole requests per second, with a decimal for the slow floors (2.4 req/s).
const perSecond = (rps: number): number => round(rps, rps < 100 ? 1 : 0);

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      connections: { type: 'string' },
      cases: { type: 'string' },
      fresh: { type: 'boolean' },
      only: { type: 'string' },
      'profile-api': { type: 'string' },
    },
  });
  const integer = (name: string, text: string | undefined, fallback: number, min: number, max: number) => {
    const value = Number(text ?? fallback);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    }
    return value;
  };
  const only = values.only ? values.only.split(',').map((t) => t.trim()) : [...QUERY_TYPES];
  const unknown = only.filter((t) => !QUERY_TYPES.includes(t));
  if (unknown.length)
    throw new Error(`unknown query types ${unknown.join(', ')}; known: ${QUERY_TYPES.join(', ')}`);
  return {
    seconds: integer('seconds', values.seconds, 10, 1, 120),
    connections: integer('connections', values.connections, 50, 1, 500),
    cases: integer('cases', values.cases, 200, 1, 2000),
    fresh: values.fresh === true,
    only,
    profileDir: values['profile-api'] === undefined ? undefined : resolve(values['profile-api']),
  };
}

/** The built API against the bench database; resolves once it serves searches. */
async function startApi(
  databaseUrl: string,
  profileDir: string | undefined,
): Promise<{ url: string; pid: number | undefined }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    QUEUE_PREFIX: 'haoma_bench_search',
    // Production needs these; nothing here logs in or pays.
    AUTH_SECRET: randomBytes(32).toString('hex'),
    PAYMENTS_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRETS: 'whsec_bench',
  };
  delete env['PUBLIC_URL'];
  const execArgv: string[] = [];
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    execArgv.push('--require', join(__dirname, 'search-profile.js'));
    env['SEARCH_BENCH_PROFILE_DIR'] = profileDir;
  }
  const main = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
  const child = spawn(process.execPath, [...execArgv, main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  relay(child, 'api');
  const url = `http://127.0.0.1:${port}`;
  // The API listens only once its index is loaded (NumberIndexHolder's bootstrap).
  const health = await waitForHttp(`${url}/health`, child);
  if (health !== 200)
    log(`API /health answered ${health} (database or queue backend down?); searching anyway`);
  const search = await fetch(`${url}/api/v1/numbers?limit=1`, { signal: AbortSignal.timeout(10_000) });
  await search.arrayBuffer();
  if (search.status !== 200) throw new Error(`API search answered ${search.status}`);
  return { url, pid: child.pid };
}

/** The bare node:http server over the same index code; resolves once it listens. */
async function startBare(
  databaseUrl: string,
): Promise<{ url: string; pid: number | undefined; ready: BareReady }> {
  const child = fork(join(__dirname, 'search-bare.js'), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  track(child);
  relay(child, 'bare');
  const ready = await new Promise<BareReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the bare server did not start in time')),
      START_TIMEOUT_MS,
    );
    child.on('message', (message) => {
      const ready = message as BareReady;
      if (ready.type !== 'ready') return;
      clearTimeout(timer);
      resolve(ready);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bare server exited (code ${code}) before it listened`));
    });
  });
  return { url: `http://127.0.0.1:${ready.port}`, pid: child.pid, ready };
}

// ---------------------------------------------------------------------------------------
// Requests: each case's page is fetched once first, for the cursor of page 2 and the rows
// the floor must return.

interface SearchPage {
  items: { digits: string }[];
  nextCursor: string | null;
}

async function getPage(url: string, path: string): Promise<SearchPage> {
  const response = await fetch(url + path, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as SearchPage;
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

interface ResolvedCases {
  paths: string[];
  floor: SqlLoadCase[];
  page2: number;
  /** Cases where the bare server's page differs from the API's (must be 0). */
  bareMismatches: number;
}

async function resolveCases(
  cases: readonly SearchCase[],
  apiUrl: string,
  bareUrl: string,
): Promise<ResolvedCases> {
  const resolved: { path: string; floor: SqlLoadCase; page2: boolean; bareMismatch: boolean }[] = [];
  const one = async (item: SearchCase, at: number): Promise<void> => {
    let path = apiPath(item.params);
    let page = await getPage(apiUrl, path);
    let after: PageStart | undefined;
    if (item.page2 && page.nextCursor !== null) {
      const cursor = decodeCursor(page.nextCursor, 'fee_asc');
      if (!cursor.ok) throw new Error(`undecodable cursor from ${path}: ${cursor.message}`);
      after = { feeFen: cursor.key.feeFen, number: cursor.key.number };
      path = apiPath(item.params, page.nextCursor);
      page = await getPage(apiUrl, path);
    }
    const expected = page.items.map((i) => i.digits);
    const bare = (await getPage(bareUrl, path)).items.map((i) => i.digits);
    resolved[at] = {
      path,
      floor: { sql: floorSql(item.params, after), expected },
      page2: after !== undefined,
      bareMismatch: bare.join() !== expected.join(),
    };
  };
  // A few at a time; each keeps its place, the order of the list being the order of the load.
  for (let i = 0; i < cases.length; i += 8) {
    await Promise.all(cases.slice(i, i + 8).map((item, j) => one(item, i + j)));
  }
  const ordered = resolved.filter((r) => r !== undefined);
  return {
    paths: ordered.map((r) => r.path),
    floor: ordered.map((r) => r.floor),
    page2: ordered.filter((r) => r.page2).length,
    bareMismatches: ordered.filter((r) => r.bareMismatch).length,
  };
}

// ---------------------------------------------------------------------------------------

function floorPool(databaseUrl: string, size: number): Pool {
  return new Pool({
    connectionString: databaseUrl,
    max: size,
    application_name: FLOOR_APPLICATION,
    statement_timeout: FLOOR_STATEMENT_TIMEOUT_MS,
  });
}

async function cancelRunning(databaseUrl: string, applicationName: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'haoma-bench-search-cancel' });
  await client.connect();
  try {
    await client.query(
      `SELECT pg_cancel_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
      [applicationName],
    );
  } finally {
    await client.end();
  }
}

function line(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(fields)}\n`);
}

async function main(): Promise<void> {
  stopChildrenOnExit(log);
  const options = readOptions();
  const serverUrl = parseConfig().DATABASE_URL;
  const db: BenchDatabaseInfo = await prepareBenchDatabase(serverUrl, options.fresh, log);

  let started = Date.now();
  log('starting the API (loads its index before it listens)');
  const api = await startApi(db.url, options.profileDir);
  const apiStartSeconds = (Date.now() - started) / 1000;
  started = Date.now();
  log('starting the bare server');
  const bare = await startBare(db.url);
  const bareStartSeconds = (Date.now() - started) / 1000;
  line({
    bench: 'search-setup',
    rows: db.rows,
    index_size: bare.ready.size,
    index_available: bare.ready.available,
    held: db.held,
    expired_holds: db.expiredHolds,
    database: db.built ? 'built' : 'reused',
    import_seconds: db.importSeconds === null ? null : round(db.importSeconds, 1),
    api_start_seconds: round(apiStartSeconds, 1),
    bare_start_seconds: round(bareStartSeconds, 1),
    api_rss_mb: processRssMb(api.pid),
    bare_rss_mb: processRssMb(bare.pid),
    seconds: options.seconds,
    connections: options.connections,
    cases: options.cases,
  });

  const pool = floorPool(db.url, FLOOR_POOL_SIZE);
  try {
    // Warm both servers up (JIT, caches) on page-1 requests of the mix, not measured.
    const warm = casesOf('mix', options.cases, 0).map((c) => apiPath(c.params));
    const maxRequests = MAX_RPS * options.seconds;
    for (const url of [api.url, bare.url]) {
      await runHttpLoad({
        url,
        paths: warm,
        connections: options.connections,
        seconds: WARMUP_SECONDS,
        maxRequests,
      });
    }
    for (const type of options.only) {
      const cases = await resolveCases(casesOf(type, options.cases, PAGE2_SHARE), api.url, bare.url);
      const load1m = loadavg()[0] ?? 0;
      const load = {
        paths: cases.paths,
        connections: options.connections,
        seconds: options.seconds,
        maxRequests,
      };
      log(`${type}: API`);
      const apiResult: HttpLoadResult = await runHttpLoad({ url: api.url, serverPid: api.pid, ...load });
      log(`${type}: bare`);
      const bareResult: HttpLoadResult = await runHttpLoad({ url: bare.url, serverPid: bare.pid, ...load });
      log(`${type}: floor`);
      const floor = await runSqlLoad({
        pool,
        applicationName: FLOOR_APPLICATION,
        cancel: (name) => cancelRunning(db.url, name),
        cases: cases.floor,
        connections: options.connections,
        seconds: options.seconds,
      });
      if (floor.requests < 10) {
        log(
          `${type}: the floor completed only ${floor.requests} queries (its rps is coarse; use --seconds 10 or more)`,
        );
      }
      line({
        bench: 'search',
        query: type,
        rps: perSecond(apiResult.rps),
        p50_ms: apiResult.p50Ms,
        p99_ms: apiResult.p99Ms,
        floor_rps: perSecond(floor.rps),
        ratio: ratio(apiResult.rps, floor.rps),
        bare_rps: perSecond(bareResult.rps),
        ratio_vs_bare: ratio(apiResult.rps, bareResult.rps),
        errors: apiResult.errors,
        requests: apiResult.requests,
        cpu_us_per_req: apiResult.serverCpuUsPerRequest,
        api_cores: apiResult.serverCores,
        loadgen_cores: apiResult.loadCores,
        bare_p50_ms: bareResult.p50Ms,
        bare_p99_ms: bareResult.p99Ms,
        bare_cpu_us_per_req: bareResult.serverCpuUsPerRequest,
        bare_errors: bareResult.errors,
        bare_mismatches: cases.bareMismatches,
        floor_p50_ms: floor.p50Ms,
        floor_p99_ms: floor.p99Ms,
        floor_queries: floor.requests,
        floor_errors: floor.errors,
        floor_mismatches: floor.mismatches,
        cases: cases.paths.length,
        page2_cases: cases.page2,
        loadavg_1m: round(load1m),
      });
      await sleep(500); // let cancelled floor statements wind down
    }
  } finally {
    await pool.end();
    await stopChildren();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
  void stopChildren();
});
