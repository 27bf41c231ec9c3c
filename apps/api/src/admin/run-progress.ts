/** How far a job has come, worked out from its counts and the time since it started. */
export interface RunProgress {
  /** 0–100, one decimal; null while the size is unknown. */
  percent: number | null;
  /** Units per second since the start (lines for an import, numbers for a re-grade). */
  rate: number;
  /** Seconds left at the current rate; null when unknown (no progress yet, or finished). */
  etaSeconds: number | null;
}

/**
 * Percentage, rate and ETA of a run that has done `done` of `total` units (bytes for an
 * import's percentage) and `units` (lines, numbers) since `startedAt`, as seen at `now`.
 */
export function runProgress(input: {
  done: number;
  total: number | null;
  units: number;
  startedAt: Date;
  finishedAt: Date | null;
  now: Date;
  /** True once the run succeeded (100 %, nothing left). */
  finished: boolean;
  /** True when the run failed: no ETA. */
  stopped?: boolean;
}): RunProgress {
  const end = input.finishedAt ?? input.now;
  const seconds = Math.max(0.001, (end.getTime() - input.startedAt.getTime()) / 1000);
  const rate = Math.round((input.units / seconds) * 10) / 10;
  if (input.total === null || input.total <= 0)
    return {
      percent: input.finished ? 100 : input.total === 0 ? 0 : null,
      rate,
      etaSeconds: input.finished ? 0 : null,
    };
  const fraction = input.finished ? 1 : Math.min(1, input.done / input.total);
  const percent = Math.round(fraction * 1000) / 10;
  if (input.finished) return { percent: 100, rate, etaSeconds: 0 };
  const perSecond = input.done / seconds;
  if (input.stopped) return { percent, rate, etaSeconds: null };
  const etaSeconds = perSecond > 0 ? Math.ceil((input.total - input.done) / perSecond) : null;
  return { percent, rate, etaSeconds };
}
