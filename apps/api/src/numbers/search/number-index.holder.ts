import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import type { GradeCode } from '@haoma/domain';
import type { NumberIndex } from '@haoma/search';
import { GradingRulesCache } from './grading-rules.cache';
import { HoldTimers } from './hold-timers';
import { loadNumberIndex, parseTextArray } from './number-index.loader';

/** Channels the numbers table's triggers notify on (see the search-sync migration). */
export const NUMBERS_CHANGED_CHANNEL = 'numbers_changed';
export const NUMBERS_INSERTED_CHANNEL = 'numbers_inserted';

const FLUSH_EVERY_MS = 25;
const HOLD_CHECK_EVERY_MS = 1_000;
const RECONNECT_DELAY_MS = 1_000;

interface ChangedRow {
  number: string;
  grade: GradeCode;
  tags: string;
  selection_fee_fen: number;
  grading_version: number;
  available: boolean;
  held_until_ms: string | null;
}

/**
 * Keeps the in-memory search index consistent with Postgres: loads it at boot, applies
 * every change the table's triggers announce (batched, re-read from the table, so the
 * database stays the truth), times out holds, and reloads the whole index after an import
 * or whenever the notification stream broke (a missed notification is never trusted away).
 */
@Injectable()
export class NumberIndexHolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchIndex');
  private current: NumberIndex | undefined;
  private listener: Client | undefined;
  private reader: Client | undefined;
  private readonly changed = new Set<string>();
  private readonly holds = new HoldTimers();
  private olderGrading = new Map<string, number>();
  private flushTimer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: GradingRulesCache,
  ) {}

  /** The index to search; the API does not serve searches before it is loaded. */
  get index(): NumberIndex {
    if (!this.current) throw new Error('the search index is not loaded yet');
    return this.current;
  }

  /** The rule-set version that graded a number, when it is not the active one. */
  gradingVersionOf(number: string): number | undefined {
    return this.olderGrading.get(number);
  }

  get loaded(): boolean {
    return this.current !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
    await this.reload();
    this.holdTimer = setInterval(() => this.expireHolds(Date.now()), HOLD_CHECK_EVERY_MS);
    this.holdTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.holdTimer);
    clearTimeout(this.flushTimer);
    await Promise.allSettled([this.listener?.end(), this.reader?.end(), this.reloading]);
  }

  /** Reloads everything; changes announced meanwhile are re-applied on top. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        const started = Date.now();
        const rules = await this.rules.active();
        const { index, holds, refused, olderGrading } = await loadNumberIndex(
          this.config.DATABASE_URL,
          rules,
        );
        this.olderGrading = olderGrading;
        if (refused.length) {
          this.logger.warn(
            `${refused.length} numbers left out of the index, e.g. ${refused.slice(0, 3).join('; ')}`,
          );
        }
        this.current = index;
        this.holds.clear();
        for (const hold of holds) this.holds.set(hold.number, hold.untilMs);
        this.logger.log(
          `loaded ${index.size} numbers (${index.availableCount} available) in ${Date.now() - started} ms`,
        );
      } while (this.reloadAgain && !this.stopped);
    })().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async connect(): Promise<void> {
    const listener = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'haoma-api-listen',
    });
    const reader = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'haoma-api-sync',
    });
    listener.on('notification', (message) => {
      if (message.channel === NUMBERS_INSERTED_CHANNEL) void this.reload().catch((e) => this.fail(e));
      else if (message.payload) this.noteChanged(message.payload);
    });
    // A broken listener may have missed notifications: reconnect, then reload everything.
    listener.on('error', (error) => this.fail(error));
    reader.on('error', (error) => this.fail(error));
    await Promise.all([listener.connect(), reader.connect()]);
    await listener.query(`LISTEN ${NUMBERS_CHANGED_CHANNEL}; LISTEN ${NUMBERS_INSERTED_CHANNEL}`);
    this.listener = listener;
    this.reader = reader;
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.logger.warn(
      `index sync interrupted (${error instanceof Error ? error.message : String(error)}); reloading`,
    );
    const old = [this.listener, this.reader];
    this.listener = undefined;
    this.reader = undefined;
    void Promise.allSettled(old.map((c) => c?.end()));
    setTimeout(() => {
      if (this.stopped) return;
      this.connect()
        .then(() => this.reload())
        .catch((e: unknown) => this.fail(e));
    }, RECONNECT_DELAY_MS).unref();
  }

  private noteChanged(number: string): void {
    this.changed.add(number);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush().catch((e: unknown) => this.fail(e));
    }, FLUSH_EVERY_MS);
  }

  /** Re-reads the announced numbers and applies them: an availability flip, or a new row. */
  private async flush(): Promise<void> {
    const reader = this.reader;
    if (!reader || this.changed.size === 0) return;
    const numbers = [...this.changed];
    this.changed.clear();
    const { rows } = await reader.query<ChangedRow>(
      `SELECT number, grade, tags::text AS tags, selection_fee_fen, grading_version,
              status = 'available' OR (status = 'held' AND held_until <= now()) AS available,
              CASE WHEN status = 'held' AND held_until > now()
                   THEN floor(extract(epoch FROM held_until) * 1000)::bigint END AS held_until_ms
         FROM numbers WHERE number = ANY($1) AND status <> 'retired'`,
      [numbers],
    );
    const seen = new Set(rows.map((r) => r.number));
    this.applyRows(rows);
    for (const number of numbers) if (!seen.has(number)) this.current?.remove(number);
    // A reload that started before these changes read an older snapshot: apply them again.
    if (this.reloading) void this.reloading.then(() => numbers.forEach((n) => this.noteChanged(n)));
  }

  private applyRows(rows: readonly ChangedRow[]): void {
    const index = this.current;
    if (!index) return;
    const activeVersion = this.rules.current.version;
    for (const row of rows) {
      const tags = parseTextArray(row.tags);
      if (row.grading_version === activeVersion) this.olderGrading.delete(row.number);
      else this.olderGrading.set(row.number, row.grading_version);
      const known = index.get(row.number);
      const same =
        known !== undefined &&
        known.grade === row.grade &&
        known.selectionFeeFen === row.selection_fee_fen &&
        known.tags.join() === [...tags].sort().join();
      try {
        if (same) index.setAvailable(row.number, row.available);
        else
          index.upsert({
            number: row.number,
            grade: row.grade,
            tags,
            selectionFeeFen: row.selection_fee_fen,
            available: row.available,
          });
      } catch (error) {
        // A row the index cannot take (a grade the active rules do not know) leaves it.
        if (!(error instanceof RangeError)) throw error;
        index.remove(row.number);
        this.logger.warn(`${row.number} left out of the index: ${error.message}`);
      }
      if (row.held_until_ms === null) this.holds.delete(row.number);
      else this.holds.set(row.number, Number(row.held_until_ms));
    }
  }

  /** Holds expire by themselves: the number is for sale again from its `held_until`. */
  expireHolds(now: number): string[] {
    const due = this.holds.takeDue(now);
    for (const number of due) this.current?.setAvailable(number, true);
    return due;
  }
}
