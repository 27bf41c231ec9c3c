// Load drivers of the webhook benchmark: a fixed list of work items run by `concurrency`
// callers until the list is done (each item once, not a time window), and a raw-body POST
// over keep-alive node:http sockets — the body must reach the server byte for byte as signed.
import { Agent, request } from 'node:http';
import { quantile } from './search-load';

export interface RunResult {
  /** Latency of every item in ms, ascending. */
  sortedMs: Float64Array;
  /** Items whose work returned false or threw. */
  errors: number;
  seconds: number;
}

/** Runs `work` once per index 0…count-1 with `concurrency` callers, timing each call. */
export async function runEach(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<boolean>,
): Promise<RunResult> {
  const latencies = new Float64Array(count);
  let errors = 0;
  let taken = 0;
  const caller = async (): Promise<void> => {
    for (let index = taken++; index < count; index = taken++) {
      const sent = performance.now();
      let ok = false;
      try {
        ok = await work(index);
      } catch {
        ok = false;
      }
      latencies[index] = performance.now() - sent;
      if (!ok) errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, caller));
  return { sortedMs: latencies.sort(), errors, seconds: (performance.now() - started) / 1000 };
}

/** rps, p50 and p99 of a run, rounded for the JSON line. */
export function figures(run: RunResult): { rps: number; p50_ms: number; p99_ms: number } {
  const ms = (q: number) => Number(quantile(run.sortedMs, q).toFixed(2));
  return { rps: Math.round(run.sortedMs.length / run.seconds), p50_ms: ms(0.5), p99_ms: ms(0.99) };
}

export interface RawAnswer {
  status: number;
  text: string;
}

/** POSTs pre-serialized JSON with extra headers to one loopback server, reusing sockets. */
export class RawPoster {
  private readonly agent: Agent;
  private readonly target: { host: string; port: number };

  constructor(baseUrl: string, sockets: number) {
    const { hostname, port } = new URL(baseUrl);
    if (hostname !== '127.0.0.1' && hostname !== 'localhost')
      throw new Error(`only a loopback server may be loaded, not ${baseUrl}`);
    this.target = { host: hostname, port: Number(port) };
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(path: string, body: string, extraHeaders: Record<string, string>): Promise<RawAnswer> {
    const bytes = Buffer.from(body, 'utf8');
    const headers = {
      ...extraHeaders,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(bytes.length),
    };
    return new Promise<RawAnswer>((resolve, reject) => {
      const outgoing = request(
        { ...this.target, method: 'POST', path, headers, agent: this.agent },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (part: string) => (text += part));
          res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.once('error', reject);
        },
      );
      outgoing.setTimeout(30_000, () => outgoing.destroy(new Error(`POST ${path}: no answer in 30 s`)));
      outgoing.once('error', reject);
      outgoing.end(bytes);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
