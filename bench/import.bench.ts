import 'reflect-metadata';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parseConfig, withDatabase } from '@haoma/config';
import { migrateDatabase } from '@haoma/db';
import { BLOCKS } from '@haoma/domain';
import { BLOCK_SIZE, generateNumbers, importNumbersInWorker, type ImportSummary } from '@haoma/inventory';

// The import benchmark: see bench/README.md. One run = build a CSV, time the floor (a bare
// COPY of the file plus its primary key), time our import of the same file in a child
// process (so its peak RSS is the import's own), print one JSON line per case.

const BENCH_DATABASE = 'haoma_bench';
// USER_HZ of /proc/<pid>/stat: 100 on every Linux architecture Node runs on.
const CLOCK_TICKS = 100;
const BLOCK_CODES = BLOCKS.map((b) => b.block).sort();
const DISTINCT = BLOCK_CODES.length * BLOCK_SIZE;

interface ChildReport {
  summary: ImportSummary;
  maxRssMb: number;
  cpuSeconds: number;
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshDatabase(serverUrl: string): Promise<string> {
  await admin(serverUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE "${BENCH_DATABASE}"`);
  const url = withDatabase(serverUrl, BENCH_DATABASE);
  await migrateDatabase(url, 'haoma-bench');
  return url;
}

// The six blocks in order, then (past 6,000,000 lines) the same numbers again.
function* benchNumbers(count: number): Generator<string> {
  let written = 0;
  while (written < count) {
    for (const block of BLOCK_CODES) {
      const take = Math.min(BLOCK_SIZE, count - written);
      if (take <= 0) return;
      yield* generateNumbers({ block, count: take });
      written += take;
    }
  }
}

async function writeCsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (const number of benchNumbers(count)) {
    chunk += `${number}\n`;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function floor(url: string, file: string, unique: boolean): Promise<{ copy: number; index: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_floor ("number" varchar(10) COLLATE "C" NOT NULL)');
    await client.query('CHECKPOINT');
    let started = process.hrtime.bigint();
    await pipeline(createReadStream(file), client.query(copyFrom('COPY bench_floor FROM STDIN')));
    const copy = seconds(started);
    started = process.hrtime.bigint();
    // With repeated lines a primary key cannot be built; a plain index costs about the same.
    await client.query(
      unique
        ? 'ALTER TABLE bench_floor ADD CONSTRAINT bench_floor_pkey PRIMARY KEY ("number")'
        : 'CREATE INDEX bench_floor_number_idx ON bench_floor ("number")',
    );
    const index = seconds(started);
    await client.query('DROP TABLE bench_floor');
    await client.query('CHECKPOINT');
    return { copy, index };
  } finally {
    await client.end();
  }
}

interface BackendUsage {
  /** CPU time of the import's Postgres backend(s). */
  cpuSeconds: number;
  /** Time they were ready to run but waited for a CPU (other work on the machine). */
  cpuWaitSeconds: number;
}

// Linux only, and only when the server runs on this machine: samples /proc of the import's
// backend while it lives (it exits with the import). Undefined when nothing could be read.
function watchImportBackend(url: string): () => Promise<BackendUsage | undefined> {
  const client = new Client({ connectionString: url });
  const usage = new Map<number, BackendUsage>();
  let running = true;
  const sample = (pid: number): void => {
    try {
      // Fields 14 and 15 of stat (after the command in parentheses) are user and system ticks.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const ticks = Number(stat[11]) + Number(stat[12]);
      const waitNs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
      if (Number.isFinite(ticks) && Number.isFinite(waitNs))
        usage.set(pid, { cpuSeconds: ticks / CLOCK_TICKS, cpuWaitSeconds: waitNs / 1e9 });
    } catch {
      // Gone, or not on this machine.
    }
  };
  const done = (async () => {
    await client.connect();
    try {
      while (running) {
        const backends = await client.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'haoma-import'`,
        );
        for (const { pid } of backends.rows) sample(pid);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await client.end();
    }
  })().catch(() => undefined);
  return async () => {
    running = false;
    await done;
    if (usage.size === 0) return undefined;
    const total = { cpuSeconds: 0, cpuWaitSeconds: 0 };
    for (const u of usage.values()) {
      total.cpuSeconds += u.cpuSeconds;
      total.cpuWaitSeconds += u.cpuWaitSeconds;
    }
    return total;
  };
}

