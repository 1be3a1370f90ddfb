import { searchClippings } from '../../core/search';
import { useOptionsState } from '../state';
import { EditableClipping } from './EditableClipping';

export interface SearchResultsProps {
  query: string;
  formatDate: (time: number) => string;
}

/** Every clipping (any issue, the backlog) matching the search, with where it lives. */
export function SearchResults({ query, formatDate }: SearchResultsProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const results = searchClippings(state.clippings.value, query);
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
        {results.map((item) => (
          <li key={item.id}>
            <EditableClipping
              clipping={item}
              formatDate={formatDate}
              actions={<span class="where">{issueName(item.issueId)}</span>}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
