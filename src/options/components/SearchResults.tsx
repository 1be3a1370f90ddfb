import { useEffect, useMemo, useState } from 'preact/hooks';
import { searchClippings } from '../../core/search';
import { useOptionsState } from '../state';
import { EditableClipping } from './EditableClipping';

/** How many results are drawn at first, and how many more each 「さらに表示」 adds. */
const RESULTS_PAGE = 100;

export interface SearchResultsProps {
  query: string;
  formatDate: (time: number) => string;
}

/** Every clipping (any issue, the backlog) matching the search, with where it lives. */
export function SearchResults({ query, formatDate }: SearchResultsProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const all = state.clippings.value;
  const results = useMemo(() => searchClippings(all, query), [all, query]);
  // A short query can match thousands: draw a page of them, more on request, so each key stays instant.
  const [limit, setLimit] = useState(RESULTS_PAGE);
  useEffect(() => setLimit(RESULTS_PAGE), [query]);
  const shown = results.length > limit ? results.slice(0, limit) : results;
  const issueName = (issueId: string | null) => {
    const issue = state.issues.value.find((candidate) => candidate.id === issueId);
    return issue ? t('issueHeading', [String(issue.number), issue.date]) : t('navBacklog');
  };
  return (
    <section aria-labelledby="search-heading" data-testid="search-results">
      <h2 id="search-heading">
        {t('searchResults', query)} <span class="count">{t('clippingCount', String(results.length))}</span>
      </h2>
      {results.length === 0 && <p class="empty">{t('noResults')}</p>}
      <ul class="clippings">
        {shown.map((item) => (
          <li key={item.id}>
            <EditableClipping
              clipping={item}
              formatDate={formatDate}
              actions={<span class="where">{issueName(item.issueId)}</span>}
            />
          </li>
        ))}
      </ul>
      {shown.length < results.length && (
        <button
          type="button"
          data-testid="search-more"
          onClick={() => setLimit((current) => current + RESULTS_PAGE)}
        >
          {t('searchShowMore', String(results.length - shown.length))}
        </button>
      )}
    </section>
  );
}
