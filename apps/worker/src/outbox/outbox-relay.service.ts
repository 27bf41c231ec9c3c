import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { JobProducer } from '@haoma/jobs';
import { publishOutboxBatch, type OutboxSink } from './outbox-publisher';

/** The channel the outbox trigger notifies on every insert statement (see the orders migration). */
export const OUTBOX_CHANNEL = 'outbox_inserted';
export const OUTBOX_BATCH_SIZE = 500;
const PUBLISH_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 30_000;
// A NOTIFY arrives per inserting transaction: waiting a moment after the first one lets a
// burst (hundreds of holds expiring each second) go out in a few batches, not one per row.
const NOTIFY_COALESCE_MS = 20;

/**
 * Moves outbox rows to the queues. It wakes on the trigger's NOTIFY (a dedicated LISTEN
 * connection) and also polls every OUTBOX_POLL_INTERVAL_MS, so a lost notification or a
 * dropped LISTEN connection only delays a row. When the queue backend or the database fails
 * it logs, backs off (up to 30 s) and tries again: the rows stay in PostgreSQL until published.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly sink: OutboxSink;
  private listener: Client | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private notifyTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;
  private retryAt = 0;
  private listenFailures = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    producer: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sink = producer;
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.pollTimer = setInterval(() => this.trigger(), this.config.OUTBOX_POLL_INTERVAL_MS);
    void this.listen();
    this.trigger();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.notifyTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.running;
  }

  private trigger(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (Date.now() < this.retryAt) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.trigger();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        this.again = false;
        const { published, unknown } = await publishOutboxBatch(this.dataSource, this.sink, {
          batchSize: OUTBOX_BATCH_SIZE,
          publishTimeoutMs: PUBLISH_TIMEOUT_MS,
        });
        for (const row of unknown)
          this.logger.error(
            `outbox row ${row.id}: "${row.jobName}" is not an outbox job; marked, not published`,
          );
        if (published + unknown.length < OUTBOX_BATCH_SIZE || this.stopped) break;
      }
      if (this.failures > 0) this.logger.log(`publishing again after ${this.failures} failed attempts`);
      this.failures = 0;
      this.retryAt = 0;
    } catch (error) {
      this.failures += 1;
      const backoff = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (this.failures - 1));
      this.retryAt = Date.now() + backoff;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.trigger(), backoff);
      // One line per failure streak step: a long outage does not flood the log.
      this.logger.warn(
        `cannot publish the outbox (attempt ${this.failures}, next in ${backoff / 1000} s): ${message(error)}`,
      );
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'haoma-worker-outbox',
      keepAlive: true,
    });
    const reconnect = (reason: string) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      this.scheduleListen(reason);
    };
    this.listener = client;
    client.on('notification', () => {
      this.notifyTimer ??= setTimeout(() => {
        this.notifyTimer = undefined;
        this.trigger();
      }, NOTIFY_COALESCE_MS);
    });
    client.on('error', (error) => reconnect(message(error)));
    client.on('end', () => reconnect('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.listenFailures > 0) this.logger.log('listening for outbox rows again');
      this.listenFailures = 0;
      // Rows inserted while nobody listened.
      this.trigger();
    } catch (error) {
      reconnect(message(error));
    }
  }

  private scheduleListen(reason: string): void {
    if (this.stopped) return;
    this.listenFailures += 1;
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (this.listenFailures - 1));
    this.logger.warn(
      `outbox LISTEN connection lost (${reason}); polling until it is back, retry in ${delay / 1000} s`,
    );
    this.reconnectTimer = setTimeout(() => void this.listen(), delay);
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
