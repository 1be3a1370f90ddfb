import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxHarness } from './harness';
import { openIssueWith, text } from './pages';

/**
 * The context menu in firefox-esr, in Japanese. The test calls what the menu calls (the background's
 * handler, src/background/main.ts) with the arguments Firefox passes: its click data, link text and
 * selection with line breaks included, and the tab. Called by a test, not by a person's click, it is no
 * user action, so Firefox refuses to open the popup: the clipping is saved and the badge says so, the
 * path every browser takes when the popup cannot open.
 */
let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await FirefoxHarness.start('ja');
});
afterAll(async () => {
  await harness?.close();
});

describe('the context menu in Firefox', () => {
  it('saves the page with the selection quoted, lines kept, and says so on the toolbar button', async () => {
    const article = await harness.openArticle('menu-selection', '選択した記事');
    const result = await harness.menuClick(
      {
        menuItemId: 'clip-selection',
        pageUrl: article.url,
        selectionText: '一行目の文。\n二行目の文。',
        frameId: 0,
      },
      article.tabId,
    );
    expect(result.outcome).toEqual({ kind: 'saved', title: '選択した記事' });
    expect(result.badge).toEqual(['✓', 'クリップしました: 選択した記事']);
    const options = await openIssueWith(harness, '### 選択した記事');
    expect(await text(options, 'issue-markdown')).toContain(
      `### 選択した記事\n\n${article.url}\n\n> 一行目の文。\n> 二行目の文。`,
    );
    await options.close();

    const again = await harness.menuClick(
      { menuItemId: 'clip-page', pageUrl: article.url, frameId: 0 },
      article.tabId,
    );
    expect(again.outcome).toEqual({ kind: 'unchanged', title: '選択した記事' });
    expect(again.badge).toEqual(['✓', '「選択した記事」はクリップ済みです']);
    await article.page.close();
  });

  it('saves a link with the link’s own text as its title', async () => {
    const article = await harness.openArticle('menu-link', 'リンクのある記事');
    const linkUrl = `${article.url.split('/article/')[0]}/article/linked-article`;
    const result = await harness.menuClick(
      { menuItemId: 'clip-link', pageUrl: article.url, linkUrl, linkText: 'リンクした記事', frameId: 0 },
      article.tabId,
    );
    expect(result.outcome).toEqual({ kind: 'saved', title: 'リンクした記事' });
    const options = await openIssueWith(harness, '### リンクした記事');
    expect(await text(options, 'issue-markdown')).toContain(`### リンクした記事\n\n${linkUrl}`);
    expect(await text(options, 'issue-markdown')).not.toContain('### リンクのある記事');
    await options.close();
    await article.page.close();
  });
});
