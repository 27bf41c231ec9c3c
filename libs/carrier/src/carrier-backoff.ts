/**
 * How long to wait before the next call after a failed one: CARRIER_RETRY_BASE doubling with
 * each attempt made so far, capped at CARRIER_RETRY_MAX, with "equal jitter" (half fixed, half
 * random) so that applications that failed together (a carrier outage) do not all come back
 * at the same instant, while none comes back sooner than half its step. `random` is in [0, 1).
 */
export function carrierRetryDelay(
  attempts: number,
  settings: { baseMs: number; maxMs: number },
  random: number = Math.random(),
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempts)), 30);
  const step = Math.min(settings.maxMs, settings.baseMs * 2 ** exponent);
  return Math.round(step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1));
}
