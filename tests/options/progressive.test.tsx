import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { FIRST_DRAWN, shareLimit } from '../../src/options/progressive';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

const ISSUE = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15' });

describe('shareLimit', () => {
  it('fills the lists in order with what is left', () => {
    expect(shareLimit([3, 5, 0, 4], 6)).toEqual([3, 3, 0, 0]);
    expect(shareLimit([3, 5], 100)).toEqual([3, 5]);
    expect(shareLimit([3, 5], Number.POSITIVE_INFINITY)).toEqual([3, 5]);
    expect(shareLimit([], 10)).toEqual([]);
  });
});

describe('a long open issue', () => {
  const count = FIRST_DRAWN * 3 + 5;
  const clippings = Array.from({ length: count }, (_, index) =>
    makeClipping({
      id: `c${index}`,
      title: `記事 ${index}`,
      url: `https://example.com/${index}`,
      issueId: ISSUE.id,
      // Two sections: the first gets the first screen, the second follows.
      categoryId: index < FIRST_DRAWN - 4 ? 'notable-articles' : 'tools',
      order: index,
    }),
  );

  it('draws its first screen at once with the whole Markdown, then every card', async () => {
    await renderOptions({ issues: [ISSUE], settings: DEFAULT_SETTINGS, clippings });
    // The Markdown has every item from the first render; the cards follow a screen at a time.
    const markdown = screen.getByTestId('issue-markdown').textContent ?? '';
    expect(markdown).toContain(`### 記事 ${count - 1}`);
    expect(screen.getAllByTestId('clipping').length).toBe(FIRST_DRAWN);
    // The section headings count every item, drawn or not.
    const tools = document.querySelector('[data-testid="issue-section"][data-category="tools"] h2');
    expect(tools?.textContent).toContain(String(count - (FIRST_DRAWN - 4)));
    await waitFor(() => expect(screen.getAllByTestId('clipping').length).toBe(count));
    const drawn = screen.getAllByTestId('clipping-title').map((title) => title.textContent);
    expect(drawn).toEqual(clippings.map((clipping) => clipping.title));
  });

  it('draws an item added after that at once', async () => {
    const { state } = await renderOptions({ issues: [ISSUE], settings: DEFAULT_SETTINGS, clippings });
    await waitFor(() => expect(screen.getAllByTestId('clipping').length).toBe(count));
    vi.useFakeTimers();
    try {
      state.clippings.value = [
        ...state.clippings.value,
        makeClipping({ id: 'late', title: '後から', issueId: ISSUE.id, categoryId: 'tools', order: count }),
      ];
      await vi.advanceTimersByTimeAsync(0);
      expect(screen.getAllByTestId('clipping').length).toBe(count + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});
