import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addSearchCounts, searchHourOf } from '@haoma/reports';

/** How often counted searches are written (and on shutdown). */
export const SEARCH_COUNT_FLUSH_MS = 5_000;

/**
 * Counts storefront searches for the funnel report without a write per request: counts add
 * up in memory per hour and are flushed every few seconds (and on shutdown) as one upsert
 * (`searches += n`). A failed flush keeps its counts for the next one; a crash loses at most
 * the last few seconds, which a funnel can afford.
 */
@Injectable()
export class SearchCounter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SearchCounter.name);
  private pending = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  /** The clock the hour buckets are read from (tests set it). */
  clock: () => Date = () => new Date();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), SEARCH_COUNT_FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** One search, now. */
  count(): void {
    const hour = searchHourOf(this.clock()).getTime();
    this.pending.set(hour, (this.pending.get(hour) ?? 0) + 1);
  }

  /** Searches counted and not yet written. */
  get unflushed(): number {
    let n = 0;
    for (const v of this.pending.values()) n += v;
    return n;
  }

  /** Writes what was counted so far; flushes never overlap. Never throws (logs instead). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await addSearchCounts(this.dataSource.manager, batch);
    } catch (error) {
      for (const [hour, n] of batch) this.pending.set(hour, (this.pending.get(hour) ?? 0) + n);
      this.logger.warn(`search counts not written, kept for the next flush: ${String(error)}`);
    }
  }
}
