import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client, Pool } from 'pg';
import { parseConfig, withDatabase } from '@haoma/config';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource, migrateDatabase } from '@haoma/db';
import { importNumbersInWorker } from '@haoma/inventory';
import { freePort, spawnApp, stopChild, stopChildrenOnExit, waitForHttp } from './bench-processes';
import { JsonClient } from './orders-http';
import { quantile } from './search-load';

// The order benchmark: see bench/README.md ("Orders"). A throwaway database with 200,000
// numbers, the built API and worker as child processes, and three cases — holds on random
// free numbers (API vs the same conditional UPDATE through the plain driver), contention on
// one number per round, and the lateness of hold expiry — one JSON line each.

const DATABASE = 'haoma_bench_orders';
const BLOCKS = ['4006', '4008'];
const PER_BLOCK = 100_000;
const PASSWORD = 'Bench-passw0rd-2026';
const FLOOR_POOL_SIZE = 10;

interface Options {
  seconds: number;
  connections: number;
  rounds: number;
  contenders: number;
  expiries: number;
  holdTtlSeconds: number;
  only: readonly string[];
}

const CASES = ['hold', 'contention', 'expiry'] as const;
const log = (message: string): void => {
  process.stderr.write(`[orders-bench] ${message}\n`);
};
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
// The first unexpected answer of each kind is shown, so a broken run says why.
const reported = new Set<string>();
function reportUnexpected(what: string, status: number, body: unknown): void {
  const key = `${what} ${status}`;
  if (reported.has(key)) return;
  reported.add(key);
  log(`${what}: unexpected ${status} ${JSON.stringify(body).slice(0, 300)}`);
}
const line = (fields: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'orders', ...fields })}\n`);
};

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      connections: { type: 'string' },
      rounds: { type: 'string' },
      contenders: { type: 'string' },
      expiries: { type: 'string' },
      'hold-ttl': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const integer = (name: string, text: string | undefined, fallback: number, min: number, max: number) => {
    const value = Number(text ?? fallback);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return value;
  };
  const only = values.only ? values.only.split(',').map((c) => c.trim()) : [...CASES];
  const unknown = only.filter((c) => !(CASES as readonly string[]).includes(c));
  if (unknown.length) throw new Error(`unknown cases ${unknown.join(', ')}; known: ${CASES.join(', ')}`);
  return {
    seconds: integer('seconds', values.seconds, 10, 1, 120),
    connections: integer('connections', values.connections, 50, 1, 500),
    rounds: integer('rounds', values.rounds, 1000, 1, 100_000),
    contenders: integer('contenders', values.contenders, 64, 2, 500),
    expiries: integer('expiries', values.expiries, 10_000, 1, 100_000),
    holdTtlSeconds: integer('hold-ttl', values['hold-ttl'], 30, 10, 3600),
    only,
  };
}

async function prepareDatabase(serverUrl: string): Promise<string> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, DATABASE);
  await migrateDatabase(url, 'haoma-bench-orders-setup');
  const dataSource = await createDataSource({ url, poolSize: 1 }).initialize();
  try {
    await seedCatalog(dataSource);
  } finally {
    await dataSource.destroy();
  }
  for (const block of BLOCKS) {
    await importNumbersInWorker(
      url,
      { kind: 'generate', options: { block, count: PER_BLOCK, seed: 'orders-bench' } },
      { source: `bench ${block}`, startedBy: 'bench:orders' },
    );
  }
  return url;
}

/** Free numbers in a random order (deterministic per run is not needed: each is used once). */
async function freeNumbers(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ number: string }>(
    `SELECT number FROM numbers WHERE status = 'available' ORDER BY random()`,
  );
  return rows.map((r) => r.number);
}

interface Servers {
  apiUrl: string;
  api: ReturnType<typeof spawnApp>;
}

async function startApi(env: NodeJS.ProcessEnv): Promise<Servers> {
  const port = await freePort();
  const api = spawnApp('api', {
    ...env,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    PUBLIC_URL: undefined,
  });
  const apiUrl = `http://127.0.0.1:${port}`;
  const health = await waitForHttp(`${apiUrl}/health`, api);
  if (health !== 200) log(`API /health answered ${health}`);
  return { apiUrl, api };
}

/** Registers `count` customers through the API; returns their access tokens. */
async function registerCustomers(client: JsonClient, count: number, tag: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async (_, j) => {
        const n = i + j;
        const response = await client.send('POST', '/api/v1/auth/register', {
          companyName: `Bench ${tag} ${n} 有限公司`,
          contactName: `Bench ${n}`,
          email: `bench-${tag}-${n}@bench.haoma.test`,
          mobile: `139${String(10_000_000 + n).slice(-8)}`,
          password: PASSWORD,
        });
        const body = response.body as { accessToken?: string };
        if (response.status !== 201 || !body.accessToken)
          throw new Error(`register answered ${response.status}: ${JSON.stringify(response.body)}`);
        return body.accessToken;
      }),
    );
    tokens.push(...batch);
  }
  return tokens;
}

