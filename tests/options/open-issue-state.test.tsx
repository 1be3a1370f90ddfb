import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { renderZenn } from '../../src/core/render/zenn';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { updateOpenIssue } from '../../src/options/issue-actions';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

/** The options page's store at scale: what it reads at start, what a change recomputes, a popup save. */

const PUBLISHED = makeIssue({
  id: 'old',
  number: 40,
  date: '2023-09-08',
  status: 'published',
  publishedAt: 1,
});
const OPEN = makeIssue({ id: 'open', number: 41, date: '2023-09-15' });

const item = (id: string, overrides: Partial<Clipping> = {}): Clipping =>
  makeClipping({ id, title: `記事 ${id}`, url: `https://example.com/${id}`, issueId: OPEN.id, ...overrides });

const markdown = () => screen.getByTestId('issue-markdown').textContent ?? '';

describe('options page state: the open issue', () => {
  it('reads only the open issue at start, counts the backlog, and reads all when a view needs them', async () => {
    const { state } = await renderOptions({
      issues: [PUBLISHED, OPEN],
      clippings: [
        item('a'),
        item('b', { categoryId: 'tools' }),
        item('p', { issueId: PUBLISHED.id }),
        item('q', { issueId: null }),
      ],
    });
    expect(state.clippings.value.map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect(state.everything.value).toBe(false);
    await waitFor(() => expect(screen.getByTestId('nav-backlog').textContent).toContain('(1)'));
    state.view.value = 'backlog';
    await waitFor(() => expect(state.everything.value).toBe(true));
    expect(state.clippings.value.map((c) => c.id).sort()).toEqual(['a', 'b', 'p', 'q']);
    await waitFor(() => expect(screen.getAllByTestId('clipping')).toHaveLength(1));
  });

  it('renders the same Markdown as the whole store would, and keeps the sections when only the issue changed', async () => {
    const { state } = await renderOptions({
      issues: [PUBLISHED, OPEN],
      settings: { ...DEFAULT_SETTINGS, name: 'Neco Weekly' },
      clippings: [item('a', { note: '脚注[^1]\n\n[^1]: 出典' }), item('b', { categoryId: 'tools' })],
    });
    const whole = () =>
      renderZenn({
        issue: state.openIssue.value ?? OPEN,
        clippings: state.clippings.value,
        categories: state.categories.value,
        settings: state.settings.value,
      });
    expect(markdown()).toBe(whole());
    const sections = state.openSections.value;
    const items = state.openItems.value;
    expect(await updateOpenIssue(state, { afterword: 'また来週' })).toBe(true);
    await waitFor(() => expect(markdown()).toContain('## あとがき\n\nまた来週\n'));
    expect(markdown()).toBe(whole());
    expect(state.openItems.value).toBe(items);
    expect(state.openSections.value.get('tools')).toBe(sections.get('tools'));
    expect(state.openSections.value.get('notable-articles')).toBe(sections.get('notable-articles'));
  });

  it('changes only the Markdown blocks an edit touched: the other block elements stay as they were', async () => {
    const { state } = await renderOptions({
      issues: [PUBLISHED, OPEN],
      clippings: [
        item('a', { note: '一つ目' }),
        item('b', { note: '二つ目' }),
        item('c', { categoryId: 'tools' }),
      ],
    });
    await waitFor(() => expect(markdown()).toContain('### 記事 c'));
    const blocks = () => [...screen.getByTestId('issue-markdown').children];
    const before = blocks();
    expect(await updateOpenIssue(state, { afterword: 'また来週' })).toBe(true);
    await waitFor(() => expect(markdown()).toContain('## あとがき\n\nまた来週\n'));
    const after = blocks();
    // The last block gained a separator and two blocks were added; every block before it is untouched.
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    for (const [index, element] of before.slice(0, -1).entries()) expect(after[index]).toBe(element);
    expect(after.map((element) => element.textContent).join('')).toBe(markdown());
  });

  it('follows the afterword as it is typed, before the pause that saves it', async () => {
    const { repositories } = await renderOptions({ issues: [PUBLISHED, OPEN], clippings: [item('a')] });
    const field = screen.getByTestId('issue-afterword') as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: 'また来週' } });
    // Drawn with the key: nothing has been saved yet (saving waits for a pause in typing).
    expect(markdown()).toContain('## あとがき\n\nまた来週\n');
    expect((await repositories.issues.list()).find((issue) => issue.id === OPEN.id)?.afterword).toBe('');
    await waitFor(async () =>
      expect((await repositories.issues.list()).find((issue) => issue.id === OPEN.id)?.afterword).toBe(
        'また来週',
      ),
    );
    expect(markdown()).toContain('## あとがき\n\nまた来週\n');
  });

  it("a key in あとがき renders only the afterword: the Markdown is renderZenn's, the sections' elements stay", async () => {
    const { state } = await renderOptions({
      issues: [PUBLISHED, OPEN],
      settings: { ...DEFAULT_SETTINGS, name: 'Neco Weekly', introTemplate: '今週も[^1]\n\n[^1]: 前書き' },
      clippings: [item('a', { note: '脚注[^1]\n\n[^1]: 出典' }), item('b', { categoryId: 'tools' })],
    });
    await waitFor(() => expect(markdown()).toContain('### 記事 b'));
    const sections = state.openSectionRuns.value;
    const title = state.openTitle.value;
    const elements = () => [...screen.getByTestId('issue-markdown').children];
    const before = elements();
    const field = screen.getByTestId('issue-afterword') as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: 'また来週[^1]\n\n[^1]: 後書き' } });
    const typed = { ...(state.openIssue.value ?? OPEN), afterword: 'また来週[^1]\n\n[^1]: 後書き' };
    const expected = renderZenn({
      issue: typed,
      clippings: state.clippings.value,
      categories: state.categories.value,
      settings: state.settings.value,
    });
    expect(markdown()).toBe(expected);
    expect(state.openMarkdown.value).toBe(expected);
    // Neither the sections nor the title were rendered again, and every block element before stays.
    expect(state.openSectionRuns.value).toBe(sections);
    expect(state.openTitle.value).toBe(title);
    const after = elements();
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    await waitFor(() => expect(state.openIssue.value?.afterword).toBe(typed.afterword));
    expect(markdown()).toBe(expected);
  });

  it('shows a clipping another page saved, and drops one it deleted, reading only those', async () => {
    const { state, repositories } = await renderOptions({
      issues: [PUBLISHED, OPEN],
      clippings: [item('a'), item('gone')],
    });
    const kept = state.clippings.value.find((c) => c.id === 'a');
    await repositories.clippings.save(item('new', { title: 'ポップアップから' }));
    await repositories.clippings.remove('gone');
    await state.refreshClippings(['new', 'gone']);
    expect(state.clippings.value.map((c) => c.id).sort()).toEqual(['a', 'new']);
    // The others are the very same objects: nothing else was read again or drawn again.
    expect(state.clippings.value.find((c) => c.id === 'a')).toBe(kept);
    await waitFor(() => expect(markdown()).toContain('### ポップアップから'));
    expect(markdown()).not.toContain('記事 gone');
  });

  it('reads everything shown again when a saved clipping is in an issue it does not know', async () => {
    const { state, repositories } = await renderOptions({ issues: [OPEN], clippings: [item('a')] });
    await repositories.bulk.writeRecords({
      issues: [{ ...OPEN, status: 'published', publishedAt: 2 }, makeIssue({ id: 'next', number: 42 })],
      clippings: [item('n', { issueId: 'next', title: '次の号の記事' })],
    });
    await state.refreshClippings(['n']);
    expect(state.openIssue.value?.id).toBe('next');
    await waitFor(() => expect(markdown()).toContain('### 次の号の記事'));
  });
});

describe('options page state: search at scale', () => {
  it('draws the first 100 matches and more on request, counting them all', async () => {
    // In the backlog, so the issue view draws none of them before the search.
    const many = Array.from({ length: 120 }, (_, i) =>
      item(`m${i}`, { title: `共通 ${i}`, createdAt: i, issueId: null }),
    );
    const { state } = await renderOptions({ issues: [OPEN], clippings: many });
    state.search.value = '共通';
    await waitFor(() => expect(screen.getAllByTestId('clipping')).toHaveLength(100));
    expect(screen.getByTestId('search-results').textContent).toContain('120 件');
    screen.getByTestId('search-more').click();
    await waitFor(() => expect(screen.getAllByTestId('clipping')).toHaveLength(120));
    expect(screen.queryByTestId('search-more')).toBeNull();
  }, 30_000);
});
