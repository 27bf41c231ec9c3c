import type { ImportProgress } from './import-pipeline';

/** Where progress goes: a terminal (redrawn in place) or a log (a line now and then). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressReporter {
  /** Shows this progress if enough time has passed since the last time. */
  update(progress: ImportProgress): void;
  /** Shows the final state and ends the line; later updates are ignored. */
  done(progress?: ImportProgress): void;
}

export interface ProgressReporterOptions {
  /** Least ms between redraws on a terminal (default 200, i.e. at most 5 per second). */
  ttyEveryMs?: number;
  /** Least ms between lines in a log (default 5000). */
  logEveryMs?: number;
  now?: () => number;
}

const BAR_WIDTH = 24;

/** `1234567` → `1,234,567`, without depending on the process locale. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Milliseconds as `m:ss` or `h:mm:ss`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * One line of progress: a bar and percentage when the total is known, the count, rate
 * and ETA, then what happened to the lines so far.
 */
export function formatProgress(progress: ImportProgress): string {
  const { linesRead, total, ratePerSecond, etaMs } = progress;
  const parts: string[] = [];
  if (total !== undefined && total > 0) {
    const fraction = Math.min(1, linesRead / total);
    const filled = Math.round(fraction * BAR_WIDTH);
    parts.push(
      `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}%`,
      `${formatCount(linesRead)}/${formatCount(total)} lines`,
    );
  } else {
    parts.push(`${formatCount(linesRead)} lines`);
  }
  parts.push(`${formatCount(ratePerSecond)}/s`);
  if (etaMs !== undefined) parts.push(`ETA ${formatDuration(etaMs)}`);
  parts.push(
    `added ${formatCount(progress.added)}, skipped ${formatCount(progress.skipped)}, ` +
      `rejected ${formatCount(progress.rejected)}`,
  );
  return parts.join('  ');
}

/**
 * A progress display for long imports. On a terminal it redraws one line in place at most
 * every `ttyEveryMs`; elsewhere (CI logs, files) it prints a full line every `logEveryMs`,
 * so logs stay readable instead of filling with carriage returns.
 */
export function createProgressReporter(
  stream: ProgressStream = process.stderr,
  options: ProgressReporterOptions = {},
): ProgressReporter {
  const tty = stream.isTTY === true;
  const every = tty ? (options.ttyEveryMs ?? 200) : (options.logEveryMs ?? 5000);
  const now = options.now ?? Date.now;
  let last: ImportProgress | undefined;
  let shownAt: number | undefined;
  let finished = false;

  const show = (progress: ImportProgress): void => {
    // \x1b[K clears what a longer previous line left on the right.
    stream.write(tty ? `\r${formatProgress(progress)}\x1b[K` : `${formatProgress(progress)}\n`);
    shownAt = now();
  };

  return {
    update(progress) {
      if (finished) return;
      last = progress;
      if (shownAt === undefined || now() - shownAt >= every) show(progress);
    },
    done(progress) {
      if (finished) return;
      finished = true;
      const final = progress ?? last;
      if (final) show(final);
      if (tty && final) stream.write('\n');
    },
  };
}
