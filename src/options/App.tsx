import { ArchiveView } from './components/ArchiveView';
import { BacklogView } from './components/BacklogView';
import { IssueView } from './components/IssueView';
import { PageNotice } from './components/PageNotice';
import { SearchResults } from './components/SearchResults';
import { SettingsView } from './components/SettingsView';
import { SetupView } from './components/SetupView';
import { type OptionsView, useOptionsState } from './state';
import { useSetupShown } from './use-setup';

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
  const [setup, setSetup] = useSetupShown(state);
  // A fresh install's setup takes the issue editor's place; redone, it takes the place of any view.
  const showSetup = !query && (setup === 'redo' || (setup === 'first' && current === 'issue'));
  // Until the page knows whether to offer the setup, a page without an issue shows neither it nor 第1回.
  const deciding = setup === 'checking' && !state.openIssue.value;
  return (
    <div class="options" aria-busy={!state.loaded.value || deciding}>
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
                if (setup === 'redo') setSetup('none');
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
        {showSetup ? (
          <SetupView
            mode={setup === 'redo' ? 'redo' : 'first'}
            language={language}
            onDone={(outcome) => {
              setSetup('none');
              if (outcome !== 'skipped') state.view.value = 'issue';
            }}
          />
        ) : query ? (
          <SearchResults query={query} formatDate={formatDate} />
        ) : deciding && current === 'issue' ? (
          <p class="empty">{t('loading')}</p>
        ) : current === 'issue' ? (
          <IssueView formatDate={formatDate} />
        ) : current === 'backlog' ? (
          <BacklogView formatDate={formatDate} />
        ) : current === 'archive' ? (
          <ArchiveView formatDate={formatDate} />
        ) : (
          <SettingsView language={language} onRedoSetup={() => setSetup('redo')} />
        )}
      </main>
    </div>
  );
}
