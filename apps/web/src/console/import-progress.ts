/** The parts of an import's state (GET /api/v1/admin/inventory/imports/:id) the progress bar reads. */
export interface ImportState {
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed';
  readonly percent: number | null;
}

/** Whether the import has stopped moving (polling ends). */
export const importFinished = (state: ImportState): boolean =>
  state.status === 'succeeded' || state.status === 'failed';

/**
 * The bar's percent, whole and within 0–100: 0 while queued, 100 once it succeeded (the last
 * poll may predate the final byte count), else the API's percent of bytes read.
 */
export function importPercent(state: ImportState): number {
  if (state.status === 'succeeded') return 100;
  if (state.status === 'queued' || state.percent === null) return 0;
  return Math.min(100, Math.max(0, Math.floor(state.percent)));
}

/** Ant Design's Progress status of an import. */
export function importBarStatus(state: ImportState): 'active' | 'success' | 'exception' | 'normal' {
  switch (state.status) {
    case 'succeeded':
      return 'success';
    case 'failed':
      return 'exception';
    case 'running':
      return 'active';
    default:
      return 'normal';
  }
}

/** How long to wait before asking again: quick while it runs, slower while it waits in the queue. */
export const importPollDelayMs = (state: ImportState): number => (state.status === 'queued' ? 1_000 : 400);
