import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppConfig } from '@haoma/config';
import {
  countNumberLines,
  createProgressReporter,
  formatCount,
  formatDuration,
  generateNumbers,
  importNumbersInWorker,
  type ImportSummary,
  type WorkerImportSource,
} from '@haoma/inventory';

const USAGE = `usage: haoma inventory <command>
  import <file.csv>                                  import numbers: one per line, or a "number" column
  generate --block B --count N [--start S] [--seed X]
                                                     import N generated numbers of block B (sequential
                                                     from S, or a fixed shuffle of the block with a seed)
`;

/** sysexits.h: command line usage error, and input file missing or unreadable. */
const EX_USAGE = 64;
const EX_NOINPUT = 66;
/** What shells report for a command ended by Ctrl-C (128 + SIGINT). */
const EX_INTERRUPTED = 130;
const SHOWN_REJECTIONS = 20;

class UsageError extends Error {}

interface ImportJob {
  /** How the run is described in inventory_imports. */
  source: string;
  input: WorkerImportSource;
  total: number;
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

async function importJob(args: string[]): Promise<ImportJob> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('import takes exactly one file');
  const path = resolve(file);
  // Counting first gives the progress bar its total and fails fast on a bad file.
  return { source: path, input: { kind: 'file', path }, total: await countNumberLines(path) };
}

function generateJob(args: string[]): ImportJob {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      block: { type: 'string' },
      count: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const count = integer('count', values.count);
  const start = integer('start', values.start);
  if (values.block === undefined || count === undefined)
    throw new UsageError('generate needs --block and --count');
  const { block, seed } = values;
  const options = { block, count, start, seed };
  try {
    // Validates now, so a bad argument is a usage error rather than a failed import.
    generateNumbers(options);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const described = [
    `block=${block}`,
    `count=${count}`,
    `start=${start ?? 0}`,
    ...(seed ? [`seed=${seed}`] : []),
  ];
  return { source: `generate ${described.join(' ')}`, input: { kind: 'generate', options }, total: count };
}

function startedBy(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // No passwd entry for the uid (some containers).
    return 'cli:unknown';
  }
}

function printSummary(summary: ImportSummary): void {
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? summary.linesRead / seconds : 0;
  const out: string[] = [
    `import ${summary.importId} done: ${formatCount(summary.linesRead)} lines in ${formatDuration(summary.durationMs)} ` +
      `(${seconds.toFixed(1)} s, ${formatCount(rate)} lines/s)`,
    `  added     ${formatCount(summary.added).padStart(12)}`,
    `  skipped   ${formatCount(summary.skipped).padStart(12)}  (already in the inventory, or repeated in the input)`,
    `  rejected  ${formatCount(summary.rejected).padStart(12)}`,
  ];
  const shown = summary.rejections.slice(0, SHOWN_REJECTIONS);
  if (shown.length > 0) {
    out.push(
      `first ${shown.length} rejected lines (the first ${summary.rejections.length} are kept in ` +
        `inventory_imports ${summary.importId}):`,
    );
    for (const r of shown)
      out.push(`  line ${r.line}: ${JSON.stringify(r.input)}  ${r.reason}: ${r.message}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function run(config: AppConfig, job: ImportJob): Promise<void> {
  const reporter = createProgressReporter(process.stderr);
  // Ctrl-C stops the import cleanly, so its run is marked failed rather than left running.
  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(EX_INTERRUPTED);
    process.stderr.write(`\n${signal}: stopping the import (again to quit at once)\n`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', interrupt).on('SIGTERM', interrupt);
  process.stderr.write(`importing ${job.source}\n`);
  let summary: ImportSummary;
  try {
    // On a worker thread with capped heaps: see IMPORT_WORKER_LIMITS.
    summary = await importNumbersInWorker(config.DATABASE_URL, job.input, {
      source: job.source,
      startedBy: startedBy(),
      totalHint: job.total,
      signal: controller.signal,
      onProgress: (progress) => reporter.update(progress),
      onLockWait: () => process.stderr.write('another import is running: waiting for it to finish…\n'),
    });
  } catch (error) {
    reporter.done();
    process.stderr.write(
      'import failed; batches committed before the failure stay, and a re-run skips them\n',
    );
    if (!controller.signal.aborted) throw error;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EX_INTERRUPTED;
    return;
  } finally {
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
  }
  const seconds = Math.max(summary.durationMs, 1) / 1000;
  reporter.done({
    ...summary,
    total: summary.linesRead,
    elapsedMs: summary.durationMs,
    ratePerSecond: summary.linesRead / seconds,
  });
  printSummary(summary);
}

/**
 * `inventory import FILE` and `inventory generate --block B --count N [--start S] [--seed X]`.
 * Exit code 0 when the import ran (rejected lines included), 64 on bad arguments, 66 when
 * the file cannot be read, 130 when interrupted, 1 when the import failed.
 */
export async function inventoryCommand(config: AppConfig, args: string[]): Promise<void> {
  const [subcommand, ...rest] = args;
  let job: ImportJob;
  try {
    if (subcommand === 'import') job = await importJob(rest);
    else if (subcommand === 'generate') job = generateJob(rest);
    else
      throw new UsageError(subcommand === undefined ? 'missing command' : `unknown command "${subcommand}"`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const usage =
      error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
    const message = error instanceof Error ? error.message : String(error);
    if (usage) {
      process.stderr.write(`${message}\n${USAGE}`);
      process.exitCode = EX_USAGE;
    } else if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      process.stderr.write(`cannot read ${rest[0] ?? 'the file'}: ${message}\n`);
      process.exitCode = EX_NOINPUT;
    } else throw error;
    return;
  }
  await run(config, job);
}
