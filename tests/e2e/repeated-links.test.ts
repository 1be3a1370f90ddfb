import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import type { Issue } from '../../src/core/issue';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createBackup, serializeBackup } from '../../src/core/transfer/backup';
import { makeClipping, makeIssue } from '../support/factories';
import { byTestId, waitForClipping } from './options-page';
import { useHarness } from './use-harness';

const harness = useHarness();

/** 第1回 … 第30回 published and 第31回 open; a link of 第28回 and one of 第3回 clipped again. */
function library(): string {
  const published: Issue[] = Array.from({ length: 30 }, (_, index) =>
    makeIssue({
      id: `issue-${index + 1}`,
      number: index + 1,
      date: new Date(Date.UTC(2023, 0, 6 + 7 * index)).toISOString().slice(0, 10),
      status: 'published',
      publishedAt: 1_700_000_000_000 + index,
    }),
  );
  const open = makeIssue({ id: 'open', number: 31, date: '2023-08-04' });
  const clip = (id: string, issueId: string, url: string, title: string): Clipping =>
    makeClipping({ id, issueId, url, title, note: `${title}のコメント` });
  const clippings = [
    ...published.map((issue) =>
      clip(
        `p${issue.number}`,
        issue.id,
        `https://example.com/week/${issue.number}`,
        `第${issue.number}回の記事`,
      ),
    ),
    clip('p28-again', 'issue-28', 'https://example.com/again', '前に紹介した記事'),
    clip('p3-long-ago', 'issue-3', 'https://example.com/long-ago', 'ずっと前に紹介した記事'),
    clip('o-again', 'open', 'https://example.com/again?utm_source=x#comments', 'また見つけた記事'),
    clip('o-long-ago', 'open', 'https://example.com/long-ago', '久しぶりの記事'),
  ];
  const data = {
    issues: [...published, open],
    clippings,
    categories: DEFAULT_CATEGORIES.map((category) => ({ ...category })),
    settings: DEFAULT_SETTINGS,
  };
  return serializeBackup(createBackup(data, 1_700_000_000_000));
}

describe('「第N回で紹介済み」 in the real extension', () => {
  it('marks a link of a recent issue once the page has started, and opens it in the archive', async () => {
    const options = await harness().openOptions();
    await byTestId(options, 'nav-settings').click();
    await byTestId(options, 'backup-import').setInputFiles({
      name: 'library.json',
      mimeType: 'application/json',
      buffer: Buffer.from(library()),
    });
    await expect.poll(() => byTestId(options, 'backup-status').getAttribute('data-state')).toBe('ok');
    // Started again on the issue view, which reads only the open issue; the recent issues follow.
    await options.reload();
    await waitForClipping(options, 'また見つけた記事');
    const card = (id: string) => options.locator(`[data-testid="clipping"][data-id="${id}"]`);
    const mark = card('o-again').getByTestId('item-repeated');
    await expect.poll(() => mark.textContent()).toBe('第28回で紹介済み');
    expect(await card('o-long-ago').getByTestId('item-repeated').count()).toBe(0);

    await mark.getByTestId('item-repeated-link').click();
    const current = options.locator('[data-testid="archive-item"][aria-current="true"]');
    await expect.poll(() => current.getAttribute('data-id')).toBe('p28-again');
    expect(await current.textContent()).toContain('前に紹介した記事');
    await options.close();
  });
});
