import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxHarness } from './harness';
import { form, openIssueWith, openPopup as openPopupIn, text, typeNote, value, waitForValue } from './pages';

/**
 * The Firefox build in firefox-esr, in Japanese, used as a person would: clip a new page, clip it again
 * (an edit), keep a draft across closing the popup, and find the issue's Markdown in the options page.
 */
let harness: FirefoxHarness;
const openPopup = (tabId: number, state: string) => openPopupIn(harness, tabId, state);

beforeAll(async () => {
  harness = await FirefoxHarness.start('ja');
});

afterAll(async () => {
  await harness?.close();
});

describe('in Firefox', () => {
  it('clips a new page from the popup, in Japanese, and the options page writes it into the issue', async () => {
    const article = await harness.openArticle('firefox-new', 'Firefox で読んだ記事');
    const popup = await openPopup(article.tabId, 'new');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await value(popup, 'clip-title')).toBe('Firefox で読んだ記事');
    expect(await value(popup, 'clip-url')).toBe(article.url);
    // Where the clip goes: the profile has no issue yet, so the save opens one.
    await popup.waitForSelector('[data-testid="clip-destination"]');
    expect(await text(popup, 'clip-destination')).toBe('新しい号に追加');
    // A URL the extension cannot save is refused at its field, in Japanese, and nothing is saved.
    await popup.evaluate(() => {
      const url = document.querySelector<HTMLInputElement>('[data-testid="clip-url"]');
      if (!url) throw new Error('no URL field');
      url.value = 'ftp://example.com/file.txt';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.click('[data-testid="clip-save"]');
    await popup.waitForSelector(form('error'));
    expect(await text(popup, 'clip-url-error')).toContain('http:// か https://');
    expect(
      await popup.evaluate(() =>
        document.querySelector('[data-testid="clip-url"]')?.getAttribute('aria-invalid'),
      ),
    ).toBe('true');
    await popup.evaluate((url) => {
      const field = document.querySelector<HTMLInputElement>('[data-testid="clip-url"]');
      if (!field) throw new Error('no URL field');
      field.value = url;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, article.url);
    await typeNote(popup, 'ESR でも同じように使える。');
    await popup.click('[data-testid="clip-save"]');
    await popup.waitForSelector(form('saved'));
    // Said in place, in the line above the form.
    expect(await text(popup, 'clip-destination')).toBe('✓ クリップしました');
    await popup.close();

    const options = await openIssueWith(harness, '### Firefox で読んだ記事');
    const markdown = await text(options, 'issue-markdown');
    expect(markdown).toMatch(/^# .+号\)/);
    expect(markdown).toContain(`### Firefox で読んだ記事\n\n${article.url}\n\nESR でも同じように使える。`);
    await options.close();
    await article.page.close();
  });

  it('reads the page’s head: a cleaned title, the original a click away, the canonical URL offered', async () => {
    const canonical = `${harness.articleUrl('firefox-canonical', '')}`.replace(/\?.*$/, '');
    const article = await harness.openArticle('firefox-head', '(4) Firefox で読む記事 | サンプルブログ', {
      ogTitle: 'Firefox で読む記事',
      siteName: 'サンプルブログ',
      canonical,
      lang: 'ja-JP',
    });
    const popup = await openPopup(article.tabId, 'new');
    // Read beside the database, never before its answer: the cleaned title follows a moment later.
    await waitForValue(popup, 'clip-title', 'Firefox で読む記事');
    // The site by the name its page gives, and its host.
    expect(await text(popup, 'clip-site')).toBe(`サンプルブログ${new URL(article.url).hostname}`);
    await popup.click('[data-testid="clip-title-choice"]');
    expect(await value(popup, 'clip-title')).toBe('(4) Firefox で読む記事 | サンプルブログ');
    await popup.click('[data-testid="clip-title-choice"]');
    expect(await value(popup, 'clip-title')).toBe('Firefox で読む記事');
    expect(await text(popup, 'clip-canonical')).toContain(
      `このページは正規URLとして ${canonical} を示しています`,
    );
    await popup.click('[data-testid="clip-canonical"] button');
    expect(await value(popup, 'clip-url')).toBe(canonical);
    await typeNote(popup, '正規URLで保存する。');
    await popup.click('[data-testid="clip-save"]');
    await popup.waitForSelector(form('saved'));
    await popup.close();

    const options = await openIssueWith(harness, '### Firefox で読む記事');
    expect(await text(options, 'issue-markdown')).toContain(
      `### Firefox で読む記事\n\n${canonical}\n\n正規URLで保存する。`,
    );
    await options.close();
    await article.page.close();
  });

  it('opens an already clipped page as that clipping and saves the edit in place', async () => {
    const article = await harness.openArticle('firefox-edit', '二度開く記事');
    const first = await openPopup(article.tabId, 'new');
    await typeNote(first, '最初のメモ');
    await first.click('[data-testid="clip-save"]');
    await first.waitForSelector(form('saved'));
    await first.close();

    const again = await openPopup(article.tabId, 'existing');
    expect(await value(again, 'clip-note')).toBe('最初のメモ');
    await typeNote(again, '書き直したメモ');
    await again.click('[data-testid="clip-save"]');
    await again.waitForSelector(form('saved'));
    await again.close();

    const options = await openIssueWith(harness, '書き直したメモ');
    const markdown = await text(options, 'issue-markdown');
    expect(markdown).not.toContain('最初のメモ');
    expect(markdown.split('### 二度開く記事')).toHaveLength(2);
    await options.close();
    await article.page.close();
  });

  it('keeps what was typed as a draft when the popup closes before saving', async () => {
    const article = await harness.openArticle('firefox-draft', '下書きの記事');
    const popup = await openPopup(article.tabId, 'new');
    await typeNote(popup, '閉じても残るメモ');
    // The draft is written on each edit; give the last write its turn before the popup goes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await popup.close();

    const reopened = await openPopup(article.tabId, 'new');
    expect(await value(reopened, 'clip-note')).toBe('閉じても残るメモ');
    expect(await text(reopened, 'clip-notices')).toContain('下書きを復元しました');
    await reopened.close();
    await article.page.close();
  });
});
