import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { byTestId, waitForMarkdown, waitForValue } from './options-page';
import { useHarness } from './use-harness';

/**
 * Issue 10 in real Chromium, Japanese UI: the issue's own topic names the Zenn title, the settings'
 * footer signs the Markdown after あとがき, and an article file Zenn would refuse is not downloaded.
 */

describe('Zenn title topic, footer and the article file check', () => {
  const harness = useHarness();

  it('uses the topic and the footer, and refuses a download with two emoji until there is one', async () => {
    const h = harness();
    const options = await h.openOptions();
    await byTestId(options, 'issue-start').click();
    await byTestId(options, 'issue-afterword').fill('また来週');

    await byTestId(options, 'nav-settings').click();
    await byTestId(options, 'settings-footer').fill('{{name}} 第{{number}}回 😺');
    await byTestId(options, 'setting-emoji').fill('🐈🐈');
    // No Tab: switching views saves what was typed.
    await byTestId(options, 'nav-issue').click();

    await byTestId(options, 'issue-topic').fill('Cilium BGP Control Plane');
    const title = await waitForValue(
      'the Zenn title',
      () => byTestId(options, 'issue-title').inputValue(),
      (text) => text.startsWith('Cilium BGP Control Plane の話題など: Weekly ('),
    );
    const markdown = await waitForMarkdown(options, (text) =>
      text.endsWith('## あとがき\n\nまた来週\n\nWeekly 第1回 😺\n'),
    );
    expect(markdown.startsWith('# Weekly (')).toBe(true);

    // Two emoji: the problem is named before anyone clicks, and a click downloads nothing.
    const problems = byTestId(options, 'article-problems');
    await problems.waitFor();
    expect(await problems.getAttribute('role')).toBe('alert');
    expect(await problems.locator('li').allTextContents()).toEqual([
      '絵文字を 1 つだけ指定してください（設定の「Zenn 記事の絵文字」）',
    ]);
    let downloads = 0;
    options.on('download', () => {
      downloads += 1;
    });
    await byTestId(options, 'issue-download').click();
    await waitForValue(
      'the refusal',
      async () => (await byTestId(options, 'copy-status').textContent()) ?? '',
      (text) => text.includes('記事ファイルをダウンロードしませんでした'),
    );
    await options.waitForTimeout(500);
    expect(downloads).toBe(0);

    // One emoji: the problems go, and the file carries the topic's title and the footer.
    await byTestId(options, 'nav-settings').click();
    await byTestId(options, 'setting-emoji').fill('🐈');
    await byTestId(options, 'nav-issue').click();
    await problems.waitFor({ state: 'detached' });
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      byTestId(options, 'issue-download').click(),
    ]);
    const file = await readFile(await download.path(), 'utf8');
    expect(file.startsWith(`---\ntitle: ${JSON.stringify(title)}\nemoji: "🐈"\n`)).toBe(true);
    expect(file.endsWith(`---\n\n${markdown}`)).toBe(true);
    await options.close();
  });
});
