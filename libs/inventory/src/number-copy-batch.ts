import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { Appraisal } from '@haoma/domain';
import { copyNumbersSql, NUMBER_COLUMN_LIST, numberCopyRow, writeNumberCopyRow } from './copy-format';

// Rows are sent in chunks of about this many bytes: big enough that per-write costs vanish,
// small enough that Postgres starts inserting while Node is still grading. Rows are encoded
// into a Buffer as they come, so no long-lived strings pile up in the V8 heap (which would
// make it grow: the importer's peak RSS must stay small whatever the input size).
const CHUNK_BYTES = 256 * 1024;
const CHUNK_SLACK = 16 * 1024;
const CHUNK_BUFFER_BYTES = CHUNK_BYTES + CHUNK_SLACK;
// Chunk buffers are recycled once a batch commits: freed Buffers only return their memory
// at the next full GC, which V8 runs rarely here (the heap itself stays small).
const MAX_POOLED_BUFFERS = 64;
const UNIQUE_VIOLATION = '23505';
const STAGING_TABLE = 'numbers_import_staging';

/** What committing a batch did: rows inserted, and rows that turned out to exist already. */
export interface BatchOutcome {
  added: number;
  conflicts: number;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === UNIQUE_VIOLATION;
}

/**
 * The new rows of one transaction, streamed into `numbers` with `COPY … FROM STDIN` as they
 * come (the transaction and the COPY open with the first chunk). The chunks are kept until
 * commit: if a row appears that the importer's bitset did not know (someone inserted it
 * without taking the import lock), the COPY fails on the primary key and the batch is
 * replayed through a staging table with `ON CONFLICT DO NOTHING`, so existing rows are
 * still never touched and the import still completes.
 */
export class NumberCopyBatch {
  private buffer: Buffer = Buffer.allocUnsafe(CHUNK_BUFFER_BYTES);
  private used = 0;
  private sent: Buffer[] = [];
  private readonly pool: Buffer[] = [];
  private rows = 0;
  private stream: CopyStreamQuery | undefined;
  private failure: Error | undefined;

  constructor(private readonly client: ClientBase) {}

  /** Rows added since the last commit. */
  get size(): number {
    return this.rows;
  }

  /**
   * Buffers the COPY row of a graded number (see {@link writeNumberCopyRow}); true when a
   * chunk is full and the caller should `await flush()`.
   */
  addNumber(appraisal: Appraisal, carrier: string, gradingVersion: number): boolean {
    const end = writeNumberCopyRow(this.buffer, this.used, appraisal, carrier, gradingVersion);
    // Only a row longer than the chunk's slack does not fit: the string path makes room.
    if (end < 0) return this.add(numberCopyRow(appraisal, carrier, gradingVersion));
    this.used = end;
    this.rows++;
    return this.used >= CHUNK_BYTES;
  }

  /** Buffers one COPY text row; true when a chunk is full and the caller should `await flush()`. */
  add(row: string): boolean {
    // row.length * 3 bounds its UTF-8 size; only a huge row needs the exact size.
    if (row.length * 3 > this.buffer.length - this.used) this.reserve(Buffer.byteLength(row));
    this.used += this.buffer.write(row, this.used);
    this.rows++;
    return this.used >= CHUNK_BYTES;
  }

  /** Sends the buffered rows, and waits while Postgres is behind (backpressure). */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    // Another buffer each time: the socket may still be sending this one, and a replay needs it.
    this.buffer = this.pool.pop() ?? Buffer.allocUnsafe(CHUNK_BUFFER_BYTES);
    this.used = 0;
    this.sent.push(chunk);
    this.throwUnlessRecoverable();
    // After a failed COPY the stream is dead: keep the rows for the replay, send nothing.
    if (this.failure) return;
    const stream = this.stream ?? (await this.open());
    if (stream.destroyed || stream.write(chunk)) return;
    // A rejection here is the COPY failing, already recorded by the 'error' listener.
    await once(stream, 'drain').catch(() => undefined);
    this.throwUnlessRecoverable();
  }

  /**
   * Ends the COPY and commits, running `record` inside the transaction first (the
   * importer writes its progress row there, so counts and rows commit together). Without
   * rows, `record` runs on its own.
   */
  async commit(record: (outcome: BatchOutcome) => Promise<void>): Promise<BatchOutcome> {
    if (this.rows === 0) {
      const outcome = { added: 0, conflicts: 0 };
      await record(outcome);
      return outcome;
    }
    await this.flush();
    const stream = this.stream;
    let added = 0;
    if (stream && !this.failure) {
      stream.end();
      await once(stream, 'finish').catch(() => undefined);
      added = stream.rowCount;
    }
    this.throwUnlessRecoverable();
    if (this.failure) {
      await this.client.query('ROLLBACK');
      added = await this.replaySkippingExisting();
    }
    const outcome = { added, conflicts: this.rows - added };
    await record(outcome);
    await this.client.query('COMMIT');
    this.reset();
    return outcome;
  }

  private async open(): Promise<CopyStreamQuery> {
    await this.client.query('BEGIN');
    const stream = this.client.query(copyFrom(copyNumbersSql('numbers')));
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
    this.stream = stream;
    return stream;
  }

  private throwUnlessRecoverable(): void {
    if (this.failure && !isUniqueViolation(this.failure)) throw this.failure;
  }

  private async replaySkippingExisting(): Promise<number> {
    await this.client.query('BEGIN');
    await this.client.query(
      `CREATE TEMP TABLE ${STAGING_TABLE} (LIKE numbers INCLUDING DEFAULTS) ON COMMIT DROP`,
    );
    await pipeline(Readable.from(this.sent), this.client.query(copyFrom(copyNumbersSql(STAGING_TABLE))));
    const inserted = await this.client.query(
      `INSERT INTO numbers (${NUMBER_COLUMN_LIST}) SELECT ${NUMBER_COLUMN_LIST} FROM ${STAGING_TABLE}
       ON CONFLICT ("number") DO NOTHING`,
    );
    return inserted.rowCount ?? 0;
  }

  private reserve(bytes: number): void {
    if (bytes <= this.buffer.length - this.used) return;
    const bigger = Buffer.allocUnsafe(this.used + bytes + CHUNK_SLACK);
    this.buffer.copy(bigger, 0, 0, this.used);
    this.buffer = bigger;
  }

  private reset(): void {
    // The COPY has finished, so Postgres has read every chunk: their memory can be reused.
    for (const chunk of this.sent) {
      const standard = chunk.byteOffset === 0 && chunk.buffer.byteLength === CHUNK_BUFFER_BYTES;
      if (standard && this.pool.length < MAX_POOLED_BUFFERS) this.pool.push(Buffer.from(chunk.buffer));
    }
    this.used = 0;
    this.sent = [];
    this.rows = 0;
    this.stream = undefined;
    this.failure = undefined;
  }
}
