import { useEffect, useState } from 'react';
import { countdown, nextTickIn, type Countdown } from './countdown';

/**
 * A live countdown to `until`, re-rendering when its text changes; `onExpire` runs once when
 * it reaches zero (the page reloads the order: the server decides what expiry means).
 */
export function useCountdown(
  until: string | null,
  onExpire?: () => void,
  clock: () => number = Date.now,
): Countdown | null {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!until) return undefined;
    const wait = nextTickIn(until, clock());
    if (wait === Infinity) return undefined;
    const timer = setTimeout(() => {
      const at = clock();
      setNow(at);
      if (countdown(until, at).expired) onExpire?.();
    }, wait);
    return () => clearTimeout(timer);
  }, [until, now, onExpire, clock]);
  return until ? countdown(until, now) : null;
}
