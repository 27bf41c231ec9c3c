import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { parseConfig } from '@haoma/config';
import { freePort, spawnApp, stopChild, stopChildrenOnExit, waitForHttp } from './bench-processes';
import {
  auditApplied,
  dropWebhooksDatabase,
  eventProgress,
  FLOOR_TABLE,
  insertAwaitingPayments,
  recreateDatabase,
  storedEvents,
  WARMUP_TYPE,
  WEBHOOKS_DATABASE,
} from './webhooks-db';
import { deliverySigner, planDeliveries, type Delivery } from './webhooks-events';
import { figures, RawPoster, runEach } from './webhooks-http';

// The webhook benchmark: see bench/README.md ("Webhooks"). Signed Stripe deliveries (with
// duplicates, shuffled) through the built API's webhook endpoint against the floor — the
// same rows as bare `INSERT … ON CONFLICT DO NOTHING` through the plain driver — and then
// the worker applying every stored event, audited for exactly-once effects.

const WEBHOOK_PATH = '/api/v1/webhooks/stripe';
const FLOOR_POOL_SIZE = 10;
const WARMUP_EVENTS = 500;
const WEBHOOK_SECRET = `whsec_bench${randomBytes(12).toString('hex')}`;

interface Options {
  events: number;
  duplicatesShare: number;
  connections: number;
  applyTimeoutSeconds: number;
  /**
   * `after` (default): the worker starts once ingest is measured, so the API and the floor
   * run on the same otherwise idle machine; `during`: it applies while the API ingests, as
   * in production, sharing the cores with it.
   */
  worker: 'during' | 'after';
  keepDb: boolean;
  /** Where the API's CPU profile goes (the search benchmark's preload), if anywhere. */
  profileDir: string | undefined;
}

