import type { ClientBase } from 'pg';
import { appraise, findBlock, isCanonicalNumber, parseNumber, type GradingRules } from '@haoma/domain';
import {
  finishImportRun,
  MAX_KEPT_REJECTIONS,
  MAX_REJECTED_INPUT_LENGTH,
  recordImportProgress,
  type ImportCounts,
  type ImportRejection,
} from './import-runs';
import { NumberCopyBatch } from './number-copy-batch';
import { numberIndex, type NumberBitset } from './number-bitset';
import type { NumberLine } from './number-lines';

/** An input line: a bare string (numbered by position; blank ones skipped) or a numbered row. */
export type ImportLine = string | NumberLine;

/** Where a running import stands, as reported to `onProgress`. */
export interface ImportProgress extends ImportCounts {
  importId: string;
  /** Lines expected in all, when the caller knows (`totalHint`). */
  total?: number;
  elapsedMs: number;
  /** Lines per second since reading started. */
  ratePerSecond: number;
  etaMs?: number;
}

export interface PipelineSettings {
  importId: string;
  rules: GradingRules;
  /** Lines per transaction: each commit also records the counts in `inventory_imports`. */
  batchLines: number;
  startedAt: number;
  total?: number;
  progressEveryMs: number;
  onProgress?: (progress: ImportProgress) => void;
}

const PROGRESS_CHECK_MASK = 1023;

// Listed blocks by their 4th digit (all blocks are `400` + one digit), for the fast path below.
const LISTED_BLOCK_DIGITS = new Uint8Array(10);
for (let digit = 0; digit < 10; digit++) {
  if (findBlock(`400${digit}`) !== undefined) LISTED_BLOCK_DIGITS[digit] = 1;
}
const CODE_0 = 48;

// Canonical input in a listed block (the usual case for big files) skips the general
// parser; parseNumber would return the line itself for it.
function isListedCanonical(text: string): boolean {
  return isCanonicalNumber(text) && LISTED_BLOCK_DIGITS[text.charCodeAt(3) - CODE_0] === 1;
}

/**
 * The per-line work of an import: parse, drop numbers already seen (in the table or earlier
 * in the input), grade the new ones and stream them to Postgres, committing every
 * `batchLines` lines. Synchronous per line; it only awaits when Postgres applies
 * backpressure or at a commit, so Node grades while Postgres inserts.
 */
export class ImportPipeline {
  readonly counts: ImportCounts = { linesRead: 0, added: 0, skipped: 0, rejected: 0 };
  readonly rejections: ImportRejection[] = [];
  private readonly batch: NumberCopyBatch;
  private readonly readingStartedAt = Date.now();
  private savedRejections = 0;
  private position = 0;
  private sinceCommit = 0;
  private nextProgressAt = 0;

  constructor(
    private readonly client: ClientBase,
    private readonly seen: NumberBitset,
    private readonly settings: PipelineSettings,
  ) {
    this.batch = new NumberCopyBatch(client);
  }

  async consume(lines: readonly ImportLine[]): Promise<void> {
    for (const item of lines) {
      let text: string;
      let line: number;
      if (typeof item === 'string') {
        line = ++this.position;
        if (item.trim() === '') continue;
        text = item;
      } else {
        line = item.line;
        text = item.text;
      }
      if (this.take(text, line)) await this.batch.flush();
      if (++this.sinceCommit >= this.settings.batchLines) await this.commit(false);
      else if ((this.counts.linesRead & PROGRESS_CHECK_MASK) === 0) this.report(false);
    }
  }

  /** Commits the last batch and marks the run succeeded, in one transaction. */
  async finish(): Promise<void> {
    await this.commit(true);
  }

  progress(): ImportProgress {
    const now = Date.now();
    const { total } = this.settings;
    const readingMs = Math.max(1, now - this.readingStartedAt);
    const ratePerSecond = (this.counts.linesRead * 1000) / readingMs;
    const progress: ImportProgress = {
      importId: this.settings.importId,
      ...this.counts,
      elapsedMs: now - this.settings.startedAt,
      ratePerSecond,
    };
    if (total !== undefined) {
      progress.total = total;
      if (ratePerSecond > 0)
        progress.etaMs = (Math.max(0, total - this.counts.linesRead) * 1000) / ratePerSecond;
    }
    return progress;
  }

  // Returns true when the COPY chunk is full and must be flushed.
  private take(text: string, line: number): boolean {
    this.counts.linesRead++;
    let digits = text;
    if (!isListedCanonical(text)) {
      const parsed = parseNumber(text);
      if (!parsed.ok) {
        this.reject(line, text, parsed.reason, parsed.message);
        return false;
      }
      digits = parsed.digits;
    }
    if (!this.seen.addIndex(numberIndex(digits))) {
      this.counts.skipped++;
      return false;
    }
    const appraisal = appraise(digits, this.settings.rules);
    // parseNumber only accepts listed blocks, and appraise knows the same list.
    if (appraisal.carrier === undefined) throw new Error(`No carrier for block ${appraisal.block}`);
    this.counts.added++;
    return this.batch.addNumber(appraisal, appraisal.carrier, this.settings.rules.version);
  }

  private reject(line: number, input: string, reason: string, message: string): void {
    this.counts.rejected++;
    if (this.rejections.length < MAX_KEPT_REJECTIONS) {
      this.rejections.push({ line, input: input.slice(0, MAX_REJECTED_INPUT_LENGTH), reason, message });
    }
  }

  private async commit(final: boolean): Promise<void> {
    const rejections = this.rejections.length === this.savedRejections ? undefined : this.rejections;
    await this.batch.commit(async ({ conflicts }) => {
      // Rows someone else inserted meanwhile (see NumberCopyBatch) were not added after all.
      this.counts.added -= conflicts;
      this.counts.skipped += conflicts;
      if (!final) {
        await recordImportProgress(this.client, this.settings.importId, this.counts, rejections);
        return;
      }
      // Batches commit without waiting for the disk (see importNumbers); the last commit
      // does, and so for every batch before it: the run is not called succeeded before
      // all of its rows are durable.
      await this.client.query('SET synchronous_commit = on');
      await finishImportRun(
        this.client,
        this.settings.importId,
        { status: 'succeeded' },
        this.counts,
        rejections,
      );
    });
    this.savedRejections = this.rejections.length;
    this.sinceCommit = 0;
    this.report(final);
  }

  private report(force: boolean): void {
    const { onProgress, progressEveryMs } = this.settings;
    if (!onProgress) return;
    const now = Date.now();
    if (!force && now < this.nextProgressAt) return;
    this.nextProgressAt = now + progressEveryMs;
    onProgress(this.progress());
  }
}
