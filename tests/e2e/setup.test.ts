import { describe, expect, it } from 'vitest';
import { byTestId, waitForClipping, waitForMarkdown } from './options-page';
import { field, waitForFormState } from './popup';
import { useHarness } from './use-harness';

/**
 * Issue 10 in the real extension, in Japanese: a fresh profile opens on the first-run setup, a team
 * already at 第41回 says so, and the issue it then writes, the popup's clips included, is 第41回.
 */

describe('first-run setup', () => {
  const harness = useHarness();

  it('sets up 第41回 on 2023-09-15, and the Markdown and the next clip follow it', async () => {
    const h = harness();
    const options = await h.openOptions({ setup: 'keep' });
    const setup = byTestId(options, 'setup');
    await setup.waitFor();
    expect(await options.locator('#setup-heading').textContent()).toBe('初期設定');
    expect(await byTestId(options, 'issue-start').count()).toBe(0);
    expect(await byTestId(options, 'setup-number').inputValue()).toBe('1');
    expect(await byTestId(options, 'setup-weekday').inputValue()).toBe('5');

    await byTestId(options, 'setup-name').fill('Neco Weekly');
    await byTestId(options, 'setup-number').fill('41');
    await byTestId(options, 'setup-date').fill('2023-02-30');
    await byTestId(options, 'setup-footer').fill('サイボウズ Necoチーム 😺');
    await byTestId(options, 'setup-member').fill('さとう');
    await byTestId(options, 'setup-save').click();
    // Said at the field, and nothing saved: the setup stays.
    const date = byTestId(options, 'setup-date');
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    expect(await byTestId(options, 'setup-date-error').textContent()).toBe('存在しない日付です');
    expect(await date.getAttribute('aria-describedby')).toContain('setup-date-error');
    expect(await setup.count()).toBe(1);

    await date.fill('2023-09-15');
    expect(await date.getAttribute('aria-invalid')).toBeNull();
    await byTestId(options, 'setup-save').click();
    await setup.waitFor({ state: 'detached' });
    expect(await byTestId(options, 'issue-number').inputValue()).toBe('41');
    const markdown = await waitForMarkdown(options, (text) =>
      text.startsWith('# Neco Weekly (2023-09-15号)\n'),
    );
    expect(markdown).toContain('今回は第41回目の記事となります。');
    expect(markdown).toContain('サイボウズ Necoチーム 😺');

    // Answered once: a reload opens on the editor of 第41回.
    await options.reload();
    await byTestId(options, 'issue-number').waitFor();
    expect(await byTestId(options, 'setup').count()).toBe(0);
    expect(await byTestId(options, 'issue-number').inputValue()).toBe('41');

    // The popup's first save goes into 第41回; it opens no 第1回 of its own.
    const url = h.articleUrl(
      'after-setup',
      new URLSearchParams({ title: 'セットアップ後の記事' }).toString(),
    );
    const { page, tabId } = await h.openTab(url);
    const { popup } = await h.openPopupReady(tabId);
    await field(popup, 'note').fill('第41回に入るメモ。');
    await field(popup, 'save').click();
    await waitForFormState(popup, 'saved');
    await Promise.all([popup.close(), page.close()]);
    await waitForClipping(options, 'セットアップ後の記事');
    const withClip = await waitForMarkdown(options, (text) => text.includes('### セットアップ後の記事'));
    expect(withClip.startsWith('# Neco Weekly (2023-09-15号)\n')).toBe(true);
    expect(withClip).toContain('第41回に入るメモ。');
    const [clipping] = await h.readClippings();
    expect(clipping?.clippedBy).toBe('さとう');
    await options.close();
  });
});