const log = (message: string): void => {
  process.stderr.write(`[webhooks-bench] ${message}\n`);
};
const line = (fields: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'webhooks', ...fields })}\n`);
};

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '10000' },
      'duplicates-share': { type: 'string', default: '0.3' },
      connections: { type: 'string', default: '50' },
      'apply-timeout': { type: 'string', default: '120' },
      worker: { type: 'string', default: 'after' },
      'keep-db': { type: 'boolean', default: false },
      'profile-api': { type: 'string' },
    },
  });
  const number = (name: string, text: string, min: number, max: number, integer = true): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max)
      throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    return value;
  };
  if (values.worker !== 'during' && values.worker !== 'after')
    throw new Error('--worker must be during or after');
  return {
    events: number('events', values.events, 10, 500_000),
    duplicatesShare: number('duplicates-share', values['duplicates-share'], 0, 0.9, false),
    connections: number('connections', values.connections, 1, 500),
    applyTimeoutSeconds: number('apply-timeout', values['apply-timeout'], 10, 3600),
    worker: values.worker,
    keepDb: values['keep-db'],
    profileDir: values['profile-api'] === undefined ? undefined : resolve(values['profile-api']),
  };
}

/** Events of a type nobody handles: they warm up both paths and tell when the worker runs. */
function warmupDeliveries(): Delivery[] {
  return Array.from({ length: WARMUP_EVENTS }, (_, i) => {
    const eventId = `evt_bench_warmup${i}`;
    const body = { id: eventId, object: 'event', type: WARMUP_TYPE, data: { object: { id: `warm_${i}` } } };
    return { eventId, type: body.type, sessionId: body.data.object.id, body: JSON.stringify(body) };
  });
}

/** The floor: each delivery as one bare INSERT … ON CONFLICT DO NOTHING, pool of 10. */
function floorInsert(pool: Pool, table: string): (delivery: Delivery) => Promise<boolean> {
  const sql = `INSERT INTO ${table} (id, provider, type, object_id, payload) VALUES ($1, 'stripe', $2, $3, $4)
               ON CONFLICT (id) DO NOTHING`;
  return async (d) => {
    await pool.query(sql, [`stripe:${d.eventId}`, d.type, d.sessionId, d.body]);
    return true;
  };
}

interface ApiTally {
  /** Answers 200 {duplicate: false}, per event id: exactly one each is right. */
  accepted: Map<string, number>;
  duplicates: number;
  shown: Set<string>;
}

/** The API: each delivery signed now and POSTed raw; a 200 is a success, its `duplicate` flag tallied. */
function apiDelivery(poster: RawPoster, sign: (d: Delivery) => string, tally: ApiTally) {
  return async (d: Delivery): Promise<boolean> => {
    const answer = await poster.post(WEBHOOK_PATH, d.body, { 'stripe-signature': sign(d) });
    const parsed = answer.status === 200 ? (JSON.parse(answer.text) as { duplicate?: boolean }) : null;
    if (!parsed) {
      const key = String(answer.status);
      if (!tally.shown.has(key)) log(`unexpected ${answer.status}: ${answer.text.slice(0, 300)}`);
      tally.shown.add(key);
      return false;
    }
    if (parsed.duplicate) tally.duplicates++;
    else tally.accepted.set(d.eventId, (tally.accepted.get(d.eventId) ?? 0) + 1);
    return true;
  };
}

async function waitUntil(what: string, seconds: number, done: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await sleep(250);
  }
  log(`gave up waiting for ${what} after ${seconds} s`);
  return false;
}

async function main(): Promise<void> {
  const options = readOptions();
  stopChildrenOnExit(log);
  const serverUrl = parseConfig().DATABASE_URL;
  const sessions = Math.round(options.events * (1 - options.duplicatesShare));
  log(`preparing ${WEBHOOKS_DATABASE}: ${sessions} orders awaiting payment`);
  const url = await recreateDatabase(serverUrl);
  const payments = await insertAwaitingPayments(url, sessions);
  const plan = planDeliveries(payments, options.events - sessions);
  const pool = new Pool({
    connectionString: url,
    max: FLOOR_POOL_SIZE,
    application_name: 'haoma-bench-webhooks',
  });
  const queuePrefix = `haoma_bench_webhooks_${randomBytes(3).toString('hex')}`;
  const mailDir = `/tmp/${queuePrefix}-mail`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    PAYMENTS_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRETS: WEBHOOK_SECRET,
    // Nothing may call Stripe here; should something try, it meets a closed local port.
    STRIPE_API_URL: `http://127.0.0.1:${await freePort()}`,
    DATABASE_URL: url,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: queuePrefix,
    MAIL_DIR: mailDir,
    OUTBOX_POLL_INTERVAL_MS: '1000',
  };
  const apiPort = await freePort();
  if (options.profileDir) await mkdir(options.profileDir, { recursive: true });
  const api = spawnApp(
    'api',
    {
      ...env,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      PUBLIC_URL: undefined,
      SEARCH_BENCH_PROFILE_DIR: options.profileDir,
    },
    [],
    options.profileDir ? ['--require', join(__dirname, 'search-profile.js')] : [],
  );
  let worker = options.worker === 'during' ? spawnApp('worker', env) : undefined;
  const poster = new RawPoster(`http://127.0.0.1:${apiPort}`, options.connections);
  try {
    await waitForHttp(`http://127.0.0.1:${apiPort}/health`, api);
    const sign = deliverySigner(WEBHOOK_SECRET);
    const warmup = warmupDeliveries();
    const tally: ApiTally = { accepted: new Map(), duplicates: 0, shown: new Set() };
    log(`warm-up: ${WARMUP_EVENTS} ignored events through both paths`);
    const toApi = apiDelivery(poster, sign, tally);
    await runEach(warmup.length, options.connections, (i) => toApi(warmup[i] as Delivery));
    const toFloor = floorInsert(pool, FLOOR_TABLE);
    await runEach(warmup.length, options.connections, (i) => toFloor(warmup[i] as Delivery));
    if (worker)
      await waitUntil('the worker to start', 120, async () => (await eventProgress(pool)).unprocessed === 0);
    tally.accepted.clear();
    tally.duplicates = 0;

    const { deliveries } = plan;
    const load = loadavg()[0] ?? 0;
    log(`floor: ${deliveries.length} INSERTs, ${options.connections} callers, pool of ${FLOOR_POOL_SIZE}`);
    const floor = await runEach(deliveries.length, options.connections, (i) =>
      toFloor(deliveries[i] as Delivery),
    );
    log(
      `api: ${deliveries.length} deliveries, ${options.connections} connections (worker ${options.worker})`,
    );
    const ingestStarted = performance.now();
    const viaApi = await runEach(deliveries.length, options.connections, (i) =>
      toApi(deliveries[i] as Delivery),
    );

    const apiStored = await storedEvents(pool, 'webhook_events');
    const floorStored = await storedEvents(pool, FLOOR_TABLE);
    // Each distinct event accepted once, every repeat answered as a duplicate, both tables alike.
    const acceptedWrong =
      plan.distinctEvents -
      [...tally.accepted.values()].filter((n) => n === 1).length +
      (tally.duplicates === plan.repeats ? 0 : 1);
    const a = figures(viaApi);
    const f = figures(floor);
    line({
      case: 'ingest',
      events: deliveries.length,
      duplicates: deliveries.length - payments.length,
      repeats: plan.repeats,
      second_events: plan.distinctEvents - payments.length,
      connections: options.connections,
      worker: options.worker,
      rps: a.rps,
      p50_ms: a.p50_ms,
      p99_ms: a.p99_ms,
      floor_rps: f.rps,
      floor_p50_ms: f.p50_ms,
      floor_p99_ms: f.p99_ms,
      ratio: Number((a.rps / f.rps).toFixed(2)),
      stored: apiStored,
      floor_stored: floorStored,
      load_1m: Number(load.toFixed(2)),
      errors:
        viaApi.errors +
        floor.errors +
        acceptedWrong +
        (apiStored === plan.distinctEvents ? 0 : 1) +
        (floorStored === plan.distinctEvents ? 0 : 1),
    });

    const applyStarted = worker ? ingestStarted : performance.now();
    worker ??= spawnApp('worker', env);
    log(`apply: waiting up to ${options.applyTimeoutSeconds} s for the worker`);
    let appliedSeconds = Number.NaN;
    const complete = await waitUntil('every payment applied', options.applyTimeoutSeconds, async () => {
      if ((await eventProgress(pool)).unprocessed > 0) return false;
      if (Number.isNaN(appliedSeconds)) appliedSeconds = (performance.now() - applyStarted) / 1000;
      const audit = await auditApplied(pool);
      return audit.receiptOnce === audit.payments;
    });
    const seconds = (performance.now() - applyStarted) / 1000;
    const audit = await auditApplied(pool);
    const { unprocessed } = await eventProgress(pool);
    line({
      case: 'apply',
      payments: audit.payments,
      applied_once: audit.appliedOnce,
      paid: audit.paid,
      awaiting_documents: audit.awaitingDocuments,
      confirmed_once: audit.confirmedOnce,
      locked_once: audit.lockedOnce,
      receipt_once: audit.receiptOnce,
      refunds: audit.refunds,
      unprocessed_events: unprocessed,
      worker: options.worker,
      seconds_to_apply: Number(appliedSeconds.toFixed(1)),
      seconds_to_receipts: complete ? Number(seconds.toFixed(1)) : null,
      errors:
        audit.payments -
        audit.appliedOnce +
        audit.refunds +
        unprocessed +
        (audit.payments === sessions ? 0 : 1),
    });
  } finally {
    poster.close();
    await Promise.all([stopChild(api), worker ? stopChild(worker) : undefined]);
    await pool.end();
    await rm(mailDir, { recursive: true, force: true });
    if (!options.keepDb) await dropWebhooksDatabase(serverUrl);
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
