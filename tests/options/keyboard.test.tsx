import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

/**
 * Issue 10, "Look", for keyboard users: a card of the open issue is two tab stops (its title's link and
 * one toolbar of its seven controls, ←/→ within it); focus goes somewhere sensible after a delete, Esc
 * and publishing; a refused item says why at its fields. The real Tab key in Chromium: tests/e2e/keyboard.test.ts.
 */

const ISSUE = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15' });

function item(overrides: Partial<Clipping> & Pick<Clipping, 'id' | 'title'>): Clipping {
  return makeClipping({ url: `https://example.com/${overrides.id}`, issueId: ISSUE.id, ...overrides });
}

const card = (title: string) =>
  screen
    .getAllByTestId('clipping')
    .find((element) => within(element).getByTestId('clipping-title').textContent === title) as HTMLElement;
const titles = () =>
  screen
    .queryAllByTestId('clipping')
    .map((element) => within(element).getByTestId('clipping-title').textContent);
const active = () => document.activeElement as HTMLElement | null;
const testIdOf = (element: Element | null) => element?.getAttribute('data-testid');

/**
 * The elements Tab visits, in order: what a browser makes focusable (links, enabled controls, the
 * summary of a details, any tabindex ≥ 0), minus tabindex -1 and whatever a closed details hides.
 * No test here uses a positive tabindex, so document order is the order.
 */
function tabOrder(): HTMLElement[] {
  const candidates = document.querySelectorAll<HTMLElement>(
    'a[href], button, input, select, textarea, summary, [tabindex]',
  );
  return [...candidates].filter((element) => {
    if ((element as HTMLButtonElement).disabled) return false;
    if ((element as HTMLInputElement).type === 'hidden') return false;
    const tabindex = element.getAttribute('tabindex');
    if (tabindex !== null && Number(tabindex) < 0) return false;
    const details = element.closest('details');
    const summary = details?.querySelector(':scope > summary');
    return !details || details.open || element === summary;
  });
}

describe('tab stops of the open issue', () => {
  it('takes two presses of Tab a card: 11 items are 22 of the stops to 「Markdown をコピー」', async () => {
    const clippings = Array.from({ length: 11 }, (_, index) =>
      item({
        id: `i${index}`,
        title: `記事 ${index}`,
        note: `メモ ${index}`,
        order: index,
        categoryId: index < 6 ? 'notable-articles' : 'tools',
      }),
    );
    await renderOptions({ issues: [ISSUE], clippings });
    expect(screen.getAllByTestId('clipping')).toHaveLength(11);
    const order = tabOrder();
    const from = order.indexOf(document.getElementById('issue-heading') as HTMLElement);
    const copy = order.indexOf(screen.getByRole('button', { name: 'Markdown をコピー' }));
    // The heading is not a stop itself (tabindex -1): counting starts at the page's top, in the order.
    expect(from).toBe(-1);
    const firstOfIssue = order.findIndex((element) => element.closest('.issue-view'));
    const presses = copy - firstOfIssue + 1;
    const inCards = order
      .slice(firstOfIssue, copy + 1)
      .filter((element) => element.closest('[data-testid="clipping"]'));
    expect(inCards).toHaveLength(22);
    for (const element of screen.getAllByTestId('clipping')) {
      expect(inCards.filter((stop) => element.contains(stop)).map(testIdOf)).toEqual([
        'clipping-title',
        // The toolbar's one stop: its first control that can take focus.
        expect.stringMatching(/^item-(up|down)$/),
      ]);
    }
    // The page's own stops, each once: the issue's fields, 手で追加, publishing, the team file, the output.
    const own = order
      .slice(firstOfIssue, copy + 1)
      .filter((element) => !element.closest('[data-testid="clipping"]'))
      .map((element) => testIdOf(element) || element.localName);
    expect(own).toEqual([
      'issue-number',
      'issue-date',
      'issue-headline',
      'issue-topic',
      'issue-afterword',
      'summary',
      'issue-publish',
      'team-export',
      'team-import',
      'issue-title',
      'issue-copy-title',
      'issue-copy',
    ]);
    expect(presses).toBe(22 + 12);
  });

  it('keeps every control of a card reachable with ←/→, Home and End, one tab stop at a time', async () => {
    await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'a', title: 'A', order: 0 }), item({ id: 'b', title: 'B', order: 1 })],
    });
    const toolbar = within(card('A')).getByRole('toolbar', { name: '「A」の操作' });
    const stops = () =>
      [...toolbar.querySelectorAll<HTMLElement>('button, select')]
        .filter((control) => control.tabIndex === 0)
        .map(testIdOf);
    // ↑ of the first item is disabled: the toolbar's stop is ↓.
    expect(stops()).toEqual(['item-down']);
    within(card('A')).getByTestId('item-down').focus();
    const visited = [testIdOf(active())];
    for (let step = 0; step < 5; step++) {
      fireEvent.keyDown(active() as HTMLElement, { key: 'ArrowRight' });
      visited.push(testIdOf(active()));
    }
    expect(visited).toEqual([
      'item-down',
      'item-category',
      'item-carry-over',
      'item-backlog',
      'clipping-edit',
      'clipping-delete',
    ]);
    expect(stops()).toEqual(['clipping-delete']);
    expect(within(toolbar).getByRole('button', { name: '「A」を削除' })).toBe(active());
    fireEvent.keyDown(active() as HTMLElement, { key: 'ArrowRight' });
    expect(testIdOf(active())).toBe('item-down');
    fireEvent.keyDown(active() as HTMLElement, { key: 'End' });
    expect(testIdOf(active())).toBe('clipping-delete');
    fireEvent.keyDown(active() as HTMLElement, { key: 'Home' });
    expect(testIdOf(active())).toBe('item-down');
    // On the section select, ← and → move on and do not change the section; ↑/↓ stay the select's.
    const select = within(card('A')).getByTestId('item-category') as HTMLSelectElement;
    select.focus();
    expect(fireEvent.keyDown(select, { key: 'ArrowLeft' })).toBe(false);
    expect(testIdOf(active())).toBe('item-down');
    expect(select.value).toBe('notable-articles');
    expect(fireEvent.keyDown(select, { key: 'ArrowDown' })).toBe(true);
    // The second item's ↑ can take focus: its toolbar's stop is ↑, and the first card's is unchanged.
    expect(
      [...within(card('B')).getByRole('toolbar').querySelectorAll<HTMLElement>('button, select')]
        .filter((control) => control.tabIndex === 0)
        .map(testIdOf),
    ).toEqual(['item-up']);
  });

  it('moves focus with the item a keyboard ↑ moved, to ↓ once ↑ is disabled at the top', async () => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'a', title: 'A', order: 0 }), item({ id: 'b', title: 'B', order: 1 })],
    });
    const up = within(card('B')).getByTestId('item-up');
    up.focus();
    fireEvent.click(up);
    await waitFor(() => expect(titles()).toEqual(['B', 'A']));
    expect((await repositories.clippings.get('b'))?.order).toBe(0);
    await waitFor(() => {
      expect(card('B').contains(active())).toBe(true);
      expect(testIdOf(active())).toBe('item-down');
    });
  });
});

