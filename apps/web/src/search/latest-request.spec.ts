import { LatestRequest, type Outcome } from './latest-request';

// A request the test answers by hand, to play out any network order.
interface Pending {
  query: string;
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

function setUp(delayMs = 250) {
  const started: Pending[] = [];
  const delivered: [Outcome<string>, string][] = [];
  const latest = new LatestRequest<string, string>(
    (query, signal) =>
      new Promise<string>((resolve, reject) => started.push({ query, signal, resolve, reject })),
    (outcome, query) => delivered.push([outcome, query]),
    delayMs,
  );
  return { latest, started, delivered };
}

// Lets settled promises run their callbacks (timers are fake, microtasks are not).
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('LatestRequest', () => {
  it('waits until typing pauses, then asks once for the last text', () => {
    const { latest, started } = setUp();
    latest.schedule('8');
    jest.advanceTimersByTime(200);
    latest.schedule('88');
    jest.advanceTimersByTime(200);
    latest.schedule('888');
    expect(started).toHaveLength(0);
    jest.advanceTimersByTime(249);
    expect(started).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(started.map((p) => p.query)).toEqual(['888']);
    expect(latest.busy).toBe(true);
  });

  it('aborts the request in flight when a newer one starts, and drops its late answer', async () => {
    const { latest, started, delivered } = setUp();
    latest.now('88');
    latest.now('888');
    const [first, second] = started;
    expect(first?.signal.aborted).toBe(true);
    expect(second?.signal.aborted).toBe(false);
    second?.resolve('new');
    first?.resolve('stale');
    await flush();
    expect(delivered).toEqual([[{ ok: true, value: 'new' }, '888']]);
    expect(latest.busy).toBe(false);
  });

  it('drops an older answer that arrives after the newer one was asked but before it came', async () => {
    const { latest, started, delivered } = setUp();
    latest.now('a');
    latest.schedule('b');
    jest.advanceTimersByTime(250);
    started[0]?.resolve('stale');
    await flush();
    expect(delivered).toEqual([]);
    started[1]?.resolve('fresh');
    await flush();
    expect(delivered).toEqual([[{ ok: true, value: 'fresh' }, 'b']]);
  });

  it('delivers errors of the latest request, and only of it', async () => {
    const { latest, started, delivered } = setUp();
    latest.now('a');
    latest.now('b');
    started[0]?.reject(new Error('aborted'));
    started[1]?.reject(new Error('offline'));
    await flush();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.[0]).toEqual({ ok: false, error: new Error('offline') });
  });

  it('turns a request that throws at once into an error outcome', async () => {
    const delivered: Outcome<never>[] = [];
    const latest = new LatestRequest<string, never>(
      () => {
        throw new Error('bad query');
      },
      (outcome) => delivered.push(outcome),
    );
    latest.now('x');
    await flush();
    expect(delivered).toEqual([{ ok: false, error: new Error('bad query') }]);
  });

  it('runs `now` at once, superseding a scheduled query', () => {
    const { latest, started } = setUp();
    latest.schedule('typed');
    latest.now('more');
    jest.advanceTimersByTime(1000);
    expect(started.map((p) => p.query)).toEqual(['more']);
  });

  it('delivers nothing after cancel', async () => {
    const { latest, started, delivered } = setUp();
    latest.now('a');
    latest.schedule('b');
    latest.cancel();
    jest.advanceTimersByTime(1000);
    expect(started).toHaveLength(1);
    expect(started[0]?.signal.aborted).toBe(true);
    started[0]?.resolve('late');
    await flush();
    expect(delivered).toEqual([]);
    expect(latest.busy).toBe(false);
  });
});
