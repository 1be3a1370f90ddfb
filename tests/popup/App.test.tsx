import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { urlMatchKey } from '../../src/core/url';
import type { PageTab } from '../../src/platform/tabs';
import { App } from '../../src/popup/App';
import { createPopupState } from '../../src/popup/state';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from '../support/database';
import { createTranslator } from '../support/i18n';

const t = createTranslator('ja');
const ARTICLE: PageTab = {
  id: 7,
  url: 'https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html',
  title: 'Cilium BGP Control Plane 使ってみました',
};
const ARTICLE_KEY = urlMatchKey(ARTICLE.url as string);

interface Setup {
  tab?: PageTab | undefined;
  repos?: Repositories;
  now?: () => number;
}

async function renderPopup(setup: Setup = {}) {
  const { repos, now } = setup;
  const tab = 'tab' in setup ? setup.tab : ARTICLE;
  const repositories = repos ?? (await freshRepositories());
  let clock = 1_700_000_000_000;
  const getTab = vi.fn(async () => tab);
  const state = createPopupState({
    tabs: { getTab },
    repositories: Promise.resolve(repositories),
    t,
    now: now ?? (() => ++clock),
    newId: () => crypto.randomUUID(),
  });
  const loading = state.load();
  const view = render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
  await loading;
  return { state, repositories, view, getTab };
}

const form = () => screen.getByTestId('clip-form');
const note = () => screen.getByTestId('clip-note') as HTMLTextAreaElement;
const title = () => screen.getByTestId('clip-title') as HTMLInputElement;

async function waitForState(state: string) {
  await waitFor(() => expect(form().dataset.state).toBe(state));
}

