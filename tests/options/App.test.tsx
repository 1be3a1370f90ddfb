import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { App } from '../../src/options/App';
import { createOptionsState, OptionsContext } from '../../src/options/state';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from '../support/database';
import { makeClipping } from '../support/factories';
import { createTranslator } from '../support/i18n';

const t = createTranslator('ja');

function clipping(overrides: Partial<Clipping> & Pick<Clipping, 'id' | 'title'>): Clipping {
  return makeClipping({
    url: `https://example.com/${overrides.id}`,
    createdAt: 1_700_000_000_000,
    ...overrides,
  });
}

async function renderOptions(clippings: Clipping[], repos?: Repositories) {
  const repositories = repos ?? (await freshRepositories());
  for (const item of clippings) await repositories.clippings.save(item);
  let clock = 1_800_000_000_000;
  const state = createOptionsState({ repositories: Promise.resolve(repositories), t, now: () => ++clock });
  render(
    <OptionsContext.Provider value={state}>
      <App t={t} formatDate={(time) => new Date(time).toISOString().slice(0, 10)} />
    </OptionsContext.Provider>,
  );
  await state.load();
  return { state, repositories };
}

const titles = () =>
  screen.queryAllByTestId('clipping').map((item) => within(item).getByTestId('clipping-title').textContent);

describe('options page', () => {
  it('says there is nothing yet on a fresh install', async () => {
    await renderOptions([]);
    expect(screen.getByText(/まだクリップがありません/)).toBeTruthy();
    expect(screen.queryAllByTestId('clipping')).toEqual([]);
  });

  it('lists clippings grouped by category in category order, newest first, with note and date', async () => {
    await renderOptions([
      clipping({ id: 'a', title: 'Kubebuilder v3.12.0', categoryId: 'tools', createdAt: 1_700_000_000_000 }),
      clipping({ id: 'b', title: '古い記事', createdAt: 1_700_000_000_000, note: '一行目\n二行目' }),
      clipping({ id: 'c', title: '新しい記事', createdAt: 1_700_000_500_000 }),
    ]);
    expect(titles()).toEqual(['新しい記事', '古い記事', 'Kubebuilder v3.12.0']);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings.slice(1, 3)).toEqual(['👀 Notable Articles2 件', '🛠️ Tools, Frameworks, Libraries1 件']);
    const old = screen.getAllByTestId('clipping')[1] as HTMLElement;
    expect(within(old).getByTestId('clipping-note').textContent).toBe('一行目\n二行目');
    expect(within(old).getByText('2023-11-14 にクリップ')).toBeTruthy();
    const link = within(old).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://example.com/b');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('shows clippings of a deleted category instead of hiding them', async () => {
    await renderOptions([clipping({ id: 'x', title: '迷子', categoryId: 'gone' })]);
    expect(titles()).toEqual(['迷子']);
    expect(screen.getByRole('heading', { name: /未分類/ })).toBeTruthy();
  });

  it('renders hostile titles and notes as text and never links a non-http URL', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>';
    await renderOptions([clipping({ id: 'h', title: hostile, note: hostile, url: 'javascript:alert(1)' })]);
    const item = screen.getByTestId('clipping');
    expect(within(item).getByTestId('clipping-title').textContent).toBe(hostile);
    expect(within(item).getByTestId('clipping-note').textContent).toBe(hostile);
    expect(within(item).queryByRole('link')).toBeNull();
    expect(document.querySelector('img, script')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('edits title, URL, note and category in place and saves them', async () => {
    const { repositories } = await renderOptions([
      clipping({ id: 'e', title: '元のタイトル', note: '元のメモ' }),
    ]);
    fireEvent.click(screen.getByTestId('clipping-edit'));
    const editor = screen.getByTestId('clipping-editor');
    await waitFor(() => expect(document.activeElement).toBe(within(editor).getByTestId('edit-note')));
    fireEvent.input(within(editor).getByTestId('edit-title'), { target: { value: '新しいタイトル' } });
    fireEvent.input(within(editor).getByTestId('edit-url'), {
      target: { value: 'https://example.com/new?utm_campaign=x&id=1' },
    });
    fireEvent.input(within(editor).getByTestId('edit-note'), {
      target: { value: '- 箇条書き\n- [リンク](https://example.com)' },
    });
    fireEvent.change(within(editor).getByTestId('edit-category'), { target: { value: 'books' } });
    fireEvent.click(within(editor).getByTestId('edit-save'));
    await waitFor(() => expect(screen.queryByTestId('clipping-editor')).toBeNull());
    const saved = await repositories.clippings.get('e');
    expect(saved).toMatchObject({
      title: '新しいタイトル',
      url: 'https://example.com/new?id=1',
      note: '- 箇条書き\n- [リンク](https://example.com)',
      categoryId: 'books',
    });
    expect(saved?.updatedAt).toBeGreaterThan(1_700_000_000_000);
    expect(screen.getByRole('heading', { name: /📘 Books/ })).toBeTruthy();
    expect(screen.getByTestId('page-notice').textContent).toContain('更新しました');
  });

  it('keeps the editor open and says why when the URL is invalid', async () => {
    const { repositories } = await renderOptions([clipping({ id: 'v', title: 'T' })]);
    fireEvent.click(screen.getByTestId('clipping-edit'));
    fireEvent.input(screen.getByTestId('edit-url'), { target: { value: 'data:text/html,hi' } });
    fireEvent.keyDown(screen.getByTestId('edit-note'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('http:// か https://'));
    expect(screen.getByTestId('clipping-editor')).toBeTruthy();
    expect((await repositories.clippings.get('v'))?.url).toBe('https://example.com/v');
  });

  it('cancels an edit with Escape without saving', async () => {
    const { repositories } = await renderOptions([clipping({ id: 'c', title: 'そのまま' })]);
    fireEvent.click(screen.getByTestId('clipping-edit'));
    fireEvent.input(screen.getByTestId('edit-title'), { target: { value: '変更' } });
    fireEvent.keyDown(screen.getByTestId('edit-title'), { key: 'Escape' });
    expect(screen.queryByTestId('clipping-editor')).toBeNull();
    expect((await repositories.clippings.get('c'))?.title).toBe('そのまま');
  });

  it('deletes with undo', async () => {
    const original = clipping({ id: 'd', title: '消す記事', note: 'メモ' });
    const { repositories } = await renderOptions([original, clipping({ id: 'k', title: '残る記事' })]);
    fireEvent.click(screen.getByRole('button', { name: '「消す記事」を削除' }));
    await waitFor(() => expect(titles()).toEqual(['残る記事']));
    expect(await repositories.clippings.get('d')).toBeUndefined();
    expect(screen.getByTestId('page-notice').textContent).toContain('「消す記事」を削除しました');
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(titles()).toContain('消す記事'));
    expect(await repositories.clippings.get('d')).toEqual(original);
  });

  it('reports a storage failure on delete and keeps the clipping', async () => {
    const repos = await freshRepositories();
    const failing: Repositories = {
      ...repos,
      clippings: {
        ...repos.clippings,
        remove: async () => {
          throw new DOMException('disk I/O', 'UnknownError');
        },
      },
    };
    await renderOptions([clipping({ id: 'f', title: '残るはず' })], failing);
    fireEvent.click(screen.getByTestId('clipping-delete'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('保存できませんでした'));
    expect(titles()).toEqual(['残るはず']);
  });
});
