import { CARRIER_CODES, GRADE_CODES, ORDER_STATUSES } from '@haoma/domain';

type Status = (typeof ORDER_STATUSES)[number];
type Carrier = (typeof CARRIER_CODES)[number];
type Grade = (typeof GRADE_CODES)[number];

/**
 * The pipeline filters a salesperson sets on the board, as one plain value. They live in the
 * URL (`?status=awaiting_payment&assignee=me`) so a filtered view can be bookmarked, shared
 * and survives a reload; this module is the one place that reads and writes that form.
 */
export interface PipelineFilters {
  readonly status: readonly Status[];
  /** A staff id, `me` (my orders) or `none` (unassigned); undefined: anyone. */
  readonly assignee?: string;
  readonly carrier: readonly Carrier[];
  readonly grade: readonly Grade[];
  readonly overdue: boolean;
  readonly q?: string;
}

export const NO_FILTERS: PipelineFilters = { status: [], carrier: [], grade: [], overdue: false };

const ASSIGNEE = /^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const Q_MAX = 100;

// Repeated parameters or commas both work, as the API reads them; unknown values are dropped
// (a stale bookmark must not break the page), duplicates kept once, in the order of `allowed`.
function listOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const given = new Set(params.getAll(name).flatMap((v) => v.split(',').map((s) => s.trim())));
  return allowed.filter((value) => given.has(value));
}

/** The filters a URL's query string describes. */
export function filtersFromSearch(search: URLSearchParams | string): PipelineFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const assignee = params.get('assignee')?.trim();
  const q = params.get('q')?.trim().slice(0, Q_MAX);
  return {
    status: listOf(params, 'status', ORDER_STATUSES),
    ...(assignee && ASSIGNEE.test(assignee) ? { assignee } : {}),
    carrier: listOf(params, 'carrier', CARRIER_CODES),
    grade: listOf(params, 'grade', GRADE_CODES),
    overdue: params.get('overdue') === 'true',
    ...(q ? { q } : {}),
  };
}

/** The query string for `filters`: only what is set, lists comma-separated, in a fixed order. */
export function searchFromFilters(filters: PipelineFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.carrier.length) params.set('carrier', filters.carrier.join(','));
  if (filters.grade.length) params.set('grade', filters.grade.join(','));
  if (filters.overdue) params.set('overdue', 'true');
  const q = filters.q?.trim();
  if (q) params.set('q', q.slice(0, Q_MAX));
  return params;
}

/** The filters as the pipeline API's query parameters (list and board take the same ones). */
export interface PipelineQuery {
  status?: Status[];
  assignee?: string;
  carrier?: Carrier[];
  grade?: Grade[];
  overdue?: 'true';
  q?: string;
}

export function pipelineQuery(filters: PipelineFilters): PipelineQuery {
  const q = filters.q?.trim();
  return {
    ...(filters.status.length ? { status: [...filters.status] } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
    ...(filters.carrier.length ? { carrier: [...filters.carrier] } : {}),
    ...(filters.grade.length ? { grade: [...filters.grade] } : {}),
    ...(filters.overdue ? { overdue: 'true' as const } : {}),
    ...(q ? { q } : {}),
  };
}

/** Whether any filter is set (the board offers "clear" then). */
export function hasFilters(filters: PipelineFilters): boolean {
  return searchFromFilters(filters).size > 0;
}
