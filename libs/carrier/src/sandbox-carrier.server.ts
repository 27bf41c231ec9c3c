import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiApplication, ApiLine } from './carrier-api';
import type { CarrierApplicationRequest } from './carrier-gateway';

export interface SandboxCarrierOptions {
  /** Every request must carry `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** How long an application stays `submitted` before it is decided (ms). */
  delayMs?: number;
  /** Share of applications the carrier rejects (decided per application id from the seed). */
  rejectRate?: number;
  /** Share of requests answered 503 (drawn per request from the seeded generator). */
  failureRate?: number;
  /** Share of requests never answered (the client gives up); a submit is still filed. */
  timeoutRate?: number;
  /** Makes decisions and failures reproducible. */
  seed?: number | string;
  /** Numbers whose applications are always rejected; and always approved. */
  rejectNumbers?: Iterable<string>;
  approveNumbers?: Iterable<string>;
  /** The next n requests are answered 503 / never answered, before any drawn failure. */
  failNextRequests?: number;
  hangNextRequests?: number;
  /** The carrier's clock (ms), for tests that move time. */
  now?: () => number;
}

export interface SandboxCarrierStats {
  requests: number;
  /** Submit requests that reached the application logic (new or repeated). */
  submits: number;
  /** Applications filed: one per application id, however often it was submitted. */
  filed: number;
  /** Submits of an id filed before (answered with the existing application). */
  repeatedSubmits: number;
  statusChecks: number;
  lineOperations: number;
  /** Requests answered 503 on purpose; requests left unanswered on purpose. */
  failures: number;
  timeouts: number;
  unauthorized: number;
  /** Submits per application id (a retried submit counts again; filing is still once). */
  submitsById: Record<string, number>;
}

export interface SandboxApplicationView extends ApiApplication {
  number: string;
  request: CarrierApplicationRequest;
}

export interface SandboxCarrier {
  url: string;
  apiKey: string;
  close(): Promise<void>;
  stats(): SandboxCarrierStats;
  /** Every application filed, as the carrier sees it now. */
  applications(): SandboxApplicationView[];
  lines(): ApiLine[];
  /** Forces the next n requests to fail with 503 / never answer. */
  failNextRequests(n: number): void;
  hangNextRequests(n: number): void;
  /** Changes the drawn failure rates from now on. */
  setRates(rates: { failureRate?: number; timeoutRate?: number }): void;
}

/** Carrier-side rejection reasons (the carrier's own check: registration, identity, use case). */
export const SANDBOX_REJECTION_REASONS = [
  {
    code: 'COMPANY_NOT_REGISTERED',
    text: 'The national enterprise credit register has no active company under this unified social credit code. Check the code on the business licence.',
    target: 'business_licence',
    stage: 'registration_check',
  },
  {
    code: 'ID_MISMATCH',
    text: "The legal representative's name does not match the resident ID number. Upload a clear copy of both sides of the ID.",
    target: 'legal_rep_id_front',
    stage: 'registration_check',
  },
  {
    code: 'USE_CASE_UNCLEAR',
    text: 'The number-use undertaking does not say what the number will be used for. Describe the business the number serves and sign it again.',
    target: 'undertaking',
    stage: 'use_case_review',
  },
] as const;

interface StoredApplication {
  request: CarrierApplicationRequest;
  reference: string;
  filedAt: number;
  decision: { approved: boolean; reasons: (typeof SANDBOX_REJECTION_REASONS)[number][] };
  lineReference: string | null;
}

/**
 * A carrier that behaves like a remote system, over real HTTP (the API of carrier-api.ts):
 * applications are kept by application id (a repeated submit answers the same application),
 * stay `submitted` for `delayMs`, then are approved or rejected — decided per application id
 * from the seed, so a test run is reproducible — in two review stages (registration, then use
 * case). Requests fail with 503 or are never answered at the configured rates, drawn per
 * request from a seeded generator. A submit that is never answered is still filed: the
 * client's retry must find it, not file it again.
 */
