import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import type { Issue } from '../../src/core/issue';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
import { createTranslator } from '../support/i18n';
import { renderOptions } from '../support/options';

/** 第1回 … 第43回 published, one week apart, and 第44回 open. */
const PUBLISHED: Issue[] = Array.from({ length: 43 }, (_, index) =>
  makeIssue({
    id: `issue-${index + 1}`,
    number: index + 1,
    date: new Date(Date.UTC(2023, 0, 6 + 7 * index)).toISOString().slice(0, 10),
    status: 'published',
    publishedAt: index + 1,
  }),
);
const OPEN = makeIssue({ id: 'open', number: 44, date: '2023-11-03' });
const ISSUES = [...PUBLISHED, OPEN];

const clip = (id: string, issueId: string | null, url: string, overrides: Partial<Clipping> = {}) =>
  makeClipping({ id, issueId, url, title: `記事 ${id}`, ...overrides });

const RECENT = 'https://example.com/recent';
const OLD = 'https://example.com/old';
const TWICE = 'https://example.com/twice';

const CLIPPINGS = [
  // 3 issues before the open one, and 30 issues before it.
  clip('p41', 'issue-41', `${RECENT}?utm_source=twitter`),
  clip('p14', 'issue-14', OLD),
  // Some other published items, so that the page has something to look through.
  ...PUBLISHED.map((issue) =>
    clip(`other-${issue.number}`, issue.id, `https://example.com/other/${issue.number}`),
  ),
  clip('o-recent', 'open', `${RECENT}#comments`, { order: 1 }),
  clip('o-old', 'open', OLD, { order: 2 }),
  clip('o-twice-1', 'open', TWICE, { order: 3 }),
  clip('o-twice-2', 'open', `${TWICE}#again`, { order: 4 }),
  clip('o-qa', 'open', '', { order: 5, title: '質問コーナー' }),
];

const card = (id: string) =>
  document.querySelector(`[data-testid="clipping"][data-id="${id}"]`) as HTMLElement;

describe('「第N回で紹介済み」 on the open issue’s items', () => {
  it('marks a link published 3 issues ago, not one 30 issues ago, nor the open issue’s own duplicates', async () => {
    await renderOptions({ issues: ISSUES, clippings: CLIPPINGS });
    const mark = await within(card('o-recent')).findByTestId('item-repeated');
    expect(mark.textContent).toBe('第41回で紹介済み');
    expect(screen.getAllByTestId('item-repeated')).toHaveLength(1);
    for (const id of ['o-old', 'o-twice-1', 'o-twice-2', 'o-qa']) {
      expect(within(card(id)).queryByTestId('item-repeated')).toBeNull();
    }
    const link = within(mark).getByTestId('item-repeated-link');
    expect(link.getAttribute('href')).toBe('#archive/issue-41/p41');
    expect(link.getAttribute('title')).toBe('第41回 (2023-10-13号) で紹介した記事をアーカイブで見る');
  });

  it('opens the published item in the archive when clicked', async () => {
    const { state } = await renderOptions({ issues: ISSUES, clippings: CLIPPINGS });
    fireEvent.click(await screen.findByTestId('item-repeated-link'));
    expect(state.view.value).toBe('archive');
    expect(state.archivedId.value).toBe('issue-41');
    const items = await screen.findAllByTestId('archive-item');
    const current = items.find((item) => item.getAttribute('aria-current') === 'true');
    expect(current?.dataset.id).toBe('p41');
    expect(screen.getByRole('button', { name: /第41回/, current: true })).toBeTruthy();
  });

  it('names every recent issue the link went out in, newest first, each a link', async () => {
    await renderOptions({
      issues: ISSUES,
      clippings: [...CLIPPINGS, clip('p38', 'issue-38', RECENT), clip('p40', 'issue-40', `${RECENT}#top`)],
    });
    const mark = await within(card('o-recent')).findByTestId('item-repeated');
    expect(mark.textContent).toBe('第41回で紹介済み · 第40回 · 第38回');
    expect(
      within(mark)
        .getAllByTestId('item-repeated-link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['#archive/issue-41/p41', '#archive/issue-40/p40', '#archive/issue-38/p38']);
  });

  it('keeps the start-up read: the first render has the items, the recent issues are read after it, never all', async () => {
    const repos = await freshRepositories();
    const list = vi.spyOn(repos.clippings, 'list');
    const byIssue = vi.spyOn(repos.clippings, 'listByIssue');
    const { state } = await renderOptions({ repos, issues: ISSUES, clippings: CLIPPINGS });
    // Loaded and drawn, before any published issue was read.
    expect(screen.getAllByTestId('clipping')).toHaveLength(5);
    expect(byIssue).not.toHaveBeenCalled();
    await screen.findByTestId('item-repeated');
    expect(list).not.toHaveBeenCalled();
    expect(state.everything.value).toBe(false);
    // The last 25 published issues, each once.
    expect(byIssue.mock.calls.map(([id]) => id).sort()).toEqual(
      PUBLISHED.slice(-25)
        .map((issue) => issue.id)
        .sort(),
    );
  });

  it('builds the index once per change of the published data; an open item’s edit only looks it up', async () => {
    const repos = await freshRepositories();
    const byIssue = vi.spyOn(repos.clippings, 'listByIssue');
    const { state } = await renderOptions({ repos, issues: ISSUES, clippings: CLIPPINGS });
    await screen.findByTestId('item-repeated');
    const index = state.repeatedLinkIndex.value;
    const reads = byIssue.mock.calls.length;
    const old = state.clippings.value.find((clipping) => clipping.id === 'o-old') as Clipping;
    // As a save from the popup lands: the item now links a page that went out in 第41回.
    const edited = { ...old, url: RECENT, updatedAt: old.updatedAt + 1 };
    await repos.clippings.save(edited);
    state.mergeClippings([edited]);
    await waitFor(() => expect(within(card('o-old')).queryByTestId('item-repeated')).not.toBeNull());
    expect(state.repeatedLinkIndex.value).toBe(index);
    expect(byIssue.mock.calls.length).toBe(reads);
    // Every clipping read (a view that lists them all): the same answer, from what the page holds.
    await state.loadEverything();
    await waitFor(() => expect(screen.getAllByTestId('item-repeated')).toHaveLength(2));
    expect(byIssue.mock.calls.length).toBe(reads);
  });

  it('says it in English too', () => {
    expect(createTranslator('en')('repeatedIn', '41')).toBe('Featured in issue #41');
    expect(createTranslator('en')('repeatedShow', ['41', '2023-10-13'])).toBe(
      'Show the item of issue #41 (2023-10-13) in the archive',
    );
  });
});
