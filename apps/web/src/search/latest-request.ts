/** What a request ended with, handed over only while it is still the latest one. */
export type Outcome<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/** The timer functions used (fake ones in tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Results as you type without stale answers: `schedule` waits until typing pauses for
 * `delayMs`, `now` goes at once (load more, submit); either way, starting a request aborts
 * the one before it (its AbortSignal fires, so fetch stops), and an answer arrives at
 * `onOutcome` only if no later request was started. Answers therefore never arrive out of
 * order, whatever the network does.
 */
export class LatestRequest<Q, R> {
  private timer: unknown;
  private current: AbortController | undefined;

  constructor(
    private readonly run: (query: Q, signal: AbortSignal) => Promise<R>,
    private readonly onOutcome: (outcome: Outcome<R>, query: Q) => void,
    private readonly delayMs = 250,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs `query` once nothing else is scheduled for `delayMs`. */
  schedule(query: Q): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.now(query);
    }, this.delayMs);
  }

  /** Runs `query` at once, superseding anything scheduled or in flight. */
  now(query: Q): void {
    this.clearTimer();
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const deliver = (outcome: Outcome<R>) => {
      if (this.current !== controller) return;
      this.current = undefined;
      this.onOutcome(outcome, query);
    };
    let pending: Promise<R>;
    try {
      pending = this.run(query, controller.signal);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => deliver({ ok: true, value }),
      (error: unknown) => deliver({ ok: false, error }),
    );
  }

  /** Whether a request is scheduled or in flight. */
  get busy(): boolean {
    return this.timer !== undefined || this.current !== undefined;
  }

  /** Forgets everything (the page is going away): nothing more is delivered. */
  cancel(): void {
    this.clearTimer();
    this.current?.abort();
    this.current = undefined;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