export async function startSandboxCarrier(options: SandboxCarrierOptions): Promise<SandboxCarrier> {
  const now = options.now ?? Date.now;
  const seed = String(options.seed ?? 'haoma-sandbox');
  const delayMs = options.delayMs ?? 0;
  const rejectRate = options.rejectRate ?? 0;
  let failureRate = options.failureRate ?? 0;
  let timeoutRate = options.timeoutRate ?? 0;
  let failNext = options.failNextRequests ?? 0;
  let hangNext = options.hangNextRequests ?? 0;
  const rejectNumbers = new Set(options.rejectNumbers ?? []);
  const approveNumbers = new Set(options.approveNumbers ?? []);
  const random = mulberry32(hashToUint32(`${seed}:requests`));
  const applications = new Map<string, StoredApplication>();
  const lines = new Map<string, ApiLine>();
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const stats: SandboxCarrierStats = {
    requests: 0,
    submits: 0,
    filed: 0,
    repeatedSubmits: 0,
    statusChecks: 0,
    lineOperations: 0,
    failures: 0,
    timeouts: 0,
    unauthorized: 0,
    submitsById: {},
  };

  const decide = (request: CarrierApplicationRequest): StoredApplication['decision'] => {
    if (approveNumbers.has(request.number)) return { approved: true, reasons: [] };
    const forced = rejectNumbers.has(request.number);
    if (!forced && unitFrom(`${seed}:decision:${request.applicationId}`) >= rejectRate)
      return { approved: true, reasons: [] };
    // One or two reasons, chosen from the application id.
    const pick = hashToUint32(`${seed}:reasons:${request.applicationId}`);
    const first = reasonAt(pick);
    const second = reasonAt(pick >>> 8);
    return { approved: false, reasons: first === second || pick % 2 === 0 ? [first] : [first, second] };
  };

  const view = (stored: StoredApplication): ApiApplication => {
    const decided = now() >= stored.filedAt + delayMs;
    if (decided && stored.decision.approved && !stored.lineReference) {
      stored.lineReference = `LN-${hashToUint32(`${seed}:line:${stored.request.applicationId}`).toString(36).toUpperCase()}-${stored.request.number}`;
      lines.set(stored.lineReference, {
        lineReference: stored.lineReference,
        number: stored.request.number,
        status: 'active',
      });
    }
    const rejectedIn = stored.decision.reasons.some((r) => r.stage === 'registration_check')
      ? 'registration_check'
      : 'use_case_review';
    return {
      applicationId: stored.request.applicationId,
      reference: stored.reference,
      status: !decided ? 'submitted' : stored.decision.approved ? 'approved' : 'rejected',
      // The registration check takes the first half of the delay, the use-case review the rest.
      stage: decided
        ? stored.decision.approved
          ? 'use_case_review'
          : rejectedIn
        : now() < stored.filedAt + delayMs / 2
          ? 'registration_check'
          : 'use_case_review',
      lineReference: decided ? stored.lineReference : null,
      reasons: decided
        ? stored.decision.reasons.map(({ code, text, target }) => ({ code, text, target }))
        : [],
      filedAt: new Date(stored.filedAt).toISOString(),
      decidedAt: decided ? new Date(stored.filedAt + delayMs).toISOString() : null,
    };
  };

  const submit = (body: unknown): { status: number; body: unknown } => {
    const request = body as CarrierApplicationRequest;
    if (!isApplicationRequest(request))
      return error(400, 'INVALID_APPLICATION', 'The application is incomplete.');
    stats.submits += 1;
    stats.submitsById[request.applicationId] = (stats.submitsById[request.applicationId] ?? 0) + 1;
    const existing = applications.get(request.applicationId);
    if (existing) {
      stats.repeatedSubmits += 1;
      return { status: 200, body: view(existing) };
    }
    stats.filed += 1;
    const stored: StoredApplication = {
      request,
      reference: `CA-${String(stats.filed).padStart(6, '0')}-${hashToUint32(`${seed}:ref:${request.applicationId}`).toString(36).toUpperCase()}`,
      filedAt: now(),
      decision: decide(request),
      lineReference: null,
    };
    applications.set(request.applicationId, stored);
    return { status: 201, body: view(stored) };
  };

  const lineOperation = (reference: string, action: string): { status: number; body: unknown } => {
    stats.lineOperations += 1;
    const line = lines.get(reference);
    if (!line) return error(404, 'LINE_NOT_FOUND', `No line ${reference}.`);
    const target = action === 'suspend' ? 'suspended' : action === 'resume' ? 'active' : 'terminated';
    if (line.status === 'terminated' && target !== 'terminated')
      return error(409, 'LINE_TERMINATED', `Line ${reference} is terminated.`);
    line.status = target;
    return { status: 200, body: line };
  };

  const route = (method: string, path: string, body: unknown): { status: number; body: unknown } => {
    if (method === 'POST' && path === '/v1/applications') return submit(body);
    const application = /^\/v1\/applications\/([^/]+)$/.exec(path);
    if (method === 'GET' && application) {
      stats.statusChecks += 1;
      const stored = applications.get(decodeURIComponent(application[1] ?? ''));
      return stored
        ? { status: 200, body: view(stored) }
        : error(404, 'APPLICATION_NOT_FOUND', 'No such application.');
    }
    const line = /^\/v1\/lines\/([^/]+)\/(suspend|resume|terminate)$/.exec(path);
    if (method === 'POST' && line) return lineOperation(decodeURIComponent(line[1] ?? ''), line[2] ?? '');
    return error(404, 'NOT_FOUND', `No route ${method} ${path}.`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      stats.unauthorized += 1;
      return send(res, error(401, 'UNAUTHORIZED', 'Missing or wrong API key.'));
    }
    let hang = false;
    if (failNext > 0) {
      failNext -= 1;
      stats.failures += 1;
      return send(res, error(503, 'UNAVAILABLE', 'The carrier is busy; try again later.'));
    }
    if (hangNext > 0) {
      hangNext -= 1;
      hang = true;
    } else {
      const draw = random();
      if (draw < timeoutRate) hang = true;
      else if (draw < timeoutRate + failureRate) {
        stats.failures += 1;
        return send(res, error(503, 'UNAVAILABLE', 'The carrier is busy; try again later.'));
      }
    }
    let body: unknown = null;
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
    } catch {
      return send(res, error(400, 'INVALID_JSON', 'The body is not JSON.'));
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const answer = route(req.method ?? 'GET', path, body);
    if (hang) {
      // The work is done (a submit is filed) but the answer never comes.
      stats.timeouts += 1;
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    send(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((failure: unknown) => {
      if (!res.headersSent) send(res, error(500, 'INTERNAL', String(failure)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${address.address}:${address.port}`,
    apiKey: options.apiKey,
    close: async () => {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    stats: () => ({ ...stats, submitsById: { ...stats.submitsById } }),
    applications: () =>
      [...applications.values()].map((stored) => ({
        ...view(stored),
        number: stored.request.number,
        request: stored.request,
      })),
    lines: () => [...lines.values()].map((line) => ({ ...line })),
    failNextRequests: (n) => {
      failNext = n;
    },
    hangNextRequests: (n) => {
      hangNext = n;
    },
    setRates: (rates) => {
      failureRate = rates.failureRate ?? failureRate;
      timeoutRate = rates.timeoutRate ?? timeoutRate;
    },
  };
}

/** A random API key for a sandbox started without one. */
export const sandboxApiKey = (): string => `sandbox-${randomBytes(12).toString('hex')}`;

function send(res: ServerResponse, answer: { status: number; body: unknown }): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function error(status: number, code: string, message: string): { status: number; body: unknown } {
  return { status, body: { error: { code, message } } };
}

function isApplicationRequest(value: CarrierApplicationRequest | null): value is CarrierApplicationRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.applicationId === 'string' &&
    value.applicationId.length > 0 &&
    typeof value.number === 'string' &&
    /^\d{10}$/.test(value.number) &&
    typeof value.company === 'object' &&
    value.company !== null &&
    typeof value.company.name === 'string'
  );
}

function reasonAt(index: number): (typeof SANDBOX_REJECTION_REASONS)[number] {
  return SANDBOX_REJECTION_REASONS[index % SANDBOX_REJECTION_REASONS.length] ?? SANDBOX_REJECTION_REASONS[0];
}

function hashToUint32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** A number in [0, 1) fixed by `text`. */
function unitFrom(text: string): number {
  return hashToUint32(text) / 2 ** 32;
}

/** A small seeded PRNG (mulberry32): the same seed draws the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
