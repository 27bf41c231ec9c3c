import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { appraise, DEFAULT_GRADING_RULES, parseNumber, type GradingRules } from '@haoma/domain';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { importNumbers, type ImportOptions } from './import-numbers';
import type { ImportProgress } from './import-pipeline';
import { readNumberLines } from './number-lines';

const OPTIONS: ImportOptions = { source: 'test.csv', startedBy: 'test' };

// Data lines 2 … 16; line 4 is blank. Lines 13-15 exist beforehand as held/locked/retired.
const CSV = [
  '\uFEFFname,number,note',
  'Acme,400-800-1234,x',
  'Beta,4008001234,repeated',
  '',
  'Gamma,40080,',
  'Delta,4005001234,',
  'Eps,"+86 400 888 8888",',
  'Zeta,４００９１２３４５６,',
  'Eta,abc,',
  'Theta,40012345678,',
  'Iota,5008001234,',
  'Kappa,4006000111,',
  'Lambda,4007123123,held',
  'Mu,4001000000,locked',
  'Nu,4000999999,retired',
  'Xi',
].join('\r\n');

const ADDED = ['4006000111', '4008001234', '4008888888', '4009123456'];
const EXISTING = ['4000999999', '4001000000', '4007123123'];
const REJECTED = [
  { line: 5, input: '40080', reason: 'TOO_SHORT' },
  { line: 6, input: '4005001234', reason: 'UNKNOWN_BLOCK' },
  { line: 9, input: 'abc', reason: 'INVALID_CHARACTER' },
  { line: 10, input: '40012345678', reason: 'TOO_LONG' },
  { line: 11, input: '5008001234', reason: 'NOT_400' },
  { line: 16, input: '', reason: 'EMPTY' },
].map((r) => ({ ...r, message: (parseNumber(r.input) as { message: string }).message }));

