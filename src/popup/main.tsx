import { render } from 'preact';
import { nativeTranslate as translate, nativeUiLanguage as uiLanguage } from '../platform/native-api';
import { openOptionsPage } from '../platform/runtime';
import { createSaveAnnouncer } from '../platform/saved-clippings';
import { createBrowserTabSource } from '../platform/tabs';
import { openCurrentDB } from '../storage/open-current';
import { createPopupRepositories } from '../storage/popup-repositories';
import { App } from './App';
import { createPopupState } from './state';
import './popup.css';

document.documentElement.lang = uiLanguage();
document.title = translate('actionTitle');

const { search } = location;
// `?tabId=N` clips tab N instead of the active tab (the e2e contract: a test cannot click the toolbar).
// Anything but a positive integer (NaN, 0, absent) means the active tab.
const tabId = Number(new URLSearchParams(search).get('tabId')) || undefined;

const state = createPopupState({
  tabs: createBrowserTabSource(),
  // A newer version upgrading the database closes this popup's connection; closing the popup is the
  // honest answer, since the draft already reached the database.
  repositories: openCurrentDB({ onVersionChange: () => window.close() }).then((db) =>
    createPopupRepositories(db, () => import('./save-clip')),
  ),
  t: translate,
  now: Date.now,
  changes: createSaveAnnouncer(),
});
// `?capture=` comes from the context menu (src/background/): the code that reads it loads only then.
void (search.includes('capture=')
  ? import('./capture').then((c) => c.loadCaptured(state, search, tabId))
  : state.load(tabId));

// Drawn once the tab is read (state.ts tabRead): usable from its first frame.
void state.tabRead.then(() => {
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <App
      state={state}
      t={translate}
      onOpenOptions={() => void openOptionsPage().then(() => window.close())}
    />,
    root,
  );
});
