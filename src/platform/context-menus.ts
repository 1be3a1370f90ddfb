import browser, { type Menus } from 'webextension-polyfill';
import type { CaptureOutcome, MenuPorts } from '../background/menu';
import type { Capture, CaptureSources, MenuEntry } from '../core/capture';
import { captureToSearch, MENU_ENTRIES } from '../core/capture';
import type { MessageKey, Translate } from '../core/messages';

const ENTRY_CONTEXTS: Record<MenuEntry, { title: MessageKey; contexts: Menus.ContextType[] }> = {
  'clip-page': { title: 'menuClipPage', contexts: ['page'] },
  'clip-link': { title: 'menuClipLink', contexts: ['link'] },
  'clip-selection': { title: 'menuClipSelection', contexts: ['selection'] },
};

/**
 * Creates the three entries (again: on install and update, `contextMenus` keeps them across restarts,
 * and creating an id that exists fails). `removeAll` first makes an update with renamed entries clean.
 */
export async function createMenuEntries(t: Translate): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const id of MENU_ENTRIES) {
    const { title, contexts } = ENTRY_CONTEXTS[id];
    browser.contextMenus.create({ id, title: t(title), contexts });
  }
}

/**
 * The selection with its line breaks and the clicked link's text, read in the clicked frame. The menu
 * click grants activeTab, so no host permission is needed; pages no extension may script (the stores,
 * the browser's own pages, a PDF viewer) give {} and the click's own fields are used instead.
 */
async function readPage(tabId: number, frameId: number | undefined, linkUrl: string | undefined) {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId ?? 0] },
      args: [linkUrl ?? null],
      func: (href: string | null) => {
        const link = href
          ? Array.from(document.links).find((candidate) => candidate.href === href)
          : undefined;
        return { selection: getSelection()?.toString(), linkText: link?.textContent ?? undefined };
      },
    });
    return (result?.result ?? {}) as CaptureSources;
  } catch {
    return {};
  }
}

/**
 * Opens the popup for this one tab with the capture in its address, then gives the tab its usual popup
 * back. `openPopup` is called in the same turn as `setPopup` (not after awaiting it): Firefox opens a
 * popup only while the menu click is being handled. False when the browser refuses (no user gesture in
 * Firefox, no focused window in Chrome) or has no `action.openPopup`.
 */
async function openPopup(tabId: number, capture: Capture): Promise<boolean> {
  const popup = browser.runtime.getManifest().action?.default_popup ?? '';
  const action = browser.action as typeof browser.action & { openPopup?: () => Promise<void> };
  if (!popup || typeof action.openPopup !== 'function') return false;
  const setting = action.setPopup({ tabId, popup: `${popup}?${captureToSearch(capture)}` });
  const opening = action.openPopup();
  try {
    await setting;
    await opening;
    return true;
  } catch {
    return false;
  } finally {
    await action.setPopup({ tabId, popup }).catch(() => undefined);
  }
}

const BADGE_TEXT: Record<CaptureOutcome['kind'], string> = {
  saved: '✓',
  updated: '✓',
  unchanged: '✓',
  unclippable: '!',
  failed: '!',
};

function tooltip(t: Translate, outcome: CaptureOutcome): string {
  switch (outcome.kind) {
    case 'saved':
      return t('badgeSaved', outcome.title);
    case 'updated':
      return t('badgeQuoteAdded', outcome.title);
    case 'unchanged':
      return t('badgeAlreadyClipped', outcome.title);
    case 'unclippable':
      return t('badgeUnclippable');
    case 'failed':
      return t('badgeFailed', outcome.reason ?? 'Error');
  }
}

/** The badge and tooltip on the tab's toolbar button; a new page in the tab clears both (per-tab values). */
async function tell(t: Translate, tabId: number | undefined, outcome: CaptureOutcome): Promise<void> {
  const failed = outcome.kind === 'failed' || outcome.kind === 'unclippable';
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: BADGE_TEXT[outcome.kind] }),
    browser.action.setBadgeBackgroundColor({ tabId, color: failed ? '#b3261e' : '#1b6e3a' }),
    browser.action.setTitle({ tabId, title: tooltip(t, outcome) }),
  ]).catch(() => undefined);
}

export function createBrowserMenuPorts(
  t: Translate,
  save: (capture: Capture) => Promise<CaptureOutcome>,
): MenuPorts {
  const runtime = browser.runtime as typeof browser.runtime & { getBrowserInfo?: unknown };
  return {
    // Only Firefox has runtime.getBrowserInfo, and only Firefox keeps line breaks in selectionText.
    selectionKeepsLines: typeof runtime.getBrowserInfo === 'function',
    readPage,
    openPopup,
    save,
    tell: (tabId, outcome) => tell(t, tabId, outcome),
  };
}
