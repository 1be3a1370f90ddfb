import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readControlFontSizes,
  readFontSizes,
  readLineCounts,
  readOutside,
  tooSmall,
  wrapped,
} from './look-readings';
import { byTestId, waitForClipping, waitForValue } from './options-page';
import { field, waitForFormState } from './popup';
import { useHarness } from './use-harness';

/**
 * Issue 10, "Look": text is at least 13 px wherever a person reads or types (Chromium gives extension
 * pages `body { font-size: 75% }`, which once made it 10.5 px), and Japanese labels do not break inside
 * a word (「タイトルをコ／ピー」, 「追／加」) at the popup's 380 px or on an options page 1024 px wide.
 */
const NOTE = '自宅のサーバーを入れ替えたときの記録です。';
const h = useHarness();
/** The tab of the clipping made first, kept open for the popup on it once it is published. */
let clippedTabId: number;

async function openClipPopup(slug: string): Promise<Page> {
  const { tabId } = await h().openTab(h().articleUrl(slug, 'title=見た目の確認'));
  const { popup } = await h().openPopupReady(tabId);
  return popup;
}

/** Whatever sticks out of the popup's 380 px sideways: buttons, fields, the footer's texts. */
const POPUP_PARTS = { container: '.popup', selector: 'button, input, textarea, select, .field-footer > *' };
/** The options page's buttons that stick out of its width. */
const PAGE_BUTTONS = { container: 'body', selector: 'button' };

beforeAll(async () => {
  const { tabId } = await h().openTab(h().articleUrl('look-clipped', 'title=見た目の確認'));
  clippedTabId = tabId;
  const { popup } = await h().openPopupReady(tabId);
  await field(popup, 'note').fill(NOTE);
  await field(popup, 'save').click();
  await waitForFormState(popup, 'saved');
  await popup.close();
});

describe('the popup at 380 px', () => {
  it('shows body text, fields and buttons at 13 px or more', async () => {
    const popup = await openClipPopup('look-sizes');
    const readings = await popup.evaluate(readFontSizes, {
      body: 'body',
      title: '[data-testid="clip-title"]',
      url: '[data-testid="clip-url"]',
      note: '[data-testid="clip-note"]',
      category: '[data-testid="clip-category"]',
      save: '[data-testid="clip-save"]',
      'open options': '.popup-header button',
    });
    expect(tooSmall(readings), JSON.stringify(readings)).toStrictEqual([]);
    const controls = await popup.evaluate(readControlFontSizes);
    expect(controls.length).toBeGreaterThanOrEqual(6);
    expect(tooSmall(controls)).toStrictEqual([]);
  });

  it('keeps every button and the note hint on one line, the counter over the limit too', async () => {
    const popup = await openClipPopup('look-wrap');
    await field(popup, 'note').fill(`${'長いコメント'.repeat(38)}です`); // 230 characters
    await popup.locator('.counter.over').waitFor();
    expect(wrapped(await popup.evaluate(readLineCounts, 'button'))).toStrictEqual([]);
    expect(await popup.evaluate(readLineCounts, '.field-footer > *')).toStrictEqual([
      { text: 'Enter で改行、Ctrl+Enter (⌘+Enter) で保存', lines: 1 },
      { text: '目安の 200 文字を 30 文字超えています', lines: 1 },
    ]);
    // Nothing is pushed past the popup's width instead.
    expect(await popup.locator('.popup').evaluate((main) => main.clientWidth)).toBe(380);
    expect(await popup.evaluate(readOutside, POPUP_PARTS)).toStrictEqual([]);
  });
});

describe('the options page at 1024 px', () => {
  let options: Page;

  beforeAll(async () => {
    options = await h().openOptions();
    await options.setViewportSize({ width: 1024, height: 768 });
    await waitForClipping(options, NOTE);
    // The preview has paragraphs once markdown-it has loaded.
    await waitForValue(
      'the preview',
      async () => (await byTestId(options, 'issue-preview').textContent()) ?? '',
      (text) => text.includes(NOTE),
    );
  });

  it('shows body text, notes, fields, buttons, the Markdown and the preview at 13 px or more', async () => {
    const readings = await options.evaluate(readFontSizes, {
      body: 'body',
      search: '[data-testid="search"]',
      'clipping note': '[data-testid="clipping-note"]',
      markdown: '[data-testid="issue-markdown"]',
      'preview paragraph': '[data-testid="issue-preview"] p',
      'copy title': '[data-testid="issue-copy-title"]',
      'copy Markdown': '[data-testid="issue-copy"]',
      'edit clipping': '[data-testid="clipping-edit"]',
    });
    expect(tooSmall(readings), JSON.stringify(readings)).toStrictEqual([]);
    expect(tooSmall(await options.evaluate(readControlFontSizes))).toStrictEqual([]);
    await byTestId(options, 'nav-settings').click();
    await byTestId(options, 'settings-form').waitFor();
    const settings = await options.evaluate(readControlFontSizes);
    expect(settings.length).toBeGreaterThan(10);
    expect(tooSmall(settings)).toStrictEqual([]);
  });

  it.each(['issue', 'backlog', 'archive', 'settings'] as const)(
    'keeps every button of the %s view on one line, within the page',
    async (view) => {
      await byTestId(options, `nav-${view}`).click();
      await options.locator(`[data-testid="nav-${view}"][aria-current="page"]`).waitFor();
      if (view === 'issue') {
        await byTestId(options, 'add-item').locator('summary').click();
        await byTestId(options, 'add-save').waitFor();
      }
      const buttons = await options.evaluate(readLineCounts, 'button');
      // The four of the navigation at least.
      expect(buttons.length).toBeGreaterThanOrEqual(4);
      expect(wrapped(buttons)).toStrictEqual([]);
      const width = await options.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(width.page).toBeLessThanOrEqual(width.viewport);
      expect(await options.evaluate(readOutside, PAGE_BUTTONS)).toStrictEqual([]);
    },
  );

  it('keeps the buttons of the archive and of the popup on a published page on one line', async () => {
    await byTestId(options, 'nav-issue').click();
    await byTestId(options, 'issue-publish').click();
    await byTestId(options, 'publish-confirm-button').click();
    await waitForValue(
      'the next issue',
      () => byTestId(options, 'issue-number').inputValue(),
      (number) => number === '2',
    );
    await byTestId(options, 'nav-archive').click();
    await byTestId(options, 'archive-issue').click();
    await byTestId(options, 'archive-edit-published').waitFor();
    const archive = await options.evaluate(readLineCounts, 'button');
    expect(archive.map(({ text }) => text)).toContain('公開済みの号を編集');
    expect(wrapped(archive)).toStrictEqual([]);
    expect(await options.evaluate(readOutside, PAGE_BUTTONS)).toStrictEqual([]);

    // Its two long buttons do not fit side by side in 380 px: each keeps its label, on a line of its own.
    const { popup, state } = await h().openPopupReady(clippedTabId);
    expect(state).toBe('published');
    // The panel is in a chunk the popup loads only for such a page: the state can come first.
    await popup.locator('[data-testid="clip-view-published"]').waitFor();
    expect(await popup.evaluate(readLineCounts, '.published-panel button')).toStrictEqual([
      { text: '開いている号にもう一度クリップ', lines: 1 },
      { text: '公開済みの記事を見る', lines: 1 },
    ]);
    expect(await popup.evaluate(readOutside, POPUP_PARTS)).toStrictEqual([]);
  });
});