async function importInChild(url: string, file: string, batchLines: string): Promise<ChildReport> {
  const args = ['--child', file, url, batchLines];
  const child = fork(__filename, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const report = new Promise<ChildReport>((resolve) =>
    child.once('message', (m) => resolve(m as ChildReport)),
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`import child exited with code ${code}`);
  return report;
}

async function runChild(file: string, url: string, batchLines: string | undefined): Promise<void> {
  // The same path as `npm run inventory -- import`: a worker thread with capped heaps.
  const summary = await importNumbersInWorker(
    url,
    { kind: 'file', path: file },
    { source: file, startedBy: 'bench', ...(batchLines ? { batchLines: Number(batchLines) } : {}) },
  );
  const cpu = process.cpuUsage();
  const report: ChildReport = {
    summary: { ...summary, rejections: summary.rejections.slice(0, 5) },
    // maxRSS is in kilobytes.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
  process.send?.(report);
}

async function countRows(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM numbers')).rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      'batch-lines': { type: 'string' },
      'keep-file': { type: 'boolean' },
      'keep-db': { type: 'boolean' },
    },
  });
  const count = Number(values.count ?? DISTINCT);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
    throw new Error('--count must be an integer from 1 to 10,000,000');
  }
  const batchLines = values['batch-lines'] ?? '';
  if (batchLines !== '' && !(Number.isInteger(Number(batchLines)) && Number(batchLines) > 0)) {
    throw new Error('--batch-lines must be a positive integer');
  }
  const serverUrl = parseConfig().DATABASE_URL;
  const file = join(tmpdir(), `haoma-bench-${count}.csv`);
  const distinct = Math.min(count, DISTINCT);

  try {
    await writeCsv(file, count);
    const url = await freshDatabase(serverUrl);
    const f = await floor(url, file, distinct === count);
    const floorSeconds = f.copy + f.index;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'floor',
        rows: count,
        seconds: round(floorSeconds),
        copy_seconds: round(f.copy),
        index_seconds: round(f.index),
        rows_per_s: Math.round(count / floorSeconds),
      })}\n`,
    );

    const backendUsage = watchImportBackend(url);
    const { summary, maxRssMb, cpuSeconds } = await importInChild(url, file, batchLines);
    const backend = await backendUsage();
    const importSeconds = summary.durationMs / 1000;
    const rows = await countRows(url);
    const errors =
      summary.rejected +
      Math.abs(summary.added - distinct) +
      Math.abs(rows - distinct) +
      Math.abs(summary.linesRead - count);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'import',
        rows: count,
        seconds: round(importSeconds),
        rows_per_s: Math.round(count / importSeconds),
        floor_seconds: round(floorSeconds),
        ratio: round(importSeconds / floorSeconds, 2),
        peak_rss_mb: Math.round(maxRssMb),
        node_cpu_seconds: round(cpuSeconds, 1),
        ...(backend && {
          pg_cpu_seconds: round(backend.cpuSeconds, 1),
          pg_cpu_wait_seconds: round(backend.cpuWaitSeconds, 1),
        }),
        ...(batchLines && { batch_lines: Number(batchLines) }),
        added: summary.added,
        skipped: summary.skipped,
        errors,
      })}\n`,
    );
    if (!values['keep-db'])
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
  } finally {
    if (!values['keep-file']) await rm(file, { force: true });
  }
}

const [mode, childFile, childUrl, childBatchLines] = process.argv.slice(2);
const run =
  mode === '--child' && childFile && childUrl ? runChild(childFile, childUrl, childBatchLines) : main();
run.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
