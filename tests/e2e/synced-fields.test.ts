import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, waitForMarkdown, waitForValue } from './options-page';
import { useHarness } from './use-harness';

/**
 * Defects 10 and 6 of issue 7 in real Chromium: settings are saved as typed (a view switch right after
 * typing keeps them), and two options tabs never overwrite each other's text: a field follows what the
 * other tab saved, and when both changed it, one of them asks, with both texts kept.
 */

const value = (page: Page, testId: string) => byTestId(page, testId).inputValue();

describe('text fields of the options page', () => {
  const harness = useHarness();

  it('saves settings as typed: switching views right after typing loses nothing', async () => {
    const h = harness();
    const options = await h.openOptions();
    await byTestId(options, 'nav-settings').click();
    await byTestId(options, 'setting-name').fill('Infra Weekly');
    await byTestId(options, 'setting-member').fill('山田');
    // No 保存, no Tab: straight to another view.
    await byTestId(options, 'nav-issue').click();
    await byTestId(options, 'issue-start').click();
    await waitForMarkdown(options, (markdown) => markdown.startsWith('# Infra Weekly ('));

    const other = await h.openOptions();
    await byTestId(other, 'nav-settings').click();
    await waitForValue(
      'the name in a new tab',
      () => value(other, 'setting-name'),
      (name) => name === 'Infra Weekly',
    );
    expect(await value(other, 'setting-member')).toBe('山田');
    await Promise.all([options.close(), other.close()]);
  });

  it('shows the afterword another tab typed, and asks instead of overwriting when both typed', async () => {
    const h = harness();
    const a = await h.openOptions();
    const b = await h.openOptions();
    for (const page of [a, b]) await byTestId(page, 'issue-afterword').waitFor();

    await byTestId(a, 'issue-afterword').fill('A の感想');
    await waitForValue(
      'B’s afterword',
      () => value(b, 'issue-afterword'),
      (text) => text === 'A の感想',
    );
    await byTestId(b, 'issue-afterword').fill('A の感想\nB の追記');
    await waitForValue(
      'A’s afterword',
      () => value(a, 'issue-afterword'),
      (text) => text === 'A の感想\nB の追記',
    );

    // Both type before either sees the other: whichever saved second is asked, and keeps its text.
    await Promise.all([
      byTestId(a, 'issue-afterword').fill('こちら A'),
      byTestId(b, 'issue-afterword').fill('こちら B'),
    ]);
    const conflicts = () =>
      Promise.all([a, b].map((page) => byTestId(page, 'issue-afterword-conflict').count()));
    const [inA] = await waitForValue('a conflict notice', conflicts, ([x, y]) => (x ?? 0) + (y ?? 0) > 0);
    const [asked, other] = inA ? [a, b] : [b, a];
    const mine = inA ? 'こちら A' : 'こちら B';
    const theirs = inA ? 'こちら B' : 'こちら A';
    expect(await value(asked, 'issue-afterword')).toBe(mine);
    expect(await byTestId(asked, 'issue-afterword-theirs').textContent()).toBe(theirs);

    await byTestId(asked, 'issue-afterword-keep-mine').click();
    await waitForValue(
      'the other tab’s afterword',
      () => value(other, 'issue-afterword'),
      (text) => text === mine,
    );
    await waitForMarkdown(asked, (markdown) => markdown.endsWith(`## あとがき\n\n${mine}\n`));
    await Promise.all([a.close(), b.close()]);
  });
});
