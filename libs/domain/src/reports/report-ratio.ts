/** Decimals kept in a rate (0.3333): enough for a percentage with two decimals. */
export const RATE_DECIMALS = 4;

/**
 * `part / whole` rounded to {@link RATE_DECIMALS} decimals, or null when there is no whole
 * to divide by (a rate of nothing is unknown, not zero).
 */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const factor = 10 ** RATE_DECIMALS;
  return Math.round((part / whole) * factor) / factor;
}

/** A duration in seconds rounded to whole seconds, or null when there were none to measure. */
export const wholeSeconds = (seconds: number | null | undefined): number | null =>
  seconds === null || seconds === undefined ? null : Math.round(seconds);
