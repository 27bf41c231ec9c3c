// Child processes of the benchmarks (the built API and worker): started with their output
// relayed to stderr, and always stopped — on success, error, Ctrl-C or a plain exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a benchmark waits for a child server to start (loading an index takes a while). */
export const START_TIMEOUT_MS = 180_000;
const children = new Set<ChildProcess>();

export function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** SIGTERM, then SIGKILL if the process has not exited within 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timeout = sleep(10_000).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

export const stopChildren = (): Promise<unknown> => Promise.allSettled([...children].map(stopChild));

/** Stops every child on exit and on Ctrl-C / SIGTERM (then exits with 130). */
export function stopChildrenOnExit(log: (message: string) => void): void {
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers`);
      void stopChildren().finally(() => process.exit(130));
    });
  }
}

/** Copies a child's output to stderr, line by line, prefixed with its name. */
export function relay(child: ChildProcess, name: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    let rest = '';
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stderr.write(`[${name}] ${line}\n`);
    });
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Polls `url` until it answers (any status) and returns the status. */
export async function waitForHttp(url: string, child: ChildProcess): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (code ${child.exitCode}) before answering`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return response.status;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${url} did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

/** Runs a built app (`api`, `worker`, `cli`) from dist/ with `env` on top of this process's. */
export function spawnApp(
  app: 'api' | 'worker' | 'cli',
  env: NodeJS.ProcessEnv,
  args: readonly string[] = [],
  execArgv: readonly string[] = [],
): ChildProcess {
  const main = join(__dirname, '..', 'apps', app, 'src', 'main.js');
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  const child = spawn(process.execPath, [...execArgv, main, ...args], {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  relay(child, app);
  return child;
}
