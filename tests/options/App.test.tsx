import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

const ISSUE = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15' });
const SETTINGS = { ...DEFAULT_SETTINGS, name: 'Neco Weekly' };

function item(overrides: Partial<Clipping> & Pick<Clipping, 'id' | 'title'>): Clipping {
  return makeClipping({ url: `https://example.com/${overrides.id}`, issueId: ISSUE.id, ...overrides });
}

const titles = (scope: HTMLElement = document.body) =>
  within(scope)
    .queryAllByTestId('clipping')
    .map((card) => within(card).getByTestId('clipping-title').textContent);
const section = (categoryId: string) =>
  document.querySelector(`[data-testid="issue-section"][data-category="${categoryId}"]`) as HTMLElement;
const markdown = () => screen.getByTestId('issue-markdown').textContent ?? '';
const card = (title: string) =>
  screen
    .getAllByTestId('clipping')
    .find((element) => within(element).getByTestId('clipping-title').textContent === title) as HTMLElement;

describe('options page: the open issue', () => {
  it('offers to start 第1回 on a fresh install and shows its empty Markdown', async () => {
    const { repositories } = await renderOptions();
    expect(await repositories.issues.getOpen()).toBeUndefined();
    fireEvent.click(screen.getByTestId('issue-start'));
    await waitFor(() => expect(screen.queryByTestId('issue-number')).not.toBeNull());
    const open = await repositories.issues.getOpen();
    expect(open?.number).toBe(1);
    expect((screen.getByTestId('issue-number') as HTMLInputElement).value).toBe('1');
    expect(markdown()).toContain('今回は第1回目の記事となります。');
    // Each of the five empty sections is its heading alone, one line saying 「項目なし」 in place of 「0 件」.
    const empty = screen.getAllByTestId('issue-section');
    expect(empty.map((element) => element.querySelector('h2')?.textContent)).toEqual([
      '👀 Notable Articles項目なし',
      '🛠️ Tools, Frameworks, Libraries項目なし',
      '✨ Release Notes項目なし',
      '🤝 Events項目なし',
      '📘 Books項目なし',
    ]);
    for (const element of empty) {
      expect(element.classList).toContain('issue-section-empty');
      expect(element.querySelectorAll('p, li')).toHaveLength(0);
    }
    expect(screen.queryByText('この号のこのカテゴリにはまだ項目がありません')).toBeNull();
  });

  it('shows sections in category order and items in the user order, and their Markdown', async () => {
    await renderOptions({
      issues: [ISSUE],
      settings: SETTINGS,
      clippings: [
        item({ id: 'b', title: 'Kubebuilder v3.12.0', categoryId: 'tools', order: 1 }),
        item({ id: 'a', title: '二番目', order: 2 }),
        item({ id: 'c', title: '一番目', order: 1, note: '- [リンク](https://example.com/x)' }),
      ],
    });
    expect(titles(section('notable-articles'))).toEqual(['一番目', '二番目']);
    expect(titles(section('tools'))).toEqual(['Kubebuilder v3.12.0']);
    const text = markdown();
    expect(text.startsWith('# Neco Weekly (2023-09-15号)\n')).toBe(true);
    expect(text.indexOf('### 一番目')).toBeLessThan(text.indexOf('### 二番目'));
    expect(text.indexOf('## 👀 Notable Articles')).toBeLessThan(
      text.indexOf('## 🛠️ Tools, Frameworks, Libraries'),
    );
    expect(text).toContain('### 一番目\n\nhttps://example.com/c\n\n- [リンク](https://example.com/x)\n');
    // The preview follows once the issue is painted (its renderer is a chunk loaded on demand).
    await waitFor(() => expect(screen.getByTestId('issue-preview').textContent).toContain('一番目'));
  });

  it('reorders with the keyboard buttons, saved at once', async () => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'a', title: 'A', order: 0 }), item({ id: 'b', title: 'B', order: 1 })],
    });
    expect(within(card('A')).getByTestId('item-up')).toHaveProperty('disabled', true);
    fireEvent.click(within(card('B')).getByTestId('item-up'));
    await waitFor(() => expect(titles(section('notable-articles'))).toEqual(['B', 'A']));
    expect(markdown().indexOf('### B')).toBeLessThan(markdown().indexOf('### A'));
    expect((await repositories.clippings.get('b'))?.order).toBe(0);
    expect((await repositories.clippings.get('a'))?.order).toBe(1);
  });

  it('moves an item to another section', async () => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'a', title: 'A' })],
    });
    fireEvent.change(within(card('A')).getByTestId('item-category'), { target: { value: 'books' } });
    await waitFor(() => expect(titles(section('books'))).toEqual(['A']));
    expect((await repositories.clippings.get('a'))?.categoryId).toBe('books');
    expect(markdown()).toContain('## 📘 Books\n\n### A');
    expect(markdown()).not.toContain('## 👀 Notable Articles');
  });

  it('reorders by drag and drop, also across sections', async () => {
    await renderOptions({
      issues: [ISSUE],
      clippings: [
        item({ id: 'a', title: 'A', order: 0 }),
        item({ id: 'b', title: 'B', order: 1 }),
        item({ id: 't', title: 'T', categoryId: 'tools' }),
      ],
    });
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: 'all',
    };
    const li = (title: string) => card(title).closest('li') as HTMLElement;
    // happy-dom's DragEvent drops the dataTransfer init; attach it the way a browser would.
    const drag = (type: string, target: HTMLElement) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
      target.dispatchEvent(event);
    };
    drag('dragstart', li('B'));
    drag('dragover', li('A'));
    drag('drop', li('A'));
    await waitFor(() => expect(titles(section('notable-articles'))).toEqual(['B', 'A']));
    drag('dragstart', li('T'));
    drag('drop', li('A'));
    await waitFor(() => expect(titles(section('notable-articles'))).toEqual(['B', 'T', 'A']));
    expect(titles(section('tools'))).toEqual([]);
  });

  it('sets number and date, applied on change and reflected in the Markdown', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE], settings: SETTINGS });
    fireEvent.change(screen.getByTestId('issue-number'), { target: { value: '42' } });
    fireEvent.change(screen.getByTestId('issue-date'), { target: { value: '2023-09-22' } });
    await waitFor(() => expect(markdown()).toContain('# Neco Weekly (2023-09-22号)'));
    expect(markdown()).toContain('今回は第42回目の記事となります。');
    expect(await repositories.issues.getOpen()).toMatchObject({ number: 42, date: '2023-09-22' });
  });

  it('refuses a number that is not a positive whole number', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE] });
    fireEvent.change(screen.getByTestId('issue-number'), { target: { value: '0' } });
    await waitFor(() => expect((screen.getByTestId('issue-number') as HTMLInputElement).value).toBe('41'));
    expect((await repositories.issues.getOpen())?.number).toBe(41);
  });

  it('adds an item without a URL; its Markdown has no URL line', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE] });
    const form = screen.getByTestId('add-item');
    fireEvent.input(within(form).getByTestId('add-title'), {
      target: { value: 'controller-runtime Deep Dive' },
    });
    fireEvent.input(within(form).getByTestId('add-note'), { target: { value: 'Q. なぜ?\nA. こうだから。' } });
    fireEvent.click(within(form).getByTestId('add-save'));
    await waitFor(() =>
      expect(titles(section('notable-articles'))).toEqual(['controller-runtime Deep Dive']),
    );
    expect(markdown()).toContain('### controller-runtime Deep Dive\n\nQ. なぜ?\nA. こうだから。\n');
    const [added] = await repositories.clippings.list();
    expect(added).toMatchObject({ url: '', issueId: ISSUE.id });
  });

  it('refuses an added item with neither title nor URL, saying why', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE] });
    fireEvent.click(screen.getByTestId('add-save'));
    await waitFor(() =>
      expect(within(screen.getByTestId('add-item')).getByRole('alert').textContent).toContain('タイトル'),
    );
    expect(await repositories.clippings.list()).toEqual([]);
  });

  it('edits an item in place', async () => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'e', title: '元', note: '元のメモ' })],
    });
    fireEvent.click(within(card('元')).getByTestId('clipping-edit'));
    const editor = screen.getByTestId('clipping-editor');
    fireEvent.input(within(editor).getByTestId('edit-title'), { target: { value: '新' } });
    fireEvent.input(within(editor).getByTestId('edit-url'), {
      target: { value: 'https://example.com/n?utm_source=x' },
    });
    fireEvent.input(within(editor).getByTestId('edit-note'), { target: { value: '新しいメモ' } });
    fireEvent.keyDown(within(editor).getByTestId('edit-note'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.queryByTestId('clipping-editor')).toBeNull());
    expect(await repositories.clippings.get('e')).toMatchObject({
      title: '新',
      url: 'https://example.com/n',
      note: '新しいメモ',
    });
    expect(markdown()).toContain('### 新\n\nhttps://example.com/n\n\n新しいメモ\n');
  });

  it('deletes with undo', async () => {
    const original = item({ id: 'd', title: '消す', note: 'メモ' });
    const { repositories } = await renderOptions({ issues: [ISSUE], clippings: [original] });
    fireEvent.click(screen.getByRole('button', { name: '「消す」を削除' }));
    await waitFor(() => expect(titles()).toEqual([]));
    expect(await repositories.clippings.get('d')).toBeUndefined();
    expect(markdown()).not.toContain('消す');
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(titles()).toEqual(['消す']));
    expect(await repositories.clippings.get('d')).toEqual(original);
  });

  it('carries an item over: shown marked, left out of the Markdown, moved on publish', async () => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'k', title: '今号' }), item({ id: 'n', title: '来週へ' })],
    });
    fireEvent.click(within(card('来週へ')).getByTestId('item-carry-over'));
    await waitFor(() => expect(markdown()).not.toContain('来週へ'));
    expect(within(card('来週へ')).getByText('次号へ回します')).toBeTruthy();
    fireEvent.click(screen.getByTestId('issue-publish'));
    const confirm = screen.getByTestId('publish-confirm');
    expect((within(confirm).getByTestId('next-number') as HTMLInputElement).value).toBe('42');
    expect((within(confirm).getByTestId('next-date') as HTMLInputElement).value).toBe('2023-09-22');
    expect(confirm.textContent).toContain('1 件は次号に移ります');
    fireEvent.click(within(confirm).getByTestId('publish-confirm-button'));
    await waitFor(() => expect((screen.getByTestId('issue-number') as HTMLInputElement).value).toBe('42'));
    expect(titles()).toEqual(['来週へ']);
    const next = await repositories.issues.getOpen();
    expect(next).toMatchObject({ number: 42, date: '2023-09-22' });
    expect(await repositories.clippings.get('n')).toMatchObject({ issueId: next?.id, carryOver: false });
    expect(await repositories.clippings.get('k')).toMatchObject({ issueId: ISSUE.id });
  });

  it('publishes with an edited next number and date (a skipped week)', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE] });
    fireEvent.click(screen.getByTestId('issue-publish'));
    fireEvent.input(screen.getByTestId('next-number'), { target: { value: '42' } });
    fireEvent.input(screen.getByTestId('next-date'), { target: { value: '2023-09-28' } });
    fireEvent.click(screen.getByTestId('publish-confirm-button'));
    await waitFor(async () =>
      expect(await repositories.issues.getOpen()).toMatchObject({ number: 42, date: '2023-09-28' }),
    );
    expect((await repositories.issues.list()).map((issue) => [issue.number, issue.status])).toEqual([
      [42, 'open'],
      [41, 'published'],
    ]);
  });

  it('sets an item aside in the backlog and brings it back', async () => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'b', title: '後で' })],
    });
    fireEvent.click(within(card('後で')).getByTestId('item-backlog'));
    await waitFor(() => expect(titles()).toEqual([]));
    expect((await repositories.clippings.get('b'))?.issueId).toBeNull();
    fireEvent.click(screen.getByTestId('nav-backlog'));
    expect(titles()).toEqual(['後で']);
    fireEvent.click(screen.getByTestId('item-to-issue'));
    await waitFor(async () => expect((await repositories.clippings.get('b'))?.issueId).toBe(ISSUE.id));
    fireEvent.click(screen.getByTestId('nav-issue'));
    expect(titles()).toEqual(['後で']);
  });

  it('names the chosen headline in the Zenn title', async () => {
    await renderOptions({
      issues: [ISSUE],
      settings: SETTINGS,
      clippings: [
        item({ id: 'a', title: '最初', order: 0 }),
        item({ id: 'b', title: 'Cilium BGP Control Plane', order: 1 }),
      ],
    });
    const title = () => (screen.getByTestId('issue-title') as HTMLInputElement).value;
    expect(title()).toBe('最初の話題など: Neco Weekly (2023-09-15号)');
    fireEvent.change(screen.getByTestId('issue-headline'), { target: { value: 'b' } });
    // Latin text before Japanese gets a space, as the team writes it.
    await waitFor(() =>
      expect(title()).toBe('Cilium BGP Control Plane の話題など: Neco Weekly (2023-09-15号)'),
    );
  });

  it('copies the Markdown and the title, and downloads the article file', async () => {
    const { copied, downloads } = await renderOptions({
      issues: [ISSUE],
      settings: SETTINGS,
      clippings: [item({ id: 'a', title: 'A' })],
    });
    fireEvent.click(screen.getByTestId('issue-copy'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toContain('コピーしました'));
    expect(copied[0]?.text).toBe(markdown());
    expect(copied[0]?.html).toContain('<h1>');
    fireEvent.click(screen.getByTestId('issue-copy-title'));
    await waitFor(() => expect(copied[1]?.text).toBe('A の話題など: Neco Weekly (2023-09-15号)'));
    fireEvent.click(screen.getByTestId('issue-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.filename).toBe('neco-weekly-2023-09-15.md');
    expect(downloads[0]?.content).toContain('published: false');
    expect(downloads[0]?.content.endsWith(markdown())).toBe(true);
  });

  it('says what happened when copying fails', async () => {
    await renderOptions({
      issues: [ISSUE],
      clipboard: {
        copyRich: async () => {
          throw new DOMException('Document is not focused.', 'NotAllowedError');
        },
        copyText: async () => {},
      },
    });
    fireEvent.click(screen.getByTestId('issue-copy'));
    await waitFor(() =>
      expect(screen.getByTestId('copy-status').textContent).toContain('コピーできませんでした'),
    );
    expect(screen.getByTestId('copy-status').textContent).toContain('NotAllowedError');
  });

  it('reports a storage failure and keeps the page as it was', async () => {
    const repos = await freshRepositories();
    const failing: Repositories = {
      ...repos,
      clippings: {
        ...repos.clippings,
        saveMany: async () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      },
    };
    await repos.issues.save(ISSUE);
    await repos.clippings.save(item({ id: 'a', title: 'A', order: 0 }));
    await repos.clippings.save(item({ id: 'b', title: 'B', order: 1 }));
    await renderOptions({ repos: failing });
    fireEvent.click(within(card('B')).getByTestId('item-up'));
    await waitFor(() =>
      expect(screen.getByTestId('page-notice').textContent).toContain('ストレージの空き容量が足りません'),
    );
    expect(titles(section('notable-articles'))).toEqual(['A', 'B']);
  });

  it('renders hostile titles and notes as text and never links a non-http URL', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>';
    await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'h', title: hostile, note: hostile, url: 'javascript:alert(1)' })],
    });
    const element = card(hostile);
    expect(within(element).getByTestId('clipping-note').textContent).toBe(hostile);
    expect(within(element).queryByRole('link')).toBeNull();
    expect(document.querySelector('img, script, iframe')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(
      [...document.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? 'https:')),
    ).toBe(true);
  });

  describe('two pages editing the same clipping', () => {
    it('warns instead of overwriting, and can take the other version', async () => {
      const original = item({ id: 'c', title: '共有', note: '最初' });
      const { repositories } = await renderOptions({ issues: [ISSUE], clippings: [original] });
      fireEvent.click(within(card('共有')).getByTestId('clipping-edit'));
      // Another options page saves first.
      await repositories.clippings.save({
        ...original,
        note: '相手の編集',
        updatedAt: original.updatedAt + 5,
      });
      fireEvent.input(screen.getByTestId('edit-note'), { target: { value: '自分の編集' } });
      fireEvent.click(screen.getByTestId('edit-save'));
      await waitFor(() =>
        expect(screen.getByTestId('edit-conflict').textContent).toContain('別の画面で変更されています'),
      );
      expect((await repositories.clippings.get('c'))?.note).toBe('相手の編集');
      fireEvent.click(screen.getByTestId('edit-conflict-reload'));
      expect((screen.getByTestId('edit-note') as HTMLTextAreaElement).value).toBe('相手の編集');
      fireEvent.input(screen.getByTestId('edit-note'), { target: { value: '相手の編集に追記' } });
      fireEvent.click(screen.getByTestId('edit-save'));
      await waitFor(() => expect(screen.queryByTestId('clipping-editor')).toBeNull());
      expect((await repositories.clippings.get('c'))?.note).toBe('相手の編集に追記');
    });

    it('overwrites only when asked to', async () => {
      const original = item({ id: 'c', title: '共有', note: '最初' });
      const { repositories } = await renderOptions({ issues: [ISSUE], clippings: [original] });
      fireEvent.click(within(card('共有')).getByTestId('clipping-edit'));
      await repositories.clippings.save({
        ...original,
        note: '相手の編集',
        updatedAt: original.updatedAt + 5,
      });
      fireEvent.input(screen.getByTestId('edit-note'), { target: { value: '自分の編集' } });
      fireEvent.click(screen.getByTestId('edit-save'));
      await waitFor(() => expect(screen.getByTestId('edit-conflict')).toBeTruthy());
      fireEvent.click(screen.getByTestId('edit-conflict-overwrite'));
      await waitFor(() => expect(screen.queryByTestId('clipping-editor')).toBeNull());
      expect((await repositories.clippings.get('c'))?.note).toBe('自分の編集');
    });

    it('does not call a reorder on this page a conflict', async () => {
      const { repositories } = await renderOptions({
        issues: [ISSUE],
        clippings: [item({ id: 'a', title: 'A', order: 0 }), item({ id: 'b', title: 'B', order: 1 })],
      });
      fireEvent.click(within(card('A')).getByTestId('clipping-edit'));
      fireEvent.click(within(card('B')).getByTestId('item-up'));
      await waitFor(async () => expect((await repositories.clippings.get('a'))?.order).toBe(1));
      fireEvent.input(screen.getByTestId('edit-note'), { target: { value: '並べ替え後の編集' } });
      fireEvent.click(screen.getByTestId('edit-save'));
      await waitFor(() => expect(screen.queryByTestId('clipping-editor')).toBeNull());
      expect(await repositories.clippings.get('a')).toMatchObject({ note: '並べ替え後の編集', order: 1 });
    });
  });
});
