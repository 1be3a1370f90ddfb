import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { byTestId, waitForMarkdown } from './options-page';
import { field } from './popup';
import { useHarness } from './use-harness';

const harness = useHarness();

/** A company blog page: its tab title carries an unread counter and the blog's name. */
const TITLE = '(2) Kubernetes 1.28 へのアップグレード記録 - Example Tech Blog';
const CLEANED = 'Kubernetes 1.28 へのアップグレード記録';

/**
 * The page at `localhost`, which the test copy's host permission (127.0.0.1, extension-copy.ts) does not
 * cover: only a toolbar click's activeTab grant lets the popup read it.
 */
function blogPage(slug: string, canonical: string): string {
  const url = harness().articleUrl(
    slug,
    new URLSearchParams({
      title: TITLE,
      ogTitle: '(2) Kubernetes 1.28 へのアップグレード記録',
      siteName: 'Example Tech Blog',
      canonical,
      lang: 'ja',
    }).toString(),
  );
  return url.replace('//127.0.0.1:', '//localhost:');
}

describe('the popup reads what the page says of itself', () => {
  it('on a toolbar click: cleans the title, keeps the original a click away, offers the canonical URL', async () => {
    const h = harness();
    const canonical = `${h.baseUrl}/article/kubernetes-upgrade`;
    const url = blogPage('kubernetes-upgrade-amp', canonical);
    const { page } = await h.openTab(url);
    await page.bringToFront();

    const inPopup = await h.clickToolbarButton(page);
    const read = (expression: string) => inPopup(expression) as Promise<string | null>;
    const state = () => read(`document.querySelector('[data-testid="clip-form"]')?.dataset.state ?? null`);
    const value = (name: string) => read(`document.querySelector('[data-testid="clip-${name}"]').value`);
    const text = (testId: string) =>
      read(`document.querySelector('[data-testid="${testId}"]')?.textContent ?? null`);
    const click = (selector: string) => inPopup(`document.querySelector('${selector}').click()`);

    await expect.poll(state, { timeout: 15_000 }).toBe('new');
    // The page is read beside the database, never before its answer: the title follows a moment later.
    await expect.poll(() => value('title')).toBe(CLEANED);
    expect(await value('url')).toBe(url);

    // Above the form: the site, by its own name, its host and the icon Chrome holds for it; and where
    // the clip goes (a fresh profile has no open issue yet).
    await expect.poll(() => text('clip-site')).toBe('Example Tech Bloglocalhost');
    const icon = `document.querySelector('[data-testid="clip-site"] img')`;
    expect(await read(`${icon}.src`)).toMatch(
      new RegExp(`^chrome-extension://${h.extensionId}/_favicon/\\?pageUrl=`),
    );
    await expect.poll(() => inPopup(`${icon}.complete && ${icon}.naturalWidth > 0`)).toBe(true);
    expect(await text('clip-destination')).toBe('新しい号に追加');

    expect(await text('clip-title-choice')).toBe('元のタイトルに戻す');
    await click('[data-testid="clip-title-choice"]');
    await expect.poll(() => value('title')).toBe(TITLE);
    expect(await text('clip-title-choice')).toBe('整えたタイトルを使う');
    await click('[data-testid="clip-title-choice"]');
    await expect.poll(() => value('title')).toBe(CLEANED);

    expect(await text('clip-canonical')).toContain(`このページは正規URLとして ${canonical} を示しています`);
    await click('[data-testid="clip-canonical"] button');
    await expect.poll(() => value('url')).toBe(canonical);
    expect(await text('clip-canonical')).toBeNull();

    await inPopup(`(() => {
      const note = document.querySelector('[data-testid="clip-note"]');
      note.value = 'アップグレード手順の記録。';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await click('[data-testid="clip-save"]');
    await expect.poll(state).toBe('saved');
    expect(await text('clip-destination')).toBe('✓ クリップしました');
    // The toolbar popup closes itself a moment after the save (the default), nothing pressed meanwhile.
    await expect.poll(() => inPopup.isOpen(), { timeout: 5_000 }).toBe(false);

    const stored = (await h.readClippings()).find((clipping) => clipping.url === canonical);
    expect(stored).toMatchObject({ title: CLEANED, siteName: 'Example Tech Blog', language: 'ja' });
    const options = await h.openOptions();
    const markdown = await waitForMarkdown(options, (md) => md.includes(`### ${CLEANED}`));
    expect(markdown).toContain(`### ${CLEANED}\n\n${canonical}\n\nアップグレード手順の記録。`);
    await options.close();
    await page.close();
  });

  it('the toolbar popup stays open after a save while the member goes on, and closes after the next', async () => {
    const h = harness();
    const { page } = await h.openTab(blogPage('kubernetes-upgrade-keep-open', `${h.baseUrl}/article/other`));
    await page.bringToFront();
    const inPopup = await h.clickToolbarButton(page);
    const state = () => inPopup(`document.querySelector('[data-testid="clip-form"]')?.dataset.state ?? null`);
    const typeNote = (value: string) =>
      inPopup(`(() => {
        const note = document.querySelector('[data-testid="clip-note"]');
        note.value = ${JSON.stringify(value)};
        note.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
    await expect.poll(state, { timeout: 15_000 }).toBe('new');
    await inPopup(`document.querySelector('[data-testid="clip-save"]').click()`);
    await expect.poll(state).toBe('saved');
    // A key pressed in the moment after the save: the member is not done.
    await inPopup(
      `document.querySelector('[data-testid="clip-note"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))`,
    );
    await delay(2_500);
    expect(await inPopup.isOpen()).toBe(true);
    await typeNote('あとから書き足したメモ。');
    // The confirmation goes with the edit (it was about the fields before it): the line says where the
    // clipping is now, in the issue its save opened.
    expect(await inPopup(`document.querySelector('[data-testid="clip-destination"]').textContent`)).toMatch(
      /^第\d+回 \(\d{4}-\d{2}-\d{2}号\) の項目$/,
    );
    await inPopup(`document.querySelector('[data-testid="clip-save"]').click()`);
    await expect.poll(() => inPopup.isOpen(), { timeout: 5_000 }).toBe(false);
    const stored = (await h.readClippings()).find((clipping) => clipping.note === 'あとから書き足したメモ。');
    expect(stored).toBeDefined();
    await page.close();
  });

  it('without the click’s grant, clips from the tab alone, cleaned by the table', async () => {
    const h = harness();
    const url = blogPage('kubernetes-upgrade-tab-only', `${h.baseUrl}/article/other`);
    const { page, tabId } = await h.openTab(url);
    // Opened by address, not by the toolbar button: the page cannot be read, the tab's title can.
    const { popup } = await h.openPopupReady(tabId);
    await expect
      .poll(() => field(popup, 'title').inputValue())
      .toBe('Kubernetes 1.28 へのアップグレード記録 - Example Tech Blog');
    expect(await popup.getByTestId('clip-title-choice').textContent()).toBe('元のタイトルに戻す');
    expect(await popup.getByTestId('clip-canonical').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('cleans by the rules the member wrote on the settings page, and says which lines it cannot read', async () => {
    const h = harness();
    const options = await h.openOptions();
    await byTestId(options, 'nav-settings').click();
    const rules = byTestId(options, 'setting-title-rules');
    expect(await rules.inputValue()).toContain('zenn.dev suffix | Zenn');
    expect(await byTestId(options, 'setting-title-rules-default').textContent()).toContain('既定の規則');
    await rules.press('Control+End');
    await rules.pressSequentially('\n127.0.0.1 suffix - 社内ブログ\n127.0.0.1 remove 社内');
    await expect
      .poll(() => byTestId(options, 'setting-title-rules-errors').textContent())
      .toMatch(/^\d+ 行目: 種類がわかりません（この行は使われません）$/);
    await rules.press('Tab');
    await expect.poll(() => byTestId(options, 'setting-title-rules-default').count()).toBe(0);

    const { page, tabId } = await h.openTab(
      h.articleUrl('own-rule', new URLSearchParams({ title: '(1) 監視基盤の移行 - 社内ブログ' }).toString()),
    );
    const { popup } = await h.openPopupReady(tabId);
    // The line in error is left out; the table's rules and the member's own suffix apply.
    await expect.poll(() => field(popup, 'title').inputValue()).toBe('監視基盤の移行');
    await Promise.all([popup.close(), page.close()]);

    await byTestId(options, 'setting-title-rules-reset').click();
    await expect.poll(() => byTestId(options, 'setting-title-rules-default').count()).toBe(1);
    expect(await byTestId(options, 'setting-title-rules-errors').textContent()).toBe('');
    await options.close();
  });
});