describe('importNumbers (integration)', () => {
  let db: TestDatabase;
  let client: Client;
  let dir: string;
  let file: string;

  const rowsOf = async (numbers: string[]): Promise<Record<string, unknown>[]> =>
    (
      await client.query<{ row: Record<string, unknown> }>(
        'SELECT to_jsonb(n) AS row FROM numbers n WHERE number = ANY($1) ORDER BY number',
        [numbers],
      )
    ).rows.map((r) => r.row);

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    dir = await mkdtemp(join(tmpdir(), 'haoma-import-'));
    file = join(dir, 'numbers.csv');
    await writeFile(file, CSV);
    await client.query(`
      INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                           status, holder_order_id, held_until, updated_at)
      VALUES ('4007123123', '4007', 'mobile', 'legacy', '{legacy}', 'old', 1, 0, 'held',
              gen_random_uuid(), now() + interval '1 hour', '2020-01-01'),
             ('4001000000', '4001', 'mobile', 'legacy', '{}', 'old', 2, 0, 'locked', gen_random_uuid(), NULL, '2020-01-01'),
             ('4000999999', '4000', 'unicom', 'legacy', '{}', 'old', 3, 0, 'retired', NULL, NULL, '2020-01-01')`);
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds new numbers, skips repeated and existing ones, rejects bad lines with their file line', async () => {
    const existingBefore = await rowsOf(EXISTING);
    const progress: ImportProgress[] = [];
    const summary = await importNumbers(db.url, readNumberLines(file), {
      ...OPTIONS,
      totalHint: 14,
      onProgress: (p) => progress.push(p),
    });

    expect(summary).toMatchObject({ linesRead: 14, added: 4, skipped: 4, rejected: 6 });
    expect(summary.rejections).toEqual(REJECTED);
    expect(progress[0]).toMatchObject({ importId: summary.importId, linesRead: 0, total: 14 });
    expect(progress.at(-1)).toMatchObject({ linesRead: 14, added: 4, skipped: 4, rejected: 6, etaMs: 0 });
    expect(await rowsOf(EXISTING)).toEqual(existingBefore);

    const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM numbers');
    expect(Number(count.rows[0]?.n)).toBe(ADDED.length + EXISTING.length);
    const added = await client.query(
      `SELECT number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status,
              holder_order_id, held_until FROM numbers WHERE number = ANY($1) ORDER BY number`,
      [ADDED],
    );
    expect(added.rows).toEqual(
      ADDED.map((digits) => {
        const a = appraise(digits, DEFAULT_GRADING_RULES);
        return {
          number: digits,
          block: a.block,
          carrier: a.carrier,
          grade: a.grade,
          tags: a.tags,
          explanation: a.explanation,
          selection_fee_fen: a.selectionFeeFen,
          grading_version: DEFAULT_GRADING_RULES.version,
          status: 'available',
          holder_order_id: null,
          held_until: null,
        };
      }),
    );

    const run = await client.query('SELECT * FROM inventory_imports WHERE id = $1', [summary.importId]);
    expect(run.rows[0]).toMatchObject({
      source: 'test.csv',
      started_by: 'test',
      status: 'succeeded',
      lines_read: 14,
      added: 4,
      skipped: 4,
      rejected: 6,
      rejections: REJECTED,
      error: null,
    });
    expect(run.rows[0].finished_at).toBeInstanceOf(Date);
  });

  it('adds nothing the second time and leaves every row as it was', async () => {
    const before = await rowsOf([...ADDED, ...EXISTING]);
    const summary = await importNumbers(db.url, readNumberLines(file), OPTIONS);
    expect(summary).toMatchObject({ linesRead: 14, added: 0, skipped: 8, rejected: 6 });
    expect(summary.rejections).toEqual(REJECTED);
    expect(await rowsOf([...ADDED, ...EXISTING])).toEqual(before);
  });

  it('grades with the active rule set and stamps its version', async () => {
    const rules: GradingRules = {
      ...DEFAULT_GRADING_RULES,
      version: 1,
      grades: DEFAULT_GRADING_RULES.grades.map((g) => ({ ...g, selectionFeeFen: g.selectionFeeFen + 1 })),
    };
    // The row's version wins over the one inside the JSON.
    await client.query('INSERT INTO grading_rule_sets (version, rules, active) VALUES (7, $1, true)', [
      rules,
    ]);
    const summary = await importNumbers(db.url, ['4008666666', '4008123456'], OPTIONS);
    expect(summary).toMatchObject({ linesRead: 2, added: 2, skipped: 0, rejected: 0 });
    const rows = await client.query(
      `SELECT number, grade, selection_fee_fen, grading_version FROM numbers
        WHERE number IN ('4008666666', '4008123456') ORDER BY number`,
    );
    expect(rows.rows).toEqual(
      ['4008123456', '4008666666'].map((digits) => {
        const a = appraise(digits, rules);
        return { number: digits, grade: a.grade, selection_fee_fen: a.selectionFeeFen, grading_version: 7 };
      }),
    );
    expect(rows.rows[1].selection_fee_fen).toBe(20_000_001);
    await client.query('DELETE FROM grading_rule_sets');
  });

  it('numbers bare string lines by position, skipping blank ones', async () => {
    const summary = await importNumbers(
      db.url,
      ['4009000001', '  ', '4009000001', 'nope', '4009000002'],
      OPTIONS,
    );
    expect(summary).toMatchObject({ linesRead: 4, added: 2, skipped: 1, rejected: 1 });
    expect(summary.rejections).toEqual([
      {
        line: 4,
        input: 'nope',
        reason: 'INVALID_CHARACTER',
        message: expect.stringContaining('"n" at position 1'),
      },
    ]);
  });

  it('commits every batch with its counts, so the run row shows real progress', async () => {
    const seen: { lines_read: number; added: number; rows: number }[] = [];
    async function* source(): AsyncGenerator<string> {
      for (let i = 0; i < 25; i++) {
        if (i === 24) {
          const run = await client.query(
            `SELECT lines_read, added FROM inventory_imports WHERE status = 'running'`,
          );
          const rows = await client.query(
            `SELECT count(*)::int AS n FROM numbers WHERE number LIKE '4000777%'`,
          );
          seen.push({ ...run.rows[0], rows: rows.rows[0].n });
        }
        yield `4000777${String(i).padStart(3, '0')}`;
      }
    }
    const summary = await importNumbers(db.url, source(), { ...OPTIONS, batchLines: 10 });
    expect(summary).toMatchObject({ linesRead: 25, added: 25 });
    // Lines 21-24 sit in the open third batch, invisible to others until it commits.
    expect(seen).toEqual([{ lines_read: 20, added: 20, rows: 20 }]);
  });
});
