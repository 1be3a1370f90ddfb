// First, before isomorphic-git is evaluated: it takes Node's Buffer as a global.
import '../team/buffer-global';
import browser from 'webextension-polyfill';
import { isChangeMessage } from '../platform/change-feed';
import { createBrowserMenuPorts, createMenuEntries } from '../platform/context-menus';
import { translate } from '../platform/i18n';
import { hasTeamAccess } from '../platform/permissions';
import { createTeamLocks } from '../platform/team-locks';
import * as commits from '../storage/commit-clip';
import { openClipperDB } from '../storage/db';
import { createPopupRepositories } from '../storage/popup-repositories';
import { createRepositories } from '../storage/repositories';
import { runSync } from '../team/team-sync';
import { clipFromMenu } from './menu';
import { saveCapture } from './save-capture';
import { createBackgroundSync } from './team-sync';

/**
 * The background: the context menu, and the team sync of saves made while no options page is open
 * (issue 11). It holds no state between events (a service worker in Chrome and an event page in
 * Firefox both stop when idle); the database is opened per save and per sync.
 * Every import is static: a service worker may not `import()`.
 */
const teamSync = createBackgroundSync({
  openRepositories: async () => {
    const db = await openClipperDB();
    return { repos: createRepositories(db), close: () => db.close() };
  },
  locks: createTeamLocks(),
  hasAccess: hasTeamAccess,
  runSync,
  now: Date.now,
});

const ports = createBrowserMenuPorts(translate, async (capture) => {
  const db = await openClipperDB();
  try {
    const outcome = await saveCapture(
      createPopupRepositories(db, async () => commits),
      capture,
      Date.now(),
    );
    if (outcome.kind === 'saved' || outcome.kind === 'updated') teamSync.saved();
    return outcome;
  } finally {
    db.close();
  }
});

browser.runtime.onInstalled.addListener(() => {
  void createMenuEntries(translate);
});

// A popup's save (platform/saved-clippings.ts). Nothing is answered: the listener returns nothing.
browser.runtime.onMessage.addListener((message: unknown) => {
  if (isChangeMessage(message)) teamSync.saved();
});

const onMenuClick = (click: Parameters<typeof clipFromMenu>[0], tab?: Parameters<typeof clipFromMenu>[1]) =>
  clipFromMenu(click, tab, ports);

browser.contextMenus.onClicked.addListener((click, tab) => {
  void onMenuClick(click, tab);
});

// The e2e tests call what a menu click calls, with the same arguments: no driver can right-click.
(globalThis as { weeklyClipperMenuClick?: typeof onMenuClick }).weeklyClipperMenuClick = onMenuClick;
