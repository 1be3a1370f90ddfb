import { ArchiveView } from './components/ArchiveView';
import { BacklogView } from './components/BacklogView';
import { IssueView } from './components/IssueView';
import { PageNotice } from './components/PageNotice';
import { SearchResults } from './components/SearchResults';
import { SettingsView } from './components/SettingsView';
import { type OptionsView, useOptionsState } from './state';

export interface AppProps {
  formatDate: (time: number) => string;
  language: string;
}

const VIEWS: { view: OptionsView; label: 'navIssue' | 'navBacklog' | 'navArchive' | 'navSettings' }[] = [
  { view: 'issue', label: 'navIssue' },
  { view: 'backlog', label: 'navBacklog' },
  { view: 'archive', label: 'navArchive' },
  { view: 'settings', label: 'navSettings' },
];

export function App({ formatDate, language }: AppProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const query = state.search.value.trim();
  const current = state.view.value;
  // Counted in storage until every clipping is read.
  const backlogSize = state.everything.value ? state.backlog.value.length : state.backlogCount.value;
  return (
    <div class="options" aria-busy={!state.loaded.value}>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('navLabel')}>
          {VIEWS.map(({ view, label }) => (
            <button
              key={view}
              type="button"
              class="nav-button"
              data-testid={`nav-${view}`}
              aria-current={current === view && !query ? 'page' : undefined}
              onClick={() => {
                state.view.value = view;
                state.search.value = '';
              }}
            >
              {t(label)}
              {view === 'backlog' && backlogSize > 0 && ` (${backlogSize})`}
            </button>
          ))}
        </nav>
        <div class="search">
          <label class="visually-hidden" for="search">
            {t('searchLabel')}
          </label>
          <input
            id="search"
            type="search"
            data-testid="search"
            placeholder={t('searchLabel')}
            value={state.search.value}
            onInput={(event) => {
              state.search.value = event.currentTarget.value;
            }}
          />
        </div>
      </header>
      <PageNotice />
      <main>
        {query ? (
          <SearchResults query={query} formatDate={formatDate} />
        ) : current === 'issue' ? (
          <IssueView formatDate={formatDate} />
        ) : current === 'backlog' ? (
          <BacklogView formatDate={formatDate} />
        ) : current === 'archive' ? (
          <ArchiveView formatDate={formatDate} />
        ) : (
          <SettingsView language={language} />
        )}
      </main>
    </div>
  );
}
