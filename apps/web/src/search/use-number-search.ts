import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient, ApiErrorBody, NumberSuggestion, NumberSummary } from '../api/client';
import { isApiError } from '../api/client';
import { LatestRequest } from './latest-request';
import { filtersFromQuery, filtersToQuery, suggestionQuery, type SearchFilters } from './search-filters';

/** Numbers per page: a screenful on a desktop, a few scrolls on a phone. */
export const PAGE_SIZE = 24;
/** Typing pause before a search goes out. */
export const SEARCH_DELAY_MS = 250;

export interface SearchState {
  readonly items: readonly NumberSummary[];
  readonly nextCursor: string | null;
  readonly loading: boolean;
  /** The API's error (INVALID_QUERY names the fields), or 'network'. */
  readonly error: ApiErrorBody | 'network' | undefined;
  /** Near matches, asked for only when a search finds nothing. */
  readonly suggestions: readonly NumberSuggestion[];
  /** The search these results answer (for highlighting); undefined before the first answer. */
  readonly filters: SearchFilters | undefined;
}

interface Request {
  /** The search's query string: what the results answer. */
  readonly key: string;
  readonly cursor?: string;
}

interface Answer {
  readonly items: readonly NumberSummary[];
  readonly nextCursor: string | null;
  readonly suggestions: readonly NumberSuggestion[];
}

// What was last answered; "loading" is derived: the answer is for another search, or a
// next page is on its way.
interface Answered extends Omit<SearchState, 'loading'> {
  readonly key: string | undefined;
  readonly loadingMore: boolean;
}

const NOTHING: Answered = {
  key: undefined,
  items: [],
  nextCursor: null,
  error: undefined,
  suggestions: [],
  filters: undefined,
  loadingMore: false,
};

async function fetchPage(api: ApiClient, { key, cursor }: Request, signal: AbortSignal): Promise<Answer> {
  const query = Object.fromEntries(new URLSearchParams(key));
  const { data, error } = await api.GET('/api/v1/numbers', {
    params: { query: { ...query, limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) } },
    signal,
  });
  if (!data) throw isApiError(error) ? error : new Error('search failed');
  const filters = filtersFromQuery(new URLSearchParams(key));
  const q = cursor === undefined && data.items.length === 0 ? suggestionQuery(filters) : undefined;
  let suggestions: readonly NumberSuggestion[] = [];
  if (q !== undefined) {
    const answer = await api.GET('/api/v1/numbers/suggest', { params: { query: { q } }, signal });
    suggestions = answer.data?.items ?? [];
  }
  return { items: data.items, nextCursor: data.nextCursor, suggestions };
}

/**
 * The results of `filters`, as you type: the first search at once, later ones after a
 * pause, each superseding (and aborting) the one before; `loadMore` appends the next page.
 */
export function useNumberSearch(api: ApiClient, filters: SearchFilters) {
  const [answered, setAnswered] = useState<Answered>(NOTHING);
  const latest = useMemo(
    () =>
      new LatestRequest<Request, Answer>(
        (request, signal) => fetchPage(api, request, signal),
        (outcome, request) =>
          setAnswered((previous) => {
            if (!outcome.ok) {
              const error = isApiError(outcome.error) ? outcome.error : 'network';
              return { ...previous, key: request.key, loadingMore: false, error };
            }
            const { items, nextCursor, suggestions } = outcome.value;
            return {
              key: request.key,
              items: request.cursor === undefined ? items : [...previous.items, ...items],
              nextCursor,
              suggestions,
              error: undefined,
              filters: filtersFromQuery(new URLSearchParams(request.key)),
              loadingMore: false,
            };
          }),
        SEARCH_DELAY_MS,
      ),
    [api],
  );
  useEffect(() => () => latest.cancel(), [latest]);

  const key = filtersToQuery(filters).toString();
  const first = useRef(true);
  useEffect(() => {
    // The page's first search (a shared link, a reload) goes at once; typing waits a little.
    if (first.current) {
      first.current = false;
      latest.now({ key });
    } else {
      latest.schedule({ key });
    }
  }, [key, latest]);

  const loadMore = useCallback(() => {
    if (answered.nextCursor === null || answered.key === undefined) return;
    setAnswered((previous) => ({ ...previous, loadingMore: true }));
    latest.now({ key: answered.key, cursor: answered.nextCursor });
  }, [latest, answered.nextCursor, answered.key]);

  const { key: answeredKey, loadingMore, ...shown } = answered;
  const state: SearchState = { ...shown, loading: answeredKey !== key || loadingMore };
  return { state, loadMore };
}
