// The API as a real process, run from its TypeScript sources through the swc register like
// the worker (worker-process.ts): the browser tests use it as a browser would, with the
// built web app it serves from dist/apps/web.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  stop(): Promise<void>;
}

/** Runs the CLI (`apps/cli/src/main.ts <args>`, e.g. `seed`) to the end; rejects on a non-zero exit. */
export async function runCli(env: Record<string, string>, args: readonly string[]): Promise<string> {
  const { NODE_OPTIONS: _jestFlags, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join('apps', 'cli', 'src', 'main.ts'), ...args],
    {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`cli ${args.join(' ')} exited with ${code}:\n${output.join('')}`);
  return output.join('');
}

/**
 * The API configured by `env` (API_PORT 0 picks a free port); resolves with the URL it logs
 * once ready.
 */
export async function startApiProcess(
  env: Record<string, string>,
  readyTimeoutMs = 30_000,
): Promise<ApiProcess> {
  const { NODE_OPTIONS: _jestFlags, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', 'api', 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let ready: (url: string) => void = () => undefined;
  const isReady = new Promise<string>((resolve) => (ready = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output.push(chunk);
      const match = /API ready at (\S+)/.exec(chunk);
      if (match?.[1]) ready(match[1]);
    });
  }
  const exited = once(child, 'exit');
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    isReady,
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), readyTimeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome === 'exited' || outcome === 'timeout') {
    child.kill('SIGKILL');
    throw new Error(`the API did not start (${outcome}):\n${output.join('')}`);
  }
  return {
    child,
    url: outcome,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A graceful stop first; a test does not wait long for it (its database is dropped anyway).
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
