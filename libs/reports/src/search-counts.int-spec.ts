import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { addSearchCounts, searchesBetween, searchHourOf } from './search-counts';

let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
});

afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const hour = (iso: string) => new Date(iso).getTime();

describe('search counts', () => {
  it('adds to each hour, concurrent batches included, and sums a period', async () => {
    await addSearchCounts(ds.manager, new Map([[hour('2026-01-01T10:00:00Z'), 2]]));
    await Promise.all([
      addSearchCounts(
        ds.manager,
        new Map([
          [hour('2026-01-01T10:00:00Z'), 3],
          [hour('2026-01-01T11:00:00Z'), 1],
        ]),
      ),
      addSearchCounts(ds.manager, new Map([[hour('2026-01-01T10:00:00Z'), 4]])),
      addSearchCounts(ds.manager, new Map([[hour('2026-01-01T12:00:00Z'), 0]])),
    ]);
    const rows: { hour: Date; searches: string }[] = await ds.query(
      `SELECT hour, searches FROM search_counts ORDER BY hour`,
    );
    expect(rows.map((r) => [r.hour.toISOString(), Number(r.searches)])).toEqual([
      ['2026-01-01T10:00:00.000Z', 9],
      ['2026-01-01T11:00:00.000Z', 1],
    ]);
    expect(
      await searchesBetween(ds.manager, new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T11:00:00Z')),
    ).toBe(9);
    expect(
      await searchesBetween(ds.manager, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z')),
    ).toBe(10);
    expect(
      await searchesBetween(ds.manager, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-03T00:00:00Z')),
    ).toBe(0);
  });

  it('buckets by the hour', () => {
    expect(searchHourOf(new Date('2026-01-01T10:59:59.999Z')).toISOString()).toBe('2026-01-01T10:00:00.000Z');
  });
});