describe('popup', () => {
  it('shows loading until the tab and database are read', () => {
    const state = createPopupState({
      tabs: { getTab: () => new Promise(() => {}) },
      repositories: new Promise(() => {}),
      t,
      now: Date.now,
      newId: () => 'x',
    });
    render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
    expect(form().dataset.state).toBe('loading');
    expect(note().disabled).toBe(true);
  });

  it('opens on the tab with its title and URL, the note focused, the first category chosen', async () => {
    await renderPopup();
    await waitForState('new');
    expect(title().value).toBe(ARTICLE.title);
    expect((screen.getByTestId('clip-url') as HTMLInputElement).value).toBe(ARTICLE.url);
    await waitFor(() => expect(document.activeElement).toBe(note()));
    const select = screen.getByTestId('clip-category') as HTMLSelectElement;
    expect([...select.options].map((option) => option.text)).toEqual([
      '👀 Notable Articles',
      '🛠️ Tools, Frameworks, Libraries',
      '✨ Release Notes',
      '🤝 Events',
      '📘 Books',
    ]);
    expect(select.selectedOptions[0]?.text).toBe('👀 Notable Articles');
    expect(screen.getByLabelText('コメント')).toBe(note());
  });

  it('asks the given tab id', async () => {
    const { getTab, state } = await renderPopup();
    await state.load(42);
    expect(getTab).toHaveBeenLastCalledWith(42);
  });

  it.each([
    ['chrome://extensions/', 'http または https'],
    ['about:blank', 'http または https'],
    ['file:///home/me/notes.html', 'http または https'],
    ['https://chromewebstore.google.com/detail/abc', '拡張機能ストア'],
    [undefined, 'URL を読み取れない'],
  ])('refuses %s with a message instead of a form', async (url, words) => {
    await renderPopup({ tab: { id: 1, url, title: 'x' } });
    await waitForState('error');
    expect(screen.getByRole('alert').textContent).toContain(words);
    expect(screen.queryByTestId('clip-note')).toBeNull();
    expect(screen.queryByTestId('clip-save')).toBeNull();
  });

  it('says so when there is no tab', async () => {
    await renderPopup({ tab: undefined });
    await waitForState('error');
    expect(screen.getByRole('alert').textContent).toContain('タブが見つかりません');
  });

  it('saves with the button and says so; the URL is cleaned of tracking parameters', async () => {
    const { repositories } = await renderPopup({
      tab: { ...ARTICLE, url: `${ARTICLE.url}?utm_source=twitter&utm_medium=social#summary` },
    });
    await waitForState('new');
    // Shown as it will be saved, before the save.
    expect((screen.getByTestId('clip-url') as HTMLInputElement).value).toBe(`${ARTICLE.url}#summary`);
    fireEvent.input(note(), { target: { value: 'GoBGP ベースの BGP Control Plane を試した記事。' } });
    fireEvent.change(screen.getByTestId('clip-category'), { target: { value: 'tools' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    // Said in place, in the line that said where the clip would go: the form does not move.
    await waitFor(() =>
      expect(screen.getByTestId('clip-destination').textContent).toBe('✓ クリップしました'),
    );
    const [saved, ...others] = await repositories.clippings.list();
    expect(others).toEqual([]);
    expect(saved).toMatchObject({
      url: `${ARTICLE.url}#summary`,
      title: ARTICLE.title,
      note: 'GoBGP ベースの BGP Control Plane を試した記事。',
      categoryId: 'tools',
    });
    expect(await repositories.settings.getLastCategoryId()).toBe('tools');
  });

  it('remembers the category last used for the next clipping', async () => {
    const repos = await freshRepositories();
    await repos.settings.setLastCategoryId('events');
    await renderPopup({ repos });
    await waitForState('new');
    expect((screen.getByTestId('clip-category') as HTMLSelectElement).value).toBe('events');
  });

  it('Enter in the note is a newline; Ctrl+Enter and Cmd+Enter save', async () => {
    const { repositories } = await renderPopup();
    await waitForState('new');
    expect(fireEvent.keyDown(note(), { key: 'Enter' })).toBe(true);
    await Promise.resolve();
    expect(form().dataset.state).toBe('new');
    fireEvent.keyDown(note(), { key: 'Enter', ctrlKey: true });
    await waitForState('saved');
    expect(await repositories.clippings.list()).toHaveLength(1);
    fireEvent.input(note(), { target: { value: '追記' } });
    fireEvent.keyDown(note(), { key: 'Enter', metaKey: true });
    await waitForState('saved');
    expect((await repositories.clippings.list())[0]?.note).toBe('追記');
  });

  it('never saves during an IME composition', async () => {
    const { repositories } = await renderPopup();
    await waitForState('new');
    // Chrome: the confirming Enter arrives with isComposing, before compositionend.
    fireEvent.compositionStart(note());
    const confirming = fireEvent.keyDown(note(), { key: 'Enter', ctrlKey: true, isComposing: true });
    expect(confirming).toBe(false);
    // Between compositionstart and compositionend, even without the flag.
    fireEvent.keyDown(note(), { key: 'Enter', ctrlKey: true });
    fireEvent.compositionEnd(note());
    // Safari: compositionend first, then a keydown with keyCode 229.
    fireEvent.keyDown(note(), { key: 'Enter', ctrlKey: true, keyCode: 229 });
    // Implicit submission from the title while converting.
    fireEvent.compositionStart(title());
    expect(fireEvent.keyDown(title(), { key: 'Enter', isComposing: true })).toBe(false);
    fireEvent.compositionEnd(title());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(form().dataset.state).toBe('new');
    expect(await repositories.clippings.list()).toEqual([]);
    fireEvent.keyDown(note(), { key: 'Enter', ctrlKey: true });
    await waitForState('saved');
  });

  it('opens an already clipped page for editing and updates it without a duplicate', async () => {
    const repos = await freshRepositories();
    const first = await renderPopup({ repos });
    await waitForState('new');
    fireEvent.input(note(), { target: { value: '最初のメモ' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    first.view.unmount();

    await renderPopup({ repos, tab: { ...ARTICLE, url: `${ARTICLE.url}?fbclid=abc#top` } });
    await waitForState('existing');
    expect(screen.getByTestId('clip-notices').textContent).toContain('クリップ済み');
    expect(note().value).toBe('最初のメモ');
    expect(screen.getByTestId('clip-save').textContent).toBe('更新');
    fireEvent.input(note(), { target: { value: '書き直したメモ' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    const all = await repos.clippings.list();
    expect(all).toHaveLength(1);
    expect(all[0]?.note).toBe('書き直したメモ');
    expect(all[0]?.url).toBe(ARTICLE.url);
  });

  it('keeps what was typed as a draft and restores it; a save clears it', async () => {
    const repos = await freshRepositories();
    const first = await renderPopup({ repos });
    await waitForState('new');
    fireEvent.input(title(), { target: { value: '編集したタイトル' } });
    fireEvent.input(note(), { target: { value: '書きかけ' } });
    fireEvent.change(screen.getByTestId('clip-category'), { target: { value: 'books' } });
    await waitFor(async () => expect((await repos.drafts.get(ARTICLE_KEY))?.note).toBe('書きかけ'));
    first.view.unmount();

    const second = await renderPopup({ repos });
    await waitForState('new');
    expect(title().value).toBe('編集したタイトル');
    expect(note().value).toBe('書きかけ');
    expect((screen.getByTestId('clip-category') as HTMLSelectElement).value).toBe('books');
    expect(screen.getByTestId('clip-notices').textContent).toContain('下書きを復元');
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect(await repos.drafts.get(ARTICLE_KEY)).toBeUndefined();
    second.view.unmount();

    await renderPopup({ repos });
    await waitForState('existing');
    expect(note().value).toBe('書きかけ');
  });

  it('restores a newer draft over an already clipped page', async () => {
    const repos = await freshRepositories();
    const first = await renderPopup({ repos });
    await waitForState('new');
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    fireEvent.input(note(), { target: { value: '保存後に書いた続き' } });
    await waitFor(async () => expect((await repos.drafts.get(ARTICLE_KEY))?.note).toBe('保存後に書いた続き'));
    first.view.unmount();

    await renderPopup({ repos });
    await waitForState('existing');
    expect(note().value).toBe('保存後に書いた続き');
  });

  it('drops the draft when the edit goes back to what was there', async () => {
    const repos = await freshRepositories();
    await renderPopup({ repos });
    await waitForState('new');
    fireEvent.input(note(), { target: { value: 'a' } });
    await waitFor(async () => expect(await repos.drafts.get(ARTICLE_KEY)).toBeDefined());
    fireEvent.input(note(), { target: { value: '' } });
    await waitFor(async () => expect(await repos.drafts.get(ARTICLE_KEY)).toBeUndefined());
  });

  it('on a storage failure says what went wrong and keeps the typing and the draft', async () => {
    const repos = await freshRepositories();
    const failing: Repositories = {
      ...repos,
      commitClip: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    await renderPopup({ repos: failing });
    await waitForState('new');
    fireEvent.input(note(), { target: { value: '消えてはいけないメモ' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('error');
    expect(screen.getByRole('alert').textContent).toContain('ストレージの空き容量が足りません');
    expect(screen.getByRole('alert').textContent).toContain('入力内容は残っています');
    expect(note().value).toBe('消えてはいけないメモ');
    expect((await repos.drafts.get(ARTICLE_KEY))?.note).toBe('消えてはいけないメモ');
    expect(await repos.clippings.list()).toEqual([]);
  });

  it('refuses to save a URL that is not http(s), saying why', async () => {
    const { repositories } = await renderPopup();
    await waitForState('new');
    fireEvent.input(screen.getByTestId('clip-url'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('error');
    // Said at the field, which is marked invalid and described by it.
    const url = screen.getByTestId('clip-url');
    const error = screen.getByTestId('clip-url-error');
    expect(error.textContent).toContain('http:// か https://');
    expect(error.getAttribute('role')).toBe('alert');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toBe(error.id);
    expect(await repositories.clippings.list()).toEqual([]);
    // Gone once the field is edited; the other fields were never marked.
    fireEvent.input(url, { target: { value: ARTICLE.url } });
    expect(screen.queryByTestId('clip-url-error')).toBeNull();
    expect(url.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.getByTestId('clip-title').hasAttribute('aria-invalid')).toBe(false);
  });

  it('refuses an empty URL and an empty title at their fields, each until it is edited', async () => {
    const { repositories } = await renderPopup();
    await waitForState('new');
    fireEvent.input(screen.getByTestId('clip-url'), { target: { value: '' } });
    fireEvent.input(title(), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('error');
    expect(screen.getByTestId('clip-url-error').textContent).toBe('URL を入力してください');
    expect(screen.getByTestId('clip-title-error').textContent).toBe('タイトルを入力してください');
    fireEvent.input(title(), { target: { value: 'Cilium の BGP Control Plane' } });
    expect(screen.queryByTestId('clip-title-error')).toBeNull();
    expect(screen.getByTestId('clip-url-error')).toBeTruthy();
    expect(await repositories.clippings.list()).toEqual([]);
  });

  it('counts graphemes against the soft target and shows going over without blocking', async () => {
    const { repositories } = await renderPopup();
    await waitForState('new');
    fireEvent.input(note(), { target: { value: '👨‍👩‍👧が' } });
    expect(screen.getByText('2 / 200 文字')).toBeTruthy();
    fireEvent.input(note(), { target: { value: 'あ'.repeat(205) } });
    expect(screen.getByText('目安の 200 文字を 5 文字超えています').className).toContain('over');
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect((await repositories.clippings.list())[0]?.note).toHaveLength(205);
  });

  it('shows a hostile title as text', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>';
    await renderPopup({ tab: { ...ARTICLE, title: hostile } });
    await waitForState('new');
    expect(title().value).toBe(hostile);
    expect(document.querySelector('img, script')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
