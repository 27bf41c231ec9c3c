import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { createDataSource } from '../data-source';
import { NumberEntity } from '../entities';
import { releaseExpiredHolds } from './number-holds';

async function insertNumber(
  ds: DataSource,
  number: string,
  status: string,
  heldUntil: Date | null = null,
  holder: string | null = null,
): Promise<void> {
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id, held_until)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'standard number', 0, 1, $2, $3, $4)`,
    [number, status, holder, heldUntil],
  );
}

describe('numbers table guarantees and releaseExpiredHolds', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const now = new Date('2026-11-27T12:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('releases only held numbers whose hold ran out', async () => {
    await insertNumber(ds, '4008000001', 'held', new Date(now.getTime() - 1000), randomUUID());
    await insertNumber(ds, '4008000002', 'held', new Date(now.getTime() + 60_000), randomUUID());
    await insertNumber(ds, '4008000003', 'locked', null, randomUUID());
    await insertNumber(ds, '4008000004', 'available');

    const holder = (await ds.query(`SELECT holder_order_id FROM numbers WHERE number = '4008000001'`))[0]
      .holder_order_id as string;
    expect(await releaseExpiredHolds(ds.manager, 'system:test', now)).toEqual(['4008000001']);
    const rows = await ds.query(
      `SELECT number, status, holder_order_id, held_until FROM numbers ORDER BY number`,
    );
    expect(rows.map((r: { number: string; status: string }) => [r.number, r.status])).toEqual([
      ['4008000001', 'available'],
      ['4008000002', 'held'],
      ['4008000003', 'locked'],
      ['4008000004', 'available'],
    ]);
    expect(rows[0].holder_order_id).toBeNull();
    expect(rows[0].held_until).toBeNull();
    expect(
      await ds.query(
        `SELECT number, from_status, to_status, order_id, actor, reason, created_at FROM number_events`,
      ),
    ).toEqual([
      {
        number: '4008000001',
        from_status: 'held',
        to_status: 'available',
        order_id: holder,
        actor: 'system:test',
        reason: 'hold expired',
        created_at: now,
      },
    ]);
    expect(await releaseExpiredHolds(ds.manager, 'system:test', now)).toEqual([]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM number_events`)).toEqual([{ n: 1 }]);
  });

  it('two sweepers at once release and record each number exactly once', async () => {
    await ds.query(
      `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id, held_until)
       SELECT '4000' || lpad(i::text, 6, '0'), '4000', 'unicom', 'standard', '{}', 'standard number', 0, 1, 'held',
              gen_random_uuid(), $1::timestamptz - interval '1 second'
         FROM generate_series(1, 300) AS i`,
      [now],
    );
    const [a, b] = await Promise.all([
      ds.transaction((m) => releaseExpiredHolds(m, 'system:a', now)),
      ds.transaction((m) => releaseExpiredHolds(m, 'system:b', now)),
    ]);
    expect(a.length + b.length).toBe(300);
    expect(new Set([...a, ...b]).size).toBe(300);
    expect(await ds.query(`SELECT count(*)::int AS n FROM number_events WHERE number LIKE '4000%'`)).toEqual([
      { n: 300 },
    ]);
  });

  it('cannot hold one number for two orders: one holder column, and one number per order', async () => {
    const order = randomUUID();
    await insertNumber(ds, '4006000001', 'held', now, order);
    await expect(insertNumber(ds, '4006000002', 'held', now, order)).rejects.toThrow(
      /numbers_holder_order_id_key/,
    );
    await expect(insertNumber(ds, '4006000001', 'held', now, randomUUID())).rejects.toThrow(/numbers_pkey/);
  });

  it.each([
    ['a held number without a holder', '4001000001', 'held', now, null, /numbers_holder_check/],
    [
      'a held number without an expiry',
      '4001000002',
      'held',
      null,
      randomUUID(),
      /numbers_hold_expiry_check/,
    ],
    [
      'an available number with a holder',
      '4001000003',
      'available',
      null,
      randomUUID(),
      /numbers_holder_check/,
    ],
    ['an unknown status', '4001000004', 'sold', null, null, /numbers_status_check/],
    ['a malformed number', '400100000X', 'available', null, null, /numbers_number_check/],
    ['a number with a space', '4001 00000', 'available', null, null, /numbers_number_check/],
    ['a number with a sign', '+400100000', 'available', null, null, /numbers_number_check/],
    [
      'a number with full-width digits',
      '４００１０００００５',
      'available',
      null,
      null,
      /numbers_number_check/,
    ],
    ['a number with the wrong prefix', '4101000005', 'available', null, null, /numbers_number_check/],
    ['a number one digit short', '400100005', 'available', null, null, /numbers_number_check/],
    ['an empty number', '', 'available', null, null, /numbers_number_check/],
  ])('refuses %s', async (_label, number, status, heldUntil, holder, error) => {
    await expect(insertNumber(ds, number, status, heldUntil, holder)).rejects.toThrow(error);
  });

  it("refuses a block that is not the number's first four digits", async () => {
    const insert = (block: string) =>
      ds.query(
        `INSERT INTO numbers (number, block, carrier, grade, explanation, selection_fee_fen, grading_version)
         VALUES ('4001000007', $1, 'mobile', 'standard', 'standard number', 0, 1)`,
        [block],
      );
    for (const block of ['4000', '400', '400 ', '']) {
      await expect(insert(block)).rejects.toThrow(/numbers_number_check/);
    }
    await insert('4001');
  });

  // numbers_number_check was `"number" ~ '^400[0-9]{7}$' AND "block" = left("number", 4)`;
  // it became regex-free for speed and must accept and refuse exactly the same rows.
  it('accepts exactly the numbers the former regex CHECK accepted', async () => {
    const valid = '4006123457';
    const candidates = new Set<string>([valid, '4000000000', '4009999999', '400000000', '40000000000']);
    for (let i = 0; i < valid.length; i++) {
      for (const char of ['0', '9', '/', ':', 'a', ' ', '\t', '\n', '٣', '３', 'é', '_', '%']) {
        candidates.add(valid.slice(0, i) + char + valid.slice(i + 1));
        candidates.add(valid.slice(0, i) + char + valid.slice(i));
        candidates.add(valid.slice(0, i) + valid.slice(i + 1));
      }
    }
    const formerCheck = /^400[0-9]{7}$/;
    // A plain connection: TypeORM would log each refused row as a failed query.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const number of candidates) {
        if ([...number].length > 10) continue; // refused by varchar(10) before any CHECK
        await client.query('SAVEPOINT candidate');
        const accepted = await client
          .query(
            `INSERT INTO numbers (number, block, carrier, grade, explanation, selection_fee_fen, grading_version)
             VALUES ($1, $2, 'unicom', 'standard', 'standard number', 0, 1)`,
            [number, number.slice(0, 4)],
          )
          .then(
            () => true,
            (error: Error) => {
              if (!/numbers_number_check/.test(error.message)) throw error;
              return false;
            },
          );
        await client.query('ROLLBACK TO SAVEPOINT candidate');
        expect({ number, accepted }).toEqual({ number, accepted: formerCheck.test(number) });
      }
    } finally {
      await client.end();
    }
  });

  // The schema-drift test compares CHECKs by name only: this one compares their text, as
  // Postgres normalises it, between the entity and the migrated table.
  it('has the CHECKs the entity declares, expression for expression', async () => {
    const declared = ds.getMetadata(NumberEntity).checks;
    expect(declared.map((check) => check.name).sort()).toEqual([
      'numbers_fee_check',
      'numbers_hold_expiry_check',
      'numbers_holder_check',
      'numbers_number_check',
      'numbers_status_check',
    ]);
    const runner = ds.createQueryRunner();
    const definitions = async (table: string): Promise<Record<string, string>> => {
      const rows: { name: string; definition: string }[] = await runner.query(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS definition
           FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'`,
        [table],
      );
      return Object.fromEntries(rows.map((row) => [row.name, row.definition]));
    };
    try {
      await runner.startTransaction();
      await runner.query(`CREATE TEMP TABLE numbers_declared (LIKE numbers)`);
      for (const check of declared) {
        await runner.query(
          `ALTER TABLE numbers_declared ADD CONSTRAINT "${check.name}" CHECK (${check.expression ?? ''})`,
        );
      }
      expect(await definitions('numbers')).toEqual(await definitions('numbers_declared'));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
