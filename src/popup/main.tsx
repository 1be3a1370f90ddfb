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

// `?tabId=N` clips tab N instead of the active tab (the e2e contract: a test cannot click the toolbar).
const tabIdParam = new URLSearchParams(location.search).get('tabId');
const tabId = tabIdParam && /^\d+$/.test(tabIdParam) ? Number(tabIdParam) : undefined;

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
void state.load(tabId);

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
