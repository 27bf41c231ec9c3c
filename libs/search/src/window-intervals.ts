// Ranges of windows a query can only match inside (its allowed blocks, the fixed prefix of
// its templates). Rows are in (fee, number) order, so within one fee the rows of a window
// range sit together: the scan visits those stretches and skips the rest of each fee.
import { WINDOW_DIGITS, WINDOW_SPACE } from './index-row';

/** Half-open [from, to) over window values. */
export type Interval = readonly [number, number];

/** Above this many intervals the scan does not bother splitting its ranges. */
export const MAX_INTERVALS = 64;

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aFrom, aTo] = a[i] as Interval;
    const [bFrom, bTo] = b[j] as Interval;
    const from = Math.max(aFrom, bFrom);
    const to = Math.min(aTo, bTo);
    if (from < to) out.push([from, to]);
    if (aTo < bTo) i++;
    else j++;
  }
  return out;
}

// The windows starting with a template's leading fixed digits.
function prefixInterval(template: Int8Array): Interval {
  let prefix = 0;
  let length = 0;
  while (length < WINDOW_DIGITS && (template[length] ?? -1) !== -1)
    prefix = prefix * 10 + (template[length++] ?? 0);
  const width = 10 ** (WINDOW_DIGITS - length);
  return [prefix * width, (prefix + 1) * width];
}

/**
 * The window intervals a query is confined to, sorted and disjoint; undefined when that is
 * (nearly) everything or too fragmented to help.
 */
export function windowIntervals(
  blockDigits: number,
  templates: readonly Int8Array[] | undefined,
): Interval[] | undefined {
  const width = WINDOW_SPACE / 10;
  let intervals = merge(
    [...Array(10).keys()]
      .filter((d) => (blockDigits & (1 << d)) !== 0)
      .map((d): Interval => [d * width, (d + 1) * width]),
  );
  if (templates !== undefined) intervals = intersect(intervals, merge(templates.map(prefixInterval)));
  const whole = intervals.length === 1 && intervals[0]?.[0] === 0 && intervals[0][1] === WINDOW_SPACE;
  return whole || intervals.length > MAX_INTERVALS ? undefined : intervals;
}
