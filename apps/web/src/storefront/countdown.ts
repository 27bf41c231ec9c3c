/** What a hold countdown shows at one moment. */
export interface Countdown {
  /** Milliseconds left, never negative. */
  readonly remainingMs: number;
  readonly expired: boolean;
  /** `mm:ss`, or `h:mm:ss` from an hour up; whole seconds rounded up so 0:00 means over. */
  readonly text: string;
  /** Under this many ms the countdown is shown as urgent. */
  readonly urgent: boolean;
}

export const URGENT_BELOW_MS = 5 * 60_000;

const pad = (n: number) => n.toString().padStart(2, '0');

/**
 * The countdown to `until` (an ISO time, as the API sends holdUntil) at `now` (ms since
 * the epoch). Pure: the page's clock drives it, a test hands it any moment.
 */
export function countdown(until: string, now: number): Countdown {
  const end = Date.parse(until);
  if (Number.isNaN(end)) throw new RangeError(`${until} is not a time`);
  const remainingMs = Math.max(0, end - now);
  const total = Math.ceil(remainingMs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return {
    remainingMs,
    expired: remainingMs === 0,
    text: h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`,
    urgent: remainingMs < URGENT_BELOW_MS,
  };
}

/** Milliseconds until the shown text next changes: the next whole second of what is left. */
export function nextTickIn(until: string, now: number): number {
  const remaining = Date.parse(until) - now;
  if (remaining <= 0) return Infinity;
  const intoSecond = remaining % 1000;
  return intoSecond === 0 ? 1000 : intoSecond;
}
