// First, before any other module is evaluated: the database's reads start (first-read.ts).
import './first-read';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { newId } from '../core/id';
import { createChangeFeed } from '../platform/change-feed';
import { createClipboard } from '../platform/clipboard';
import { downloadTextFile } from '../platform/download';
import { translate, uiLanguage } from '../platform/i18n';
import { requestPersistentStorage } from '../platform/persistence';
import { createTeamLocks } from '../platform/team-locks';
import { App } from './App';
import { firstRead, repositories } from './first-read';
import { openFromHash } from './issue-actions';
import { createOptionsState, OptionsContext } from './state';
import { loadTeam, scheduleTeamSync, syncTeam } from './team-actions';
import '../ui/base.css';
import './options.css';

const language = uiLanguage();
document.documentElement.lang = language;
document.title = translate('optionsTitle');

// Other options pages post on the channel; the popup sends its saves as runtime messages.
const feed = createChangeFeed(undefined, browser.runtime.onMessage);
const teamLocks = createTeamLocks();
// While this page is open it syncs after each save itself; the background leaves popup saves to it.
teamLocks.holdOptionsOpen();
// Every save of this page is told to other pages, and, when connected, goes to the team repository.
const changes = {
  ...feed,
  notify: (...args: Parameters<typeof feed.notify>) => {
    feed.notify(...args);
    scheduleTeamSync(state);
  },
};
const state = createOptionsState({
  repositories,
  firstRead,
  t: translate,
  now: Date.now,
  newId: () => newId(),
  clipboard: createClipboard(),
  download: (filename, content, mime) => downloadTextFile(filename, content, mime),
  changes,
  teamLocks,
  confirm: (question) => window.confirm(question),
});
// The popup opens a published item as `#archive/<issueId>/<clippingId>`.
openFromHash(state, location.hash);
const loaded = state.load();
// Years of issues must survive storage pressure; asked from here, never on the popup's critical path.
void requestPersistentStorage(navigator.storage);
// A clipping saved from the popup, or an edit in another options tab, shows up here at once.
// A save that names its clippings (the popup's) updates just those; anything else reads again what is shown.
changes.subscribe((clippingIds) => {
  void (clippingIds ? state.refreshClippings(clippingIds) : state.load());
  scheduleTeamSync(state);
});
// A page connected to a team repository syncs as it opens (issue 11).
void Promise.all([loaded, loadTeam(state)]).then(() => {
  if (state.teamRemote.value) void syncTeam(state);
});

const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsContext.Provider value={state}>
      <App language={language} formatDate={(time) => dateFormat.format(time)} />
    </OptionsContext.Provider>,
    root,
  );
}
