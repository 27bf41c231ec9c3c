import {
  importBarStatus,
  importFinished,
  importPercent,
  importPollDelayMs,
  type ImportState,
} from './import-progress';

describe('import progress', () => {
  it.each<[ImportState, number, string, boolean]>([
    [{ status: 'queued', percent: null }, 0, 'normal', false],
    [{ status: 'queued', percent: 40 }, 0, 'normal', false],
    [{ status: 'running', percent: null }, 0, 'active', false],
    [{ status: 'running', percent: 42.7 }, 42, 'active', false],
    [{ status: 'running', percent: 130 }, 100, 'active', false],
    [{ status: 'succeeded', percent: 97 }, 100, 'success', true],
    [{ status: 'failed', percent: 12.5 }, 12, 'exception', true],
  ])('%j → %i%% %s', (state, percent, bar, finished) => {
    expect(importPercent(state)).toBe(percent);
    expect(importBarStatus(state)).toBe(bar);
    expect(importFinished(state)).toBe(finished);
  });

  it('polls slower while queued', () => {
    expect(importPollDelayMs({ status: 'queued', percent: null })).toBeGreaterThan(
      importPollDelayMs({ status: 'running', percent: 1 }),
    );
  });
});
