import { Alert, Button, Empty, Spin, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { createApiClient } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageId } from '../i18n/messages';
import { NumberCard } from './number-card';
import { SearchForm } from './search-form';
import { filtersFromQuery, filtersToQuery, type SearchFilters } from './search-filters';
import { useNumberSearch } from './use-number-search';

const api = createApiClient();

/**
 * The storefront search: the filters live in the URL (shareable, back button works), the
 * results follow as you type, "load more" follows the cursor, and an empty result offers
 * near matches.
 */
export function StorefrontSearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(key)), [key]);
  // Typing replaces the history entry rather than adding one per keystroke.
  const onChange = useCallback(
    (next: SearchFilters) => setParams(filtersToQuery(next), { replace: true }),
    [setParams],
  );
  const { state, loadMore } = useNumberSearch(api, filters);
  const apiError = state.error === 'network' ? undefined : state.error;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('search.heading')}
      </Typography.Title>
      <SearchForm filters={filters} onChange={onChange} error={apiError} />
      <section aria-labelledby="results-heading" aria-busy={state.loading}>
        <Typography.Title level={2} id="results-heading" style={{ fontSize: 18 }}>
          {t('search.results')}{' '}
          {state.loading ? <Spin size="small" aria-label={t('search.loading')} /> : null}
        </Typography.Title>
        {state.error === 'network' ? <Alert type="error" title={t('search.error')} /> : null}
        {apiError && !apiError.fields?.length ? <Alert type="error" title={apiError.message} /> : null}
        <div aria-live="polite" className="results-status">
          {!state.loading && !state.error && state.items.length > 0 ? (
            <Typography.Text type="secondary">
              {t('search.shown', { count: state.items.length })}
            </Typography.Text>
          ) : null}
        </div>
        {!state.loading && !state.error && state.items.length === 0 && state.filters ? (
          <NoResults state={state} />
        ) : (
          <ul className="results-grid" data-testid="results">
            {state.items.map((n) => (
              <li key={n.digits}>
                <NumberCard number={n} filters={state.filters} />
              </li>
            ))}
          </ul>
        )}
        <div style={{ textAlign: 'center', margin: '16px 0' }}>
          {state.nextCursor !== null ? (
            <Button onClick={loadMore} loading={state.loading}>
              {t('search.loadMore')}
            </Button>
          ) : state.items.length > 0 ? (
            <Typography.Text type="secondary">{t('search.end')}</Typography.Text>
          ) : null}
        </div>
      </section>
    </>
  );
}

function NoResults({ state }: { state: ReturnType<typeof useNumberSearch>['state'] }) {
  const { t } = useI18n();
  return (
    <div data-testid="no-results">
      <Empty description={t('search.noResults')} />
      {state.suggestions.length > 0 ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('search.suggestions')}
          </Typography.Title>
          <ul className="results-grid" data-testid="suggestions">
            {state.suggestions.map((n) => (
              <li key={n.digits}>
                <NumberCard
                  number={n}
                  filters={undefined}
                  extra={t(`suggest.reason.${n.reason}` as MessageId)}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
