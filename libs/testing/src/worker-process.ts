// The worker as a real process, run from its TypeScript sources through the swc register (no
// build needed, never a stale dist/), for the tests that signal or kill it, and for the API
// suites that need the whole shop running (the worker applies payments, pre-checks, talks to
// the carrier).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { AppConfig } from '@haoma/config';

const ROOT = join(__dirname, '..', '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed, for the failure message. */
  output: string[];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment that gives the child process `config` (only what the tests vary). */
export function workerEnv(config: AppConfig, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    MAIL_DIR: config.MAIL_DIR,
    DOCUMENTS_DIR: config.DOCUMENTS_DIR,
    SWEEP_INTERVAL_SECONDS: String(config.SWEEP_INTERVAL_SECONDS),
    LOG_LEVEL: 'log',
    ...extra,
  };
}

export async function startWorker(
  env: Record<string, string>,
  readyTimeoutMs = 30_000,
): Promise<WorkerProcess> {
  const { NODE_OPTIONS: _jestFlags, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join('apps', 'worker', 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output.push(chunk);
      if (chunk.includes('worker ready')) ready();
    });
  }
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    isReady.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), readyTimeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    child.kill('SIGKILL');
    throw new Error(`the worker did not start (${outcome}):\n${output.join('')}`);
  }
  return { child, output, exited };
}

/** SIGKILL, and wait until it is gone. */
export async function killWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  await worker.exited;
}