interface Timed {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** `connections` callers, each doing `work(i)` back to back for `seconds`. */
async function closedLoop(
  connections: number,
  seconds: number,
  work: (i: number) => Promise<boolean>,
): Promise<Timed> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const sent = performance.now();
        const ok = await work(i).catch(() => false);
        const done = performance.now();
        if (done > deadline) return;
        latencies.push(done - sent);
        if (!ok) errors++;
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

const summary = (t: Timed) => {
  const sorted = Float64Array.from(t.latencies).sort();
  return {
    rps: t.latencies.length / t.seconds,
    p50_ms: round(quantile(sorted, 0.5)),
    p99_ms: round(quantile(sorted, 0.99)),
  };
};

async function holdCase(
  options: Options,
  client: JsonClient,
  pool: Pool,
  tokens: string[],
  numbers: string[],
) {
  // Disjoint numbers for the API and the floor; each customer holds at most MAX_HOLDS.
  const half = Math.floor(numbers.length / 2);
  const apiNumbers = numbers.slice(0, half);
  const floorNumbers = numbers.slice(half);
  log(`hold: API, ${options.connections} connections, ${options.seconds} s`);
  const api = await closedLoop(options.connections, options.seconds, async (i) => {
    const response = await client.send(
      'POST',
      '/api/v1/orders',
      { number: apiNumbers[i] },
      tokens[i % tokens.length],
    );
    if (response.status !== 201) reportUnexpected('hold', response.status, response.body);
    return response.status === 201;
  });
  log(`hold: floor (plain driver, pool of ${FLOOR_POOL_SIZE}), ${options.connections} callers`);
  const floor = await closedLoop(options.connections, options.seconds, async (i) => {
    const result = await pool.query(
      `UPDATE numbers SET status = 'held', holder_order_id = gen_random_uuid(),
              held_until = now() + interval '30 minutes', status_changed_at = now(), updated_at = now()
        WHERE number = $1 AND status = 'available'`,
      [floorNumbers[i]],
    );
    return result.rowCount === 1;
  });
  const a = summary(api);
  const f = summary(floor);
  line({
    case: 'hold',
    rps: Math.round(a.rps),
    p50_ms: a.p50_ms,
    p99_ms: a.p99_ms,
    floor_rps: Math.round(f.rps),
    floor_p99_ms: f.p99_ms,
    ratio: round(a.rps / f.rps),
    holds: api.latencies.length - api.errors,
    errors: api.errors + floor.errors,
  });
}

async function contentionCase(
  options: Options,
  client: JsonClient,
  pool: Pool,
  tokens: string[],
  numbers: string[],
) {
  log(`contention: ${options.contenders} clients on one number, ${options.rounds} rounds`);
  const loserMs: number[] = [];
  const floorLoserMs: number[] = [];
  let badRounds = 0;
  let floorBadRounds = 0;
  let errors = 0;
  const started = performance.now();
  for (let r = 0; r < options.rounds; r++) {
    const number = numbers[2 * r];
    const results = await Promise.all(
      Array.from({ length: options.contenders }, (_, c) =>
        client.send('POST', '/api/v1/orders', { number }, tokens[c % tokens.length]),
      ),
    );
    const won = results.filter((x) => x.status === 201).length;
    const lost = results.filter((x) => x.status === 409);
    for (const x of results)
      if (x.status !== 201 && x.status !== 409) reportUnexpected('contention', x.status, x.body);
    errors += results.length - won - lost.length;
    if (won !== 1) badRounds++;
    for (const x of lost) loserMs.push(x.ms);
    // The floor: the same race as bare conditional UPDATEs on another number.
    const floorNumber = numbers[2 * r + 1];
    const floorResults = await Promise.all(
      Array.from({ length: options.contenders }, async () => {
        const sent = performance.now();
        const result = await pool.query(
          `UPDATE numbers SET status = 'held', holder_order_id = gen_random_uuid(),
                  held_until = now() + interval '30 minutes' WHERE number = $1 AND status = 'available'`,
          [floorNumber],
        );
        return { won: result.rowCount === 1, ms: performance.now() - sent };
      }),
    );
    if (floorResults.filter((x) => x.won).length !== 1) floorBadRounds++;
    for (const x of floorResults) if (!x.won) floorLoserMs.push(x.ms);
    if ((r + 1) % 100 === 0) log(`contention: ${r + 1}/${options.rounds} rounds`);
  }
  const sorted = Float64Array.from(loserMs).sort();
  const floorSorted = Float64Array.from(floorLoserMs).sort();
  const held: { holders: string }[] = (
    await pool.query(
      `SELECT count(*)::int AS holders FROM orders WHERE number = ANY($1) AND status = 'selecting'`,
      [numbers.filter((_, i) => i % 2 === 0 && i < 2 * options.rounds)],
    )
  ).rows;
  line({
    case: 'contention',
    rounds: options.rounds,
    contenders: options.contenders,
    rounds_with_one_winner: options.rounds - badRounds,
    holders_in_db: Number(held[0]?.holders ?? 0),
    loser_p50_ms: round(quantile(sorted, 0.5)),
    loser_p99_ms: round(quantile(sorted, 0.99)),
    floor_loser_p99_ms: round(quantile(floorSorted, 0.99)),
    floor_rounds_with_one_winner: options.rounds - floorBadRounds,
    seconds: round((performance.now() - started) / 1000, 1),
    errors: errors + badRounds,
  });
}

async function expiryCase(
  options: Options,
  client: JsonClient,
  pool: Pool,
  tokens: string[],
  numbers: string[],
) {
  log(`expiry: ${options.expiries} holds of ${options.holdTtlSeconds} s`);
  const created: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (next < options.expiries) {
        const i = next++;
        const response = await client
          .send('POST', '/api/v1/orders', { number: numbers[i] }, tokens[i % tokens.length])
          .catch(() => undefined);
        const id = (response?.body as { id?: string } | undefined)?.id;
        if (response?.status === 201 && id) created.push(id);
        else errors++;
      }
    }),
  );
  const createSeconds = (performance.now() - started) / 1000;
  log(`expiry: created ${created.length} holds in ${round(createSeconds, 1)} s; waiting for them to expire`);
  const deadline = Date.now() + (options.holdTtlSeconds + createSeconds + 120) * 1000;
  let waiting = created.length;
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders WHERE id = ANY($1) AND status IN ('selecting', 'awaiting_payment')`,
      [created],
    );
    waiting = rows[0]?.n ?? 0;
    if (waiting === 0) break;
    await sleep(1000);
  }
  const { rows } = await pool.query<{ lateness_ms: number; actor: string }>(
    `SELECT extract(epoch FROM (e.created_at - o.hold_until)) * 1000 AS lateness_ms, e.actor
       FROM orders o JOIN order_events e ON e.order_id = o.id AND e.event = 'hold_expired'
      WHERE o.id = ANY($1)`,
    [created],
  );
  const lateness = Float64Array.from(rows.map((r) => Number(r.lateness_ms))).sort();
  line({
    case: 'expiry',
    holds: created.length,
    expired: rows.length,
    create_seconds: round(createSeconds, 1),
    lateness_p50_ms: round(quantile(lateness, 0.5)),
    lateness_p99_ms: round(quantile(lateness, 0.99)),
    lateness_max_ms: round(lateness[lateness.length - 1] ?? Number.NaN),
    early: lateness.filter((ms) => ms < 0).length,
    by_sweeper: rows.filter((r) => r.actor === 'system:sweeper').length,
    errors: errors + waiting + lateness.filter((ms) => ms < 0).length,
  });
}

async function main(): Promise<void> {
  const options = readOptions();
  stopChildrenOnExit(log);
  const config = parseConfig();
  log('preparing the database');
  const url = await prepareDatabase(config.DATABASE_URL);
  const pool = new Pool({
    connectionString: url,
    max: FLOOR_POOL_SIZE,
    application_name: 'haoma-bench-orders-floor',
  });
  const queuePrefix = `haoma_bench_orders_${randomBytes(3).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    // Production refuses the payments sandbox; nothing here pays, so a placeholder key will do.
    PAYMENTS_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRETS: 'whsec_bench',
    DATABASE_URL: url,
    RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: queuePrefix,
    MAX_HOLDS: '100',
    MAIL_DIR: `/tmp/${queuePrefix}-mail`,
  };
  const worker = spawnApp('worker', env);
  try {
    const numbers = await freeNumbers(pool);
    let used = 0;
    const take = (count: number) => numbers.slice(used, (used += count));

    if (options.only.includes('hold') || options.only.includes('contention')) {
      const { apiUrl, api } = await startApi({ ...env, HOLD_TTL: '30m' });
      const client = new JsonClient(apiUrl, Math.max(options.connections, options.contenders));
      if (options.only.includes('hold')) {
        // 100 holds each at most (MAX_HOLDS): enough customers for 20,000 holds.
        const tokens = await registerCustomers(client, 200, 'h');
        await holdCase(options, client, pool, tokens, take(100_000));
      }
      if (options.only.includes('contention')) {
        const tokens = await registerCustomers(client, options.contenders, 'c');
        await contentionCase(options, client, pool, tokens, take(2 * options.rounds));
      }
      client.close();
      await stopChild(api);
    }
    if (options.only.includes('expiry')) {
      const { apiUrl, api } = await startApi({ ...env, HOLD_TTL: `${options.holdTtlSeconds}s` });
      const client = new JsonClient(apiUrl, options.connections);
      const tokens = await registerCustomers(client, Math.ceil(options.expiries / 90), 'e');
      await expiryCase(options, client, pool, tokens, take(options.expiries));
      client.close();
      await stopChild(api);
    }
  } finally {
    await stopChild(worker);
    await pool.end();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
