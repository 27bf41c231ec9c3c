import { Client } from 'pg';
import { appraise } from '@haoma/domain';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { numberCopyRow } from './copy-format';
import { generateNumbers } from './generate-numbers';
import { importNumbers, type ImportOptions } from './import-numbers';
import { NumberCopyBatch } from './number-copy-batch';

const OPTIONS: ImportOptions = { source: 'test', startedBy: 'test' };

function numbers(block: string, start: number, count: number): string[] {
  return [...generateNumbers({ block, start, count })];
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the import to fail');
}

describe('importNumbers: concurrency and failures (integration)', () => {
  let db: TestDatabase;
  let client: Client;

  const countLike = async (prefix: string): Promise<number> =>
    (
      await client.query<{ n: number }>('SELECT count(*)::int AS n FROM numbers WHERE number LIKE $1', [
        `${prefix}%`,
      ])
    ).rows[0]?.n ?? -1;
  const runRow = async (id: string): Promise<Record<string, unknown>> =>
    (await client.query('SELECT * FROM inventory_imports WHERE id = $1', [id])).rows[0];
  const lastRun = async (): Promise<Record<string, unknown>> =>
    (await client.query('SELECT * FROM inventory_imports ORDER BY started_at DESC LIMIT 1')).rows[0];
  const insertRetired = (digits: string): Promise<unknown> =>
    client.query(
      `INSERT INTO numbers (number, block, carrier, grade, explanation, selection_fee_fen, grading_version, status)
       VALUES ($1::varchar, left($1::varchar, 4), 'unicom', 'legacy', 'old', 9, 0, 'retired')`,
      [digits],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('runs two overlapping imports one after the other: each number once, both succeed', async () => {
    let opened!: () => void;
    const waiting = new Promise<void>((resolve) => (opened = resolve));
    let waits = 0;
    // Whichever import gets the lock first holds it until the other is seen waiting.
    async function* gated(items: string[]): AsyncGenerator<string> {
      for (const [i, item] of items.entries()) {
        if (i === 1) await waiting;
        yield item;
      }
    }
    const run = (items: string[]) =>
      importNumbers(db.url, gated(items), {
        ...OPTIONS,
        batchLines: 1000,
        onLockWait: () => {
          waits++;
          opened();
        },
      });
    const [a, b] = await Promise.all([run(numbers('4008', 0, 30_000)), run(numbers('4008', 15_000, 30_000))]);

    expect(waits).toBe(1);
    expect(a.added + b.added).toBe(45_000);
    expect(a.skipped + b.skipped).toBe(15_000);
    expect([a.added, b.added].sort((x, y) => x - y)).toEqual([15_000, 30_000]);
    expect(await countLike('4008')).toBe(45_000);
    expect((await runRow(a.importId)).status).toBe('succeeded');
    expect((await runRow(b.importId)).status).toBe('succeeded');
  });

  it('survives numbers inserted behind its back, without touching them', async () => {
    const items = numbers('4006', 0, 20_000);
    async function* source(): AsyncGenerator<string> {
      for (const [i, item] of items.entries()) {
        // Inserted without the import lock, after the importer loaded what exists; the
        // second lands in a chunk that is already streaming when the first conflict hits.
        if (i === 50) await insertRetired('4006000100');
        if (i === 15_000) await insertRetired('4006019000');
        yield item;
      }
    }
    const summary = await importNumbers(db.url, source(), OPTIONS);
    expect(summary).toMatchObject({ linesRead: 20_000, added: 19_998, skipped: 2, rejected: 0 });
    expect(await countLike('4006')).toBe(20_000);
    const kept = await client.query(
      `SELECT number, status, grade, selection_fee_fen FROM numbers WHERE status = 'retired' ORDER BY number`,
    );
    expect(kept.rows).toEqual(
      ['4006000100', '4006019000'].map((number) => ({
        number,
        status: 'retired',
        grade: 'legacy',
        selection_fee_fen: 9,
      })),
    );
    expect(await runRow(summary.importId)).toMatchObject({ status: 'succeeded', added: 19_998, skipped: 2 });
  });

  it('marks the run failed when the source throws, keeping the committed batches', async () => {
    function* source(): Generator<string> {
      const items = numbers('4001', 0, 5000);
      for (const [i, item] of items.entries()) {
        if (i === 4500) throw new Error('source broke');
        yield item;
      }
    }
    const error = await rejectionOf(importNumbers(db.url, source(), { ...OPTIONS, batchLines: 1000 }));
    expect(error.message).toBe('source broke');
    const run = await lastRun();
    // 4096 lines reached the pipeline (one array); the 96 after the 4th commit were rolled back.
    expect(run).toMatchObject({ status: 'failed', error: 'source broke', lines_read: 4000, added: 4000 });
    expect(run.finished_at).toBeInstanceOf(Date);
    expect(await countLike('4001')).toBe(4000);
  });

  it('marks the run failed when its connection drops', async () => {
    async function* source(): AsyncGenerator<string> {
      for (const [i, item] of numbers('4007', 0, 30).entries()) {
        if (i === 15) {
          await client.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE application_name = 'haoma-import' AND datname = current_database()`,
          );
        }
        yield item;
      }
    }
    const error = await rejectionOf(importNumbers(db.url, source(), { ...OPTIONS, batchLines: 10 }));
    const run = await lastRun();
    expect(run).toMatchObject({ status: 'failed', error: error.message, lines_read: 10, added: 10 });
    expect(error.message).not.toBe('');
    expect(await countLike('4007')).toBe(10);
  });

  it('stops between batches when aborted, and marks the run failed with the reason', async () => {
    const controller = new AbortController();
    function* source(): Generator<string> {
      for (const [i, item] of numbers('4009', 0, 10_000).entries()) {
        if (i === 5000) controller.abort(new Error('stop requested'));
        yield item;
      }
    }
    const error = await rejectionOf(
      importNumbers(db.url, source(), { ...OPTIONS, batchLines: 1000, signal: controller.signal }),
    );
    expect(error.message).toBe('stop requested');
    // Arrays of 4096 lines: the abort during the second array is seen before the pipeline takes it.
    expect(await lastRun()).toMatchObject({ status: 'failed', error: 'stop requested', lines_read: 4000 });
    expect(await countLike('4009')).toBe(4000);
  });

  it('marks runs left running by a dead process as failed, then imports', async () => {
    const stale = await client.query<{ id: string }>(
      `INSERT INTO inventory_imports (source, started_by) VALUES ('old.csv', 'cli:gone') RETURNING id`,
    );
    const summary = await importNumbers(db.url, ['4000000001'], OPTIONS);
    expect(summary).toMatchObject({ added: 1 });
    expect(await runRow(stale.rows[0]?.id ?? '')).toMatchObject({
      status: 'failed',
      error: 'abandoned: the importing process ended without finishing this run',
    });
  });

  it('refuses invalid active grading rules and records why', async () => {
    await client.query(
      `INSERT INTO grading_rule_sets (version, rules, active) VALUES (9, '{"grades": []}', true)`,
    );
    const error = await rejectionOf(importNumbers(db.url, ['4000000002'], OPTIONS));
    expect(error.message).toMatch(
      /^The active grading rules \(version 9\) are invalid: .*grades: must be a non-empty list/,
    );
    expect(await lastRun()).toMatchObject({ status: 'failed', error: error.message, lines_read: 0 });
    expect(await countLike('4000000002')).toBe(0);
    await client.query('DELETE FROM grading_rule_sets');
  });

  it('escapes COPY text so odd tags and explanations arrive intact', async () => {
    const tags = ['a b', 'x,y', '{z}', 'say "hi"', 'back\\slash', 'NULL', '', 'tab\there', '中文'];
    const explanation = 'line1\nline2\ttab \\N back\\slash\r 中文 ×3';
    const batch = new NumberCopyBatch(client);
    batch.add(numberCopyRow({ ...appraise('4000999042'), tags, explanation }, 'telecom', 1));
    await batch.commit(async () => undefined);
    const row = await client.query(`SELECT tags, explanation FROM numbers WHERE number = '4000999042'`);
    expect(row.rows).toEqual([{ tags, explanation }]);
  });
});
