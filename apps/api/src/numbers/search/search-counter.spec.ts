import type { DataSource } from 'typeorm';
import { SearchCounter } from './search-counter';

type Call = [string, [string[], number[]]];

function counterWith(query: jest.Mock): SearchCounter {
  const counter = new SearchCounter({ manager: { query } } as unknown as DataSource);
  return counter;
}

const at = (iso: string) => () => new Date(iso);

describe('SearchCounter', () => {
  it('writes nothing per search, then one upsert per flush with a count per hour', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const counter = counterWith(query);
    counter.clock = at('2026-01-01T10:15:00Z');
    counter.count();
    counter.count();
    counter.clock = at('2026-01-01T11:00:00Z');
    counter.count();
    expect(query).not.toHaveBeenCalled();
    expect(counter.unflushed).toBe(3);

    await counter.flush();
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0] as Call;
    expect(sql).toContain(
      'ON CONFLICT (hour) DO UPDATE SET searches = search_counts.searches + EXCLUDED.searches',
    );
    expect(params).toEqual([
      ['2026-01-01T10:00:00.000Z', '2026-01-01T11:00:00.000Z'],
      [2, 1],
    ]);
    expect(counter.unflushed).toBe(0);

    await counter.flush();
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('keeps the counts of a failed flush for the next one', async () => {
    const query = jest.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue([]);
    const counter = counterWith(query);
    counter.clock = at('2026-01-01T10:15:00Z');
    counter.count();
    await counter.flush();
    counter.count();
    expect(counter.unflushed).toBe(2);
    await counter.flush();
    expect((query.mock.calls[1] as Call)[1]).toEqual([['2026-01-01T10:00:00.000Z'], [2]]);
    expect(counter.unflushed).toBe(0);
  });

  it('flushes on shutdown and stops its timer', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const counter = counterWith(query);
    counter.onModuleInit();
    counter.count();
    await counter.onApplicationShutdown();
    expect(query).toHaveBeenCalledTimes(1);
    expect(counter.unflushed).toBe(0);
  });

  it('never runs two flushes at once', async () => {
    let release: () => void = () => undefined;
    const query = jest
      .fn()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)))
      .mockResolvedValue([]);
    const counter = counterWith(query);
    counter.count();
    const first = counter.flush();
    await new Promise(setImmediate);
    expect(query).toHaveBeenCalledTimes(1);
    counter.count();
    const second = counter.flush();
    await new Promise(setImmediate);
    // The first write is still running: the second waits for it.
    expect(query).toHaveBeenCalledTimes(1);
    release();
    await Promise.all([first, second]);
    expect(query).toHaveBeenCalledTimes(2);
  });
});
