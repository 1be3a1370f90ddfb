import { issueItems } from '../../core/issue';
import { useOptionsState } from '../state';
import { OutputPanel } from './OutputPanel';

export interface ArchiveViewProps {
  formatDate: (time: number) => string;
}

/** Published issues, newest first; choosing one shows its Markdown again, generated from what it holds. */
export function ArchiveView({ formatDate }: ArchiveViewProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const published = state.issues.value.filter((issue) => issue.status === 'published');
  const chosen = published.find((issue) => issue.id === state.archivedId.value);
  return (
    <section aria-labelledby="archive-heading" class="archive">
      <h2 id="archive-heading">{t('navArchive')}</h2>
      {published.length === 0 && <p class="empty">{t('archiveEmpty')}</p>}
      <ul class="archive-list">
        {published.map((issue) => (
          <li key={issue.id}>
            <button
              type="button"
              class="link-button"
              data-testid="archive-issue"
              aria-current={issue.id === chosen?.id}
              onClick={() => {
                state.archivedId.value = issue.id;
              }}
            >
              {t('issueHeading', [String(issue.number), issue.date])}
            </button>
            <span class="count">
              {t('clippingCount', String(issueItems(issue.id, state.clippings.value).length))}
              {issue.publishedAt !== null && ` · ${t('publishedAt', formatDate(issue.publishedAt))}`}
            </span>
          </li>
        ))}
      </ul>
      {chosen && <OutputPanel source={state.sourceOf(chosen)} />}
    </section>
  );
}
