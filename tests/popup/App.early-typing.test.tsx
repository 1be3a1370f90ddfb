import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { urlMatchKey } from '../../src/core/url';
import { App } from '../../src/popup/App';
import { createPopupState } from '../../src/popup/state';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
import { createTranslator } from '../support/i18n';

// Issue 8: the form is usable as soon as the tab is read, before the database answers (still
// `loading`); whatever is typed meanwhile survives the answer, and a save asked for meanwhile waits.

const t = createTranslator('ja');
const URL_A = 'https://example.com/articles/a';
const KEY = urlMatchKey(URL_A);
const TAB = { id: 1, url: URL_A, title: 'ページのタイトル' };
const openIssue = makeIssue({ id: 'issue-42', number: 42, date: '2023-09-22' });
const publishedIssue = makeIssue({
  id: 'issue-41',
  number: 41,
  date: '2023-09-15',
  status: 'published',
  publishedAt: 5,
});
const clipped = makeClipping({
  id: 'c1',
  url: URL_A,
  title: '記事A',
  note: '保存済みのコメント',
  categoryId: 'tools',
  issueId: 'issue-42',
});

async function withData(clippings: Clipping[]): Promise<Repositories> {
  const repos = await freshRepositories();
  await repos.bulk.writeRecords({ issues: [publishedIssue, openIssue], clippings });
  return repos;
}

/** Renders the popup with the database held back until `answer()` is called. */
function renderHeldBack(repos: Repositories) {
  let release: (value: Repositories) => void = () => {};
  const held = new Promise<Repositories>((resolve) => {
    release = resolve;
  });
  const changes = { clippingSaved: vi.fn() };
  let clock = 1_700_000_000_000;
  const state = createPopupState({
    tabs: { getTab: async () => TAB },
    repositories: held,
    t,
    now: () => ++clock,
    newId: () => crypto.randomUUID(),
    changes,
  });
  const loaded = state.load();
  render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
  return {
    changes,
    answer: async () => {
      release(repos);
      await loaded;
    },
  };
}

const form = () => screen.getByTestId('clip-form');
const note = () => screen.getByTestId('clip-note') as HTMLTextAreaElement;
const title = () => screen.getByTestId('clip-title') as HTMLInputElement;
const waitForState = (state: string) => waitFor(() => expect(form().dataset.state).toBe(state));
/** The tab is read and the form usable, while the database has not answered. */
const waitForUsable = () =>
  waitFor(() => {
    expect(note().disabled).toBe(false);
    expect(form().dataset.state).toBe('loading');
  });

describe('popup typed into before the database answers', () => {
  it('shows the tab at once, the note focused, while still loading', async () => {
    renderHeldBack(await withData([]));
    await waitForUsable();
    expect(title().value).toBe(TAB.title);
    expect((screen.getByTestId('clip-url') as HTMLInputElement).value).toBe(URL_A);
    await waitFor(() => expect(document.activeElement).toBe(note()));
  });

  it('keeps the typed note over a restored draft, whose other fields come back, and stores it', async () => {
    const repos = await withData([]);
    await repos.drafts.save({
      key: KEY,
      url: URL_A,
      title: '下書きのタイトル',
      note: '下書きのメモ',
      categoryId: 'books',
      updatedAt: 1,
    });
    const popup = renderHeldBack(repos);
    await waitForUsable();
    fireEvent.input(note(), { target: { value: '先に打ったメモ' } });
    await popup.answer();
    await waitForState('new');
    expect(note().value).toBe('先に打ったメモ');
    expect(title().value).toBe('下書きのタイトル');
    expect((screen.getByTestId('clip-category') as HTMLSelectElement).value).toBe('books');
    // The draft's own note is one click away, not gone.
    fireEvent.click(screen.getByTestId('clip-old-note'));
    expect(note().value).toBe('下書きのメモ');
    fireEvent.input(note(), { target: { value: '先に打ったメモ' } });
    await waitFor(async () => expect((await repos.drafts.get(KEY))?.note).toBe('先に打ったメモ'));
    expect((await repos.drafts.get(KEY))?.title).toBe('下書きのタイトル');
  });

  it('keeps a typed title on an already clipped page and its stored note', async () => {
    const repos = await withData([clipped]);
    const popup = renderHeldBack(repos);
    await waitForUsable();
    fireEvent.input(title(), { target: { value: '打ち直したタイトル' } });
    await popup.answer();
    await waitForState('existing');
    expect(title().value).toBe('打ち直したタイトル');
    expect(note().value).toBe('保存済みのコメント');
    await waitFor(async () => expect((await repos.drafts.get(KEY))?.title).toBe('打ち直したタイトル'));
  });

  it('a save asked for meanwhile waits for the answer and updates the clipping, never adds one', async () => {
    const repos = await withData([clipped]);
    const popup = renderHeldBack(repos);
    await waitForUsable();
    fireEvent.input(note(), { target: { value: '急いで書いたメモ' } });
    fireEvent.keyDown(note(), { key: 'Enter', ctrlKey: true });
    await popup.answer();
    await waitForState('saved');
    const all = await repos.clippings.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: 'c1', note: '急いで書いたメモ', title: '記事A' });
    expect(popup.changes.clippingSaved).toHaveBeenCalledWith('c1');
    expect(await repos.drafts.get(KEY)).toBeUndefined();
  });

  it('on a published page keeps the typing for clipping it again', async () => {
    const repos = await withData([{ ...clipped, issueId: 'issue-41' }]);
    const popup = renderHeldBack(repos);
    await waitForUsable();
    fireEvent.input(note(), { target: { value: '公開済みと知らずに書いた' } });
    await popup.answer();
    await waitForState('published');
    await waitFor(async () => expect((await repos.drafts.get(KEY))?.note).toBe('公開済みと知らずに書いた'));
    fireEvent.click(await screen.findByTestId('clip-reclip'));
    await waitForState('new');
    expect(note().value).toBe('公開済みと知らずに書いた');
    expect(title().value).toBe('記事A');
  });
});

describe('popup whose database fails to open', () => {
  it('says so once the tab is read, keeping the form, with no unhandled rejection meanwhile', async () => {
    const state = createPopupState({
      tabs: { getTab: () => new Promise((resolve) => setTimeout(() => resolve(TAB), 20)) },
      repositories: Promise.reject(new DOMException('The database is gone.', 'UnknownError')),
      t,
      now: Date.now,
      newId: () => 'x',
    });
    const loaded = state.load();
    render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
    await loaded;
    await waitForState('error');
    expect(title().value).toBe(TAB.title);
    expect(screen.getByRole('alert').textContent).not.toBe('');
  });
});

describe('popup save announcement', () => {
  it('tells open pages which clipping a new save made', async () => {
    const repos = await withData([]);
    const popup = renderHeldBack(repos);
    await popup.answer();
    await waitForState('new');
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    const [saved] = await repos.clippings.list();
    expect(popup.changes.clippingSaved).toHaveBeenCalledExactlyOnceWith(saved?.id);
  });
});
