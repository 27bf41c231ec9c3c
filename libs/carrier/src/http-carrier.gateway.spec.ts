import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  CarrierRequestError,
  CarrierUnavailableError,
  type CarrierApplicationRequest,
} from './carrier-gateway';
import { HttpCarrierGateway } from './http-carrier.gateway';
import {
  startSandboxCarrier,
  type SandboxCarrier,
  type SandboxCarrierOptions,
} from './sandbox-carrier.server';

const KEY = 'sandbox-test-key';
const TIMEOUT_MS = 300;

const request = (number = '4001234567', applicationId: string = randomUUID()): CarrierApplicationRequest => ({
  applicationId,
  carrier: 'telecom',
  number,
  company: { name: '深圳好码科技有限公司', uscc: '91350100M000100Y43' },
  legalRepresentative: { name: '张三', idNumber: '11010519491231002X' },
  handler: null,
  destinations: [{ number: '13800138000', ownerName: '张三' }],
  planCode: 'standard',
});

// The HTTP gateway against the sandbox carrier over real HTTP: the API both sides implement.
describe('HttpCarrierGateway against the sandbox carrier', () => {
  const sandboxes: SandboxCarrier[] = [];
  let clock = 0;
  const start = async (options: Partial<SandboxCarrierOptions> = {}) => {
    const sandbox = await startSandboxCarrier({ apiKey: KEY, now: () => clock, ...options });
    sandboxes.push(sandbox);
    const gateway = new HttpCarrierGateway({ baseUrl: sandbox.url, apiKey: KEY, timeoutMs: TIMEOUT_MS });
    return { sandbox, gateway };
  };
  beforeEach(() => {
    clock = 1_000_000;
  });
  afterEach(async () => {
    await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  });

  it('files an application once however often it is submitted, and decides it after the delay', async () => {
    const { sandbox, gateway } = await start({ delayMs: 60_000 });
    const application = request();
    const first = await gateway.submitApplication(application);
    const again = await gateway.submitApplication(application);
    expect(first).toEqual({ status: 'submitted', reference: expect.any(String) });
    expect(again).toEqual(first);
    expect(await gateway.getApplication(application.applicationId)).toEqual(first);
    expect(sandbox.stats()).toMatchObject({ filed: 1, submits: 2, repeatedSubmits: 1 });

    clock += 60_000;
    const decided = await gateway.getApplication(application.applicationId);
    expect(decided).toEqual({
      status: 'approved',
      reference: first.status === 'submitted' ? first.reference : '',
      lineReference: expect.stringContaining(application.number),
    });
    expect(sandbox.applications()).toEqual([
      expect.objectContaining({ applicationId: application.applicationId, status: 'approved' }),
    ]);
  });

  it('answers unknown for an application it never received', async () => {
    const { gateway } = await start();
    expect(await gateway.getApplication(randomUUID())).toEqual({ status: 'unknown' });
  });

  it('rejects forced numbers with reasons the customer can act on', async () => {
    const { gateway } = await start({ rejectNumbers: ['4007654321'] });
    const state = await gateway.submitApplication(request('4007654321'));
    expect(state.status).toBe('rejected');
    if (state.status !== 'rejected') return;
    expect(state.reasons.length).toBeGreaterThan(0);
    for (const reason of state.reasons) {
      expect(['COMPANY_NOT_REGISTERED', 'ID_MISMATCH', 'USE_CASE_UNCLEAR']).toContain(reason.code);
      expect(reason.text.length).toBeGreaterThan(20);
    }
  });

  it('decides the same application id the same way for the same seed, and rejects about the rate', async () => {
    const ids = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const outcomes = async (seed: string) => {
      const { gateway } = await start({ rejectRate: 0.3, seed });
      const states = [];
      for (const id of ids) states.push((await gateway.submitApplication(request('4001234567', id))).status);
      return states;
    };
    const a = await outcomes('one');
    expect(await outcomes('one')).toEqual(a);
    expect(await outcomes('two')).not.toEqual(a);
    const rejected = a.filter((s) => s === 'rejected').length;
    expect(rejected).toBeGreaterThan(30);
    expect(rejected).toBeLessThan(90);
  });

  it('turns a 503 into CarrierUnavailableError, and the retry files once', async () => {
    const { sandbox, gateway } = await start({ failNextRequests: 1 });
    const application = request();
    await expect(gateway.submitApplication(application)).rejects.toBeInstanceOf(CarrierUnavailableError);
    expect(sandbox.stats().filed).toBe(0);
    expect((await gateway.submitApplication(application)).status).toBe('approved');
    expect(sandbox.stats()).toMatchObject({ filed: 1, failures: 1 });
  });

  it('gives up on an unanswered request with CarrierUnavailableError; the filed application is found by the retry', async () => {
    const { sandbox, gateway } = await start({ hangNextRequests: 1 });
    const application = request();
    const started = process.hrtime.bigint();
    await expect(gateway.submitApplication(application)).rejects.toThrow(
      new CarrierUnavailableError(`carrier POST /v1/applications: no answer within ${TIMEOUT_MS} ms`),
    );
    // Bounded by the timeout (not asserted on wall time beyond "it did give up").
    expect(process.hrtime.bigint() > started).toBe(true);
    expect(sandbox.stats()).toMatchObject({ filed: 1, timeouts: 1 });
    expect((await gateway.submitApplication(application)).status).toBe('approved');
    expect(sandbox.stats()).toMatchObject({ filed: 1, repeatedSubmits: 1 });
  });

  it('refuses a wrong API key with CarrierRequestError 401', async () => {
    const { sandbox } = await start();
    const wrong = new HttpCarrierGateway({
      baseUrl: sandbox.url,
      apiKey: 'not-the-key',
      timeoutMs: TIMEOUT_MS,
    });
    const failure = await wrong.submitApplication(request()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CarrierRequestError);
    expect((failure as CarrierRequestError).status).toBe(401);
    expect(sandbox.stats()).toMatchObject({ unauthorized: 1, filed: 0 });
  });

  it('turns a refused connection into CarrierUnavailableError', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const gateway = new HttpCarrierGateway({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: KEY,
      timeoutMs: TIMEOUT_MS,
    });
    await expect(gateway.getApplication(randomUUID())).rejects.toBeInstanceOf(CarrierUnavailableError);
  });

  it('suspends, resumes and terminates a live line, idempotently; a terminated line stays terminated', async () => {
    const { sandbox, gateway } = await start();
    const state = await gateway.submitApplication(request());
    if (state.status !== 'approved') throw new Error(`expected approval, got ${state.status}`);
    await gateway.suspendLine(state.lineReference, 'licence_expired');
    await gateway.suspendLine(state.lineReference, 'licence_expired');
    expect(sandbox.lines()).toEqual([expect.objectContaining({ status: 'suspended' })]);
    await gateway.resumeLine(state.lineReference);
    expect(sandbox.lines()).toEqual([expect.objectContaining({ status: 'active' })]);
    await gateway.terminateLine(state.lineReference);
    await gateway.terminateLine(state.lineReference);
    const refusal = await gateway.resumeLine(state.lineReference).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CarrierRequestError);
    expect((refusal as CarrierRequestError).status).toBe(409);
    const unknown = await gateway.suspendLine('LN-NOPE', 'x').catch((e: unknown) => e);
    expect((unknown as CarrierRequestError).status).toBe(404);
  });
});
