// Load drivers of the search benchmark: autocannon against an HTTP server, and the same
// concurrency over a pg.Pool for the floor. Both cycle through a fixed list of requests and
// time each response themselves (autocannon's own histogram has 1 ms steps).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Pool } from 'pg';
import type { SqlQuery } from './search-queries';

export interface LoadResult {
  /** Responses (2xx or not) per second of the measured window, unrounded. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses counted. */
  requests: number;
  /** Non-2xx responses, timeouts and connection errors (HTTP), or failed queries (SQL). */
  errors: number;
}

export interface HttpLoadResult extends LoadResult {
  /** CPU the server process used per response, in µs (null: not on Linux). */
  serverCpuUsPerRequest: number | null;
  /** Cores the server process used on average during the run (1 = one core busy). */
  serverCores: number | null;
  /** Cores this process (the load generator) used on average during the run. */
  loadCores: number;
}

export interface HttpLoad {
  /** Base URL of the server, loopback only. */
  url: string;
  /** Request paths (with query string), cycled through in order across all connections. */
  paths: readonly string[];
  connections: number;
  seconds: number;
  /** Hard limit on the requests of one run, besides the duration. */
  maxRequests: number;
  /** The server's process, to measure the CPU it uses. */
  serverPid?: number | undefined;
}

// Linux's user + system CPU time of a process (all its threads), in seconds; clock ticks
// are 1/100 s on every Linux build Node supports.
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Resident memory of a process in MB, from Linux's /proc (null elsewhere). */
export function processRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The `q` quantile (0…1) of ascending values, nearest rank. */
export function quantile(sorted: Float64Array | readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

function summarise(latencies: number[], seconds: number, errors: number): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    rps: latencies.length / seconds,
    p50Ms: round(quantile(sorted, 0.5), 2),
    p99Ms: round(quantile(sorted, 0.99), 2),
    requests: latencies.length,
    errors,
  };
}

/** One autocannon run (GET, keep-alive, no pipelining). */
export function runHttpLoad(load: HttpLoad): Promise<HttpLoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(load.url)) {
    return Promise.reject(new Error(`refusing to load a non-loopback address: ${load.url}`));
  }
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  return new Promise<HttpLoadResult>((resolve, reject) => {
    const started = process.hrtime.bigint();
    const serverCpuBefore = processCpuSeconds(load.serverPid);
    const ownCpuBefore = process.cpuUsage();
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.seconds,
        maxOverallRequests: load.maxRequests,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: load.paths[next++ % load.paths.length] ?? '/',
            }),
          },
        ],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
        const seconds = Math.min(elapsed, result.duration);
        const serverCpuAfter = processCpuSeconds(load.serverPid);
        const serverCpu =
          serverCpuBefore === undefined || serverCpuAfter === undefined
            ? undefined
            : serverCpuAfter - serverCpuBefore;
        const ownCpu = process.cpuUsage(ownCpuBefore);
        resolve({
          ...summarise(latencies, seconds, failed + result.errors),
          serverCpuUsPerRequest:
            serverCpu === undefined || latencies.length === 0
              ? null
              : round((serverCpu * 1e6) / latencies.length, 0),
          serverCores: serverCpu === undefined ? null : round(serverCpu / elapsed, 2),
          loadCores: round((ownCpu.user + ownCpu.system) / 1e6 / elapsed, 2),
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) failed++;
    });
  });
}

export interface SqlLoadCase {
  readonly sql: SqlQuery;
  /** The numbers the API answered for the same request, in order. */
  readonly expected: readonly string[];
}

export interface SqlLoad {
  pool: Pool;
  /** `application_name` of the pool's connections, to cancel what still runs at the end. */
  applicationName: string;
  /** A client of its own, used to cancel the statements still running at the deadline. */
  cancel: (applicationName: string) => Promise<void>;
  cases: readonly SqlLoadCase[];
  connections: number;
  seconds: number;
}

export interface SqlLoadResult extends LoadResult {
  /** Completed queries whose rows differ from the API's answer. */
  mismatches: number;
}

/**
 * The floor: `connections` callers share the pool, each sending the next query as soon as
 * its last one answered, for `seconds`. Latency includes the wait for a pooled connection
 * (as an HTTP request's includes the server's queue). At the deadline nothing new starts
 * and the statements still running are cancelled, so the run ends on time.
 */
export async function runSqlLoad(load: SqlLoad): Promise<SqlLoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  let mismatches = 0;
  const started = performance.now();
  const deadline = started + load.seconds * 1000;
  let over = false;
  const timer = setTimeout(() => {
    over = true;
    load.cancel(load.applicationName).catch((error: unknown) => {
      process.stderr.write(`could not cancel the floor's queries: ${String(error)}\n`);
    });
  }, load.seconds * 1000);

  const caller = async (): Promise<void> => {
    while (!over) {
      const item = load.cases[next++ % load.cases.length];
      if (!item) return;
      const sent = performance.now();
      const client = await load.pool.connect();
      try {
        if (over) return;
        const { rows } = await client.query<{ number: string }>(item.sql.text, item.sql.values);
        const done = performance.now();
        if (done > deadline) return;
        latencies.push(done - sent);
        const got = rows.map((r) => r.number);
        if (got.length !== item.expected.length || got.some((n, i) => n !== item.expected[i])) mismatches++;
      } catch (error) {
        if (!over) {
          errors++;
          if (errors <= 3) process.stderr.write(`floor query failed: ${String(error)}\n`);
        }
      } finally {
        client.release();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: load.connections }, caller));
  } finally {
    clearTimeout(timer);
  }
  return { ...summarise(latencies, load.seconds, errors), mismatches };
}