describe('focus after a delete, Esc and publishing', () => {
  const three = [
    item({ id: 'a', title: 'A', order: 0 }),
    item({ id: 'b', title: 'B', order: 1 }),
    item({ id: 'c', title: 'C', order: 2 }),
  ];

  it('focuses the next card after a delete, the previous after the last, then the section heading', async () => {
    await renderOptions({ issues: [ISSUE], clippings: three });
    const remove = (title: string) => {
      const button = screen.getByRole('button', { name: `「${title}」を削除` });
      button.focus();
      fireEvent.click(button);
    };
    remove('B');
    await waitFor(() => expect(titles()).toEqual(['A', 'C']));
    await waitFor(() => expect(active()).toBe(card('C')));
    expect(active()?.getAttribute('aria-labelledby')).toBe(
      within(card('C')).getByRole('heading', { level: 3 }).id,
    );
    remove('C');
    await waitFor(() => expect(active()).toBe(card('A')));
    remove('A');
    await waitFor(() => expect(titles()).toEqual([]));
    await waitFor(() => expect(active()?.id).toBe('section-notable-articles'));
    expect(active()?.textContent).toBe('👀 Notable Articles項目なし');
  });

  it('focuses the next card after an item is set aside in the backlog', async () => {
    await renderOptions({ issues: [ISSUE], clippings: three });
    const backlog = within(card('A')).getByTestId('item-backlog');
    backlog.focus();
    fireEvent.click(backlog);
    await waitFor(() => expect(titles()).toEqual(['B', 'C']));
    await waitFor(() => expect(active()).toBe(card('B')));
  });

  it('closes the editor on Esc, keeping the item, and puts focus back on its 「編集」', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE], clippings: three });
    fireEvent.click(within(card('B')).getByTestId('clipping-edit'));
    const note = screen.getByTestId('edit-note');
    expect(active()).toBe(note);
    fireEvent.input(note, { target: { value: '捨てる編集' } });
    // Esc while an IME composition is open belongs to the composition.
    fireEvent.keyDown(note, { key: 'Escape', isComposing: true });
    expect(screen.queryByTestId('clipping-editor')).not.toBeNull();
    fireEvent.keyDown(note, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('clipping-editor')).toBeNull());
    expect(active()).toBe(within(card('B')).getByRole('button', { name: '「B」を編集' }));
    expect((await repositories.clippings.get('b'))?.note).toBe('');
    // A save puts focus back there too.
    fireEvent.click(within(card('B')).getByTestId('clipping-edit'));
    fireEvent.input(screen.getByTestId('edit-note'), { target: { value: '保存する編集' } });
    fireEvent.click(screen.getByTestId('edit-save'));
    await waitFor(() => expect(screen.queryByTestId('clipping-editor')).toBeNull());
    await waitFor(() => expect(testIdOf(active())).toBe('clipping-edit'));
    expect(card('B').contains(active())).toBe(true);
    expect((await repositories.clippings.get('b'))?.note).toBe('保存する編集');
  });

  it('focuses the next number when publishing is asked, and the new issue’s heading once published', async () => {
    await renderOptions({ issues: [ISSUE], clippings: three });
    fireEvent.click(screen.getByTestId('issue-publish'));
    await waitFor(() => expect(testIdOf(active())).toBe('next-number'));
    fireEvent.click(screen.getByRole('button', { name: 'キャンセル' }));
    await waitFor(() => expect(testIdOf(active())).toBe('issue-publish'));
    fireEvent.click(screen.getByTestId('issue-publish'));
    fireEvent.click(screen.getByTestId('publish-confirm-button'));
    await waitFor(() => expect(active()?.id).toBe('issue-heading'));
    await waitFor(() => expect(active()?.textContent).toContain('第42回'));
  });
});

