import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { urlMatchKey } from '../../src/core/url';
import { App } from '../../src/popup/App';
import { createPopupState, type PopupServices } from '../../src/popup/state';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
import { createTranslator } from '../support/i18n';

const t = createTranslator('ja');
const URL_A = 'https://example.com/articles/a';
const KEY = urlMatchKey(URL_A);
const published = makeIssue({
  id: 'issue-41',
  number: 41,
  date: '2023-09-15',
  status: 'published',
  publishedAt: 5,
});
const open = makeIssue({ id: 'issue-42', number: 42, date: '2023-09-22' });
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
  await repos.bulk.writeRecords({ issues: [published, open], clippings });
  return repos;
}

async function renderPopup(
  repos: Repositories,
  onOpenPublished = vi.fn(),
  loadOccasional?: PopupServices['loadOccasional'],
) {
  let clock = 1_700_000_000_000;
  const state = createPopupState({
    tabs: { getTab: async () => ({ id: 1, url: URL_A, title: 'ページのタイトル' }) },
    repositories: Promise.resolve(repos),
    t,
    now: () => ++clock,
    newId: () => crypto.randomUUID(),
    loadOccasional,
  });
  const loading = state.load();
  const view = render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={onOpenPublished} />);
  await loading;
  return { view, onOpenPublished };
}

const form = () => screen.getByTestId('clip-form');
const note = () => screen.getByTestId('clip-note') as HTMLTextAreaElement;
const category = () => screen.getByTestId('clip-category') as HTMLSelectElement;
const waitForState = (state: string) => waitFor(() => expect(form().dataset.state).toBe(state));

async function typeDraftAndClose(repos: Repositories, text: string) {
  const { view } = await renderPopup(repos);
  await waitForState('existing');
  fireEvent.input(note(), { target: { value: text } });
  await waitFor(async () => expect((await repos.drafts.get(KEY))?.note).toBe(text));
  view.unmount();
}

