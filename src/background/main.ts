import browser from 'webextension-polyfill';
import { createBrowserMenuPorts, createMenuEntries } from '../platform/context-menus';
import { translate } from '../platform/i18n';
import * as commits from '../storage/commit-clip';
import { openClipperDB } from '../storage/db';
import { createPopupRepositories } from '../storage/popup-repositories';
import { clipFromMenu } from './menu';
import { saveCapture } from './save-capture';

/**
 * The background: only the context menu. It holds no state between clicks (a service worker in Chrome
 * and an event page in Firefox both stop when idle); the database is opened per save.
 * Every import is static: a service worker may not `import()`.
 */
const ports = createBrowserMenuPorts(translate, async (capture) => {
  const db = await openClipperDB();
  try {
    return await saveCapture(
      createPopupRepositories(db, async () => commits),
      capture,
      Date.now(),
    );
  } finally {
    db.close();
  }
});

browser.runtime.onInstalled.addListener(() => {
  void createMenuEntries(translate);
});

const onMenuClick = (click: Parameters<typeof clipFromMenu>[0], tab?: Parameters<typeof clipFromMenu>[1]) =>
  clipFromMenu(click, tab, ports);

browser.contextMenus.onClicked.addListener((click, tab) => {
  void onMenuClick(click, tab);
});

// The e2e tests call what a menu click calls, with the same arguments: no driver can right-click.
(globalThis as { weeklyClipperMenuClick?: typeof onMenuClick }).weeklyClipperMenuClick = onMenuClick;
