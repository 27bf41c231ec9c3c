import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { importNumbersInWorker } from './import-in-worker';
import type { ImportProgress } from './import-pipeline';

describe('importNumbersInWorker (integration)', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'haoma-worker-'));
  });

  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a file on a worker thread and relays progress and rejections', async () => {
    const file = join(dir, 'numbers.csv');
    await writeFile(file, 'number\n4008001234\n\n4008001234\n12345\n4009000000\n');
    const progress: ImportProgress[] = [];
    const summary = await importNumbersInWorker(
      db.url,
      { kind: 'file', path: file },
      {
        source: file,
        startedBy: 'test',
        totalHint: 4,
        onProgress: (p) => progress.push(p),
      },
    );
    expect(summary).toMatchObject({ linesRead: 4, added: 2, skipped: 1, rejected: 1 });
    expect(summary.rejections).toEqual([
      { line: 5, input: '12345', reason: 'NOT_400', message: expect.stringContaining('starts with 123') },
    ]);
    expect(progress.at(-1)).toMatchObject({ importId: summary.importId, linesRead: 4, total: 4 });
  });

  it('imports generated numbers and reports failures as errors', async () => {
    const summary = await importNumbersInWorker(
      db.url,
      { kind: 'generate', options: { block: '4006', count: 1000, seed: 'w' } },
      { source: 'generate', startedBy: 'test' },
    );
    expect(summary).toMatchObject({ linesRead: 1000, added: 1000, skipped: 0, rejected: 0 });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const count = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM numbers WHERE block = '4006'`,
    );
    await client.end();
    expect(count.rows[0]?.n).toBe(1000);

    await expect(
      importNumbersInWorker(
        db.url,
        { kind: 'file', path: join(dir, 'missing.csv') },
        { source: 'x', startedBy: 'test' },
      ),
    ).rejects.toThrow('ENOENT');
  });

  it('aborts the worker import when the signal fires', async () => {
    const controller = new AbortController();
    const error = await importNumbersInWorker(
      db.url,
      { kind: 'generate', options: { block: '4001', count: 1_000_000 } },
      {
        source: 'generate',
        startedBy: 'test',
        batchLines: 10_000,
        progressEveryMs: 0,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.linesRead >= 20_000) controller.abort(new Error('enough'));
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toEqual(new Error('enough'));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const last = await client.query(
      'SELECT status, error FROM inventory_imports ORDER BY started_at DESC LIMIT 1',
    );
    await client.end();
    expect(last.rows).toEqual([{ status: 'failed', error: 'enough' }]);
  });
});