describe('popup on a page of a published issue (defect 1)', () => {
  const archived = { ...clipped, issueId: 'issue-41', note: '第41回のコメント' };

  it('says so in Japanese when the published panel cannot load, and offers no edit', async () => {
    const repos = await withData([archived]);
    const broken = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    await renderPopup(repos, vi.fn(), broken);
    await waitForState('published');
    expect((await screen.findByRole('alert')).textContent).toContain('この画面の一部を読み込めませんでした');
    expect(screen.queryByTestId('clip-save')).toBeNull();
    expect(screen.queryByTestId('clip-note')).toBeNull();
  });

  it('says where it was published and edits nothing; re-clipping makes a new item in the open issue', async () => {
    const repos = await withData([archived]);
    await renderPopup(repos);
    await waitForState('published');
    expect((await screen.findByTestId('clip-published')).textContent).toContain(
      '第41回（2023-09-15号）で公開済み',
    );
    expect(screen.queryByTestId('clip-save')).toBeNull();

    fireEvent.click(screen.getByTestId('clip-reclip'));
    await waitForState('new');
    expect(note().value).toBe('');
    fireEvent.click(screen.getByTestId('clip-old-note'));
    expect(note().value).toBe('第41回のコメント');
    fireEvent.input(note(), { target: { value: '第41回のコメント、続報あり' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');

    expect(await repos.clippings.get('c1')).toStrictEqual(archived);
    const added = (await repos.clippings.list()).filter((item) => item.id !== 'c1');
    expect(added).toMatchObject([{ issueId: 'issue-42', note: '第41回のコメント、続報あり', url: URL_A }]);
  });

  it('opens the published item in the options page', async () => {
    const repos = await withData([archived]);
    const { onOpenPublished } = await renderPopup(repos);
    await waitForState('published');
    fireEvent.click(await screen.findByTestId('clip-view-published'));
    expect(onOpenPublished).toHaveBeenCalledWith('issue-41', 'c1');
  });

  it('edits the open re-clipping when the page was clipped again, never the published one', async () => {
    const again = { ...clipped, id: 'c2', note: '再クリップ', updatedAt: 10 };
    const repos = await withData([{ ...archived, updatedAt: 99 }, again]);
    await renderPopup(repos);
    await waitForState('existing');
    expect(note().value).toBe('再クリップ');
  });
});

describe('popup drafts survive record-only changes (defect 4)', () => {
  const CHANGES: [string, Partial<Clipping>][] = [
    ['a reorder', { order: 1 }],
    ['a carry-over mark', { carryOver: true }],
    ['a move to the backlog', { issueId: null }],
    ['a category deletion moving it', { categoryId: 'books' }],
  ];

  it.each(CHANGES)('brings the draft back after %s', async (_name, change) => {
    const repos = await withData([clipped]);
    await typeDraftAndClose(repos, '下書きのコメント');
    const stored = (await repos.clippings.get('c1')) as Clipping;
    await repos.clippings.save({ ...stored, ...change, updatedAt: Date.now() + 1e9 });

    await renderPopup(repos);
    await waitForState('existing');
    expect(note().value).toBe('下書きのコメント');
    expect(category().value).toBe(change.categoryId ?? 'tools');
  });

  it('asks when the note was edited elsewhere too, and takes the stored one on request', async () => {
    const repos = await withData([clipped]);
    await typeDraftAndClose(repos, '下書きのコメント');
    await repos.clippings.save({ ...clipped, note: '別の画面で直した', updatedAt: Date.now() + 1e9 });

    await renderPopup(repos);
    await waitForState('existing');
    expect((await screen.findByTestId('clip-conflict')).textContent).toContain('コメント');
    expect(note().value).toBe('下書きのコメント');
    fireEvent.click(screen.getByTestId('clip-take-stored'));
    expect(note().value).toBe('別の画面で直した');
    expect(screen.queryByTestId('clip-conflict')).toBeNull();
  });
});

describe('popup and a deleted category (defect 5)', () => {
  it('restores a draft naming a deleted category with a valid one, and says so', async () => {
    const repos = await withData([]);
    await repos.drafts.save({
      key: KEY,
      url: URL_A,
      title: 'T',
      note: '下書き',
      categoryId: 'gone',
      updatedAt: 1,
    });
    await renderPopup(repos);
    await waitForState('new');
    expect(note().value).toBe('下書き');
    expect(category().value).toBe('notable-articles');
    expect(screen.getByTestId('clip-notices').textContent).toContain(
      '削除されていたため「👀 Notable Articles」',
    );
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect((await repos.clippings.list())[0]?.categoryId).toBe('notable-articles');
  });
});

describe('popup save keeps changes made meanwhile (defect 11)', () => {
  it('keeps a carry-over mark and an order set while the popup was open', async () => {
    const repos = await withData([clipped]);
    await renderPopup(repos);
    await waitForState('existing');
    await repos.clippings.save({ ...clipped, order: 3, carryOver: true, updatedAt: clipped.updatedAt + 5 });
    fireEvent.input(note(), { target: { value: '書き直し' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect(await repos.clippings.get('c1')).toMatchObject({ order: 3, carryOver: true, note: '書き直し' });
  });

  it('asks instead of overwriting a note saved elsewhere meanwhile, and keeps mine on request', async () => {
    const repos = await withData([clipped]);
    await renderPopup(repos);
    await waitForState('existing');
    const theirs = { ...clipped, title: '別のタイトル', note: '別の画面', updatedAt: clipped.updatedAt + 5 };
    await repos.clippings.save(theirs);
    fireEvent.input(note(), { target: { value: '書き直し' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitFor(() => expect(screen.getByTestId('clip-conflict')).toBeTruthy());
    expect(await repos.clippings.get('c1')).toStrictEqual(theirs);
    // Their title, which was not typed here, shows at once; nothing saves until the question is answered.
    expect((screen.getByTestId('clip-title') as HTMLInputElement).value).toBe('別のタイトル');
    fireEvent.click(screen.getByTestId('clip-save'));
    expect(await repos.clippings.get('c1')).toStrictEqual(theirs);
    fireEvent.click(screen.getByTestId('clip-keep-mine'));
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect(await repos.clippings.get('c1')).toMatchObject({ title: '別のタイトル', note: '書き直し' });
  });
});

describe('popup never makes a second clipping silently (defect 1, dedup)', () => {
  it('a page clipped elsewhere while this popup was open is asked about, not duplicated', async () => {
    const repos = await withData([]);
    await renderPopup(repos);
    await waitForState('new');
    await repos.commitClip({ ...clipped, note: '別の窓で保存' }, KEY);
    fireEvent.input(note(), { target: { value: 'こちらのコメント' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitFor(() => expect(screen.getByTestId('clip-conflict').textContent).toContain('コメント'));
    expect(await repos.clippings.list()).toHaveLength(1);
    fireEvent.click(screen.getByTestId('clip-keep-mine'));
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    const all = await repos.clippings.list();
    expect(all.map((item) => [item.id, item.note])).toEqual([['c1', 'こちらのコメント']]);
  });
});