describe('validation at the field', () => {
  const describedBy = (field: HTMLElement) =>
    (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);

  it('says at the URL field of the add-item form that it must be http(s), and focuses it', async () => {
    await renderOptions({ issues: [ISSUE] });
    const form = screen.getByTestId('add-item');
    const url = within(form).getByTestId('add-url');
    const title = within(form).getByTestId('add-title');
    fireEvent.input(title, { target: { value: '題' } });
    fireEvent.input(url, { target: { value: 'ftp://example.com/file' } });
    fireEvent.click(within(form).getByTestId('add-save'));
    const message = 'URL は http:// か https:// で始まる必要があります';
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(url)).toEqual([message]);
    expect(within(form).getByTestId('add-url-error').textContent).toBe(message);
    // The title is fine: neither marked nor described.
    expect(title.getAttribute('aria-invalid')).toBeNull();
    expect(title.getAttribute('aria-describedby')).toBeNull();
    // The banner still says it, for the screen reader at once.
    expect(within(form).getByRole('alert').textContent).toBe(message);
    await waitFor(() => expect(active()).toBe(url));
    // Typing in the field takes its message away.
    fireEvent.input(url, { target: { value: 'https://example.com/file' } });
    expect(url.getAttribute('aria-invalid')).toBeNull();
    expect(within(form).queryByTestId('add-url-error')).toBeNull();
    expect(within(form).getByRole('alert').textContent).toBe('');
  });

  it('says at the title of the add-item form that an item without a URL needs one', async () => {
    await renderOptions({ issues: [ISSUE] });
    const form = screen.getByTestId('add-item');
    fireEvent.click(within(form).getByTestId('add-save'));
    const title = within(form).getByTestId('add-title');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(title)).toEqual(['タイトルを入力してください']);
    expect(within(form).getByTestId('add-url').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(active()).toBe(title));
  });

  it('says at the fields of the item editor what stops the save, and saves nothing', async () => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'e', title: '元' })],
    });
    fireEvent.click(within(card('元')).getByTestId('clipping-edit'));
    const editor = screen.getByTestId('clipping-editor');
    const title = within(editor).getByTestId('edit-title');
    const url = within(editor).getByTestId('edit-url');
    fireEvent.input(title, { target: { value: '' } });
    fireEvent.input(url, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(within(editor).getByTestId('edit-save'));
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(url)).toEqual(['URL は http:// か https:// で始まる必要があります']);
    expect(within(editor).getByTestId('edit-url-error').id).toBe(url.getAttribute('aria-describedby'));
    expect(title.getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(active()).toBe(url));
    // Without a URL the item needs a title: said at the title, which takes focus.
    fireEvent.input(url, { target: { value: '' } });
    expect(url.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(within(editor).getByTestId('edit-save'));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(title)).toEqual(['タイトルを入力してください']);
    await waitFor(() => expect(active()).toBe(title));
    expect(screen.getByTestId('clipping-editor')).toBe(editor);
    expect(await repositories.clippings.get('e')).toMatchObject({
      title: '元',
      url: 'https://example.com/e',
    });
  });
});
