import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './harness';
import { byTestId, waitForMarkdown } from './options-page';
import { field, waitForFormState } from './popup';

/**
 * The context menu's three entries in Chromium, in Japanese. No driver can right-click, so each test
 * calls what the menu calls (src/background/main.ts) with the arguments Chromium passes: its click data
 * (no link text, the selection with its lines joined) and the tab. Chromium opens the popup itself
 * (`action.openPopup`); the test finds it among the browser's targets and reads its address, and what
 * the popup then writes (the quote, as the page's draft) in the database. What a person sees in a
 * prefilled popup is checked on the same address opened in a tab.
 */
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.close();
});

/** The `chrome` global of the service worker, as far as this test uses it. */
declare const chrome: {
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
};

interface Target {
  targetId: string;
  type: string;
  url: string;
}

async function popupTargets(): Promise<Target[]> {
  const browser = h.context.browser();
  if (!browser) throw new Error('no browser to ask for its targets');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Target[] };
    return targetInfos.filter((target) => target.url.includes('/src/popup/index.html?capture='));
  } finally {
    await cdp.detach();
  }
}

/** The capture in the address of the one popup Chromium opened. */
async function openedCapture(): Promise<Record<string, string>> {
  const [popup, ...more] = await popupTargets();
  expect(more).toEqual([]);
  if (!popup) throw new Error('no popup opened');
  return JSON.parse(new URL(popup.url).searchParams.get('capture') ?? 'null');
}

/** Closes the popups Chromium opened, as a click elsewhere would. */
async function closePopups(): Promise<void> {
  const cdp = await h.context.browser()?.newBrowserCDPSession();
  for (const popup of await popupTargets())
    await cdp?.send('Target.closeTarget', { targetId: popup.targetId });
  await cdp?.detach();
}

async function openArticle(slug: string, title: string): Promise<{ page: Page; tabId: number }> {
  const opened = await h.openTab(h.articleUrl(slug, new URLSearchParams({ title }).toString()));
  await opened.page.bringToFront();
  return opened;
}

async function badge(tabId: number): Promise<[string, string]> {
  const worker = await h.serviceWorker();
  return worker.evaluate(
    async (id) => [
      await chrome.action.getBadgeText({ tabId: id }),
      await chrome.action.getTitle({ tabId: id }),
    ],
    tabId,
  );
}

describe('the context menu in Chromium', () => {
  it('opens the popup on the page with the selection quoted, its lines kept, as the page’s draft', async () => {
    const { page, tabId } = await openArticle('menu-selection', '選択する記事');
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('two-lines') as HTMLElement);
      getSelection()?.addRange(range);
    });
    const outcome = await h.menuClick(
      {
        menuItemId: 'clip-selection',
        pageUrl: page.url(),
        selectionText: '一行目の文。 二行目の文。',
        frameId: 0,
      },
      tabId,
    );
    expect(outcome).toBe('popup');
    const quote = '> 一行目の文。\n> 二行目の文。';
    expect(await openedCapture()).toEqual({ url: page.url(), title: '選択する記事', quote });
    const draft = await h.waitForDraft(page.url(), (found) => found?.note === quote);
    expect(draft?.title).toBe('選択する記事');
    await closePopups();
    expect(await badge(tabId)).toEqual(['', 'このページをクリップ']);
    await page.close();
  });

  it('opens the popup on a link with its URL and its text read from the page', async () => {
    const { page, tabId } = await openArticle('menu-link', 'リンクのある記事');
    const linkUrl = await page.$eval('#link', (link) => (link as HTMLAnchorElement).href);
    const outcome = await h.menuClick(
      { menuItemId: 'clip-link', pageUrl: page.url(), linkUrl, frameId: 0 },
      tabId,
    );
    expect(outcome).toBe('popup');
    expect(await openedCapture()).toEqual({ url: linkUrl, title: 'リンクした記事' });
    await closePopups();
    await page.close();
  });

  it('shows a prefilled popup as a person sees it, and saves the link with the note and the quote', async () => {
    const { page, tabId } = await openArticle('menu-prefilled', '開いていた記事');
    const linkUrl = `${h.baseUrl}/article/quoted-link`;
    const capture = JSON.stringify({ url: linkUrl, title: 'リンクした記事', quote: '> 引用した一文。' });
    const popup = await h.context.newPage();
    await popup.goto(`${h.popupUrl(tabId)}&${new URLSearchParams({ capture })}`);
    await waitForFormState(popup, 'new');
    expect(await field(popup, 'title').inputValue()).toBe('リンクした記事');
    expect(await field(popup, 'url').inputValue()).toBe(linkUrl);
    await expect.poll(() => field(popup, 'note').inputValue()).toBe('> 引用した一文。');
    await field(popup, 'note').press('Control+Home');
    await field(popup, 'note').pressSequentially('ここが要点。\n\n');
    await field(popup, 'save').click();
    await waitForFormState(popup, 'saved');
    await popup.close();

    const options = await h.openOptions();
    const markdown = await waitForMarkdown(options, (text) => text.includes('### リンクした記事'));
    expect(markdown).toContain(`### リンクした記事\n\n${linkUrl}\n\nここが要点。\n\n> 引用した一文。`);
    expect(await byTestId(options, 'issue-markdown').textContent()).not.toContain('開いていた記事');
    await options.close();
    await page.close();
  });

  it('says on the toolbar button that a link it cannot clip was not clipped', async () => {
    const { page, tabId } = await openArticle('menu-mailto', 'メールの記事');
    const outcome = await h.menuClick(
      {
        menuItemId: 'clip-link',
        pageUrl: page.url(),
        linkUrl: 'mailto:team@example.com',
        linkText: 'メール',
      },
      tabId,
    );
    expect(outcome).toEqual({ kind: 'unclippable' });
    expect(await popupTargets()).toEqual([]);
    expect(await badge(tabId)).toEqual([
      '!',
      'このページはクリップできません（http または https のページだけです）',
    ]);
    await page.close();
  });
});
