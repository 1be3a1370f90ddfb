import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { urlMatchKey } from '../../src/core/url';
import type { PageTab } from '../../src/platform/tabs';
import { App } from '../../src/popup/App';
import * as pageReading from '../../src/popup/page-reading';
import { createPopupState } from '../../src/popup/state';
import type { Repositories } from '../../src/storage/repositories';
import { editableFor, freshRepositories } from '../support/database';
import { makeClipping } from '../support/factories';
import { createTranslator } from '../support/i18n';

const t = createTranslator('ja');

/** A Zenn article as the browser's tab gives it: the site's suffix after the title. */
const ZENN: PageTab = {
  id: 3,
  url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f?utm_source=feed',
  title: 'Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる! | Zenn',
};
const ZENN_TITLE = 'Go1.22で登場するかも!?開発中の新機能イテレータを使ってみる!';

/** A company blog the built-in table does not know, and what its head says. */
const BLOG: PageTab = {
  id: 4,
  url: 'https://tech.example.co.jp/entry/2023/09/kubernetes-upgrade?ref=top',
  title: 'Kubernetes 1.28 へのアップグレード記録 - Example Tech Blog',
};
const BLOG_HEAD = {
  url: BLOG.url,
  canonical: 'https://tech.example.co.jp/entry/2023/09/kubernetes-upgrade',
  ogTitle: 'Kubernetes 1.28 へのアップグレード記録',
  siteName: 'Example Tech Blog',
  language: 'ja',
};

interface Setup {
  tab: PageTab;
  head?: unknown;
  repos?: Repositories;
  /** What the context menu captured instead of the tab's own page. */
  page?: { url: string; title: string };
  loadPageReading?: () => Promise<typeof pageReading>;
}

async function renderPopup({ tab, head, repos, page, loadPageReading }: Setup) {
  const repositories = repos ?? (await freshRepositories());
  const readHead = vi.fn(async () => head);
  let clock = 1_700_000_000_000;
  const state = createPopupState({
    tabs: { getTab: async () => ({ ...tab }) },
    repositories: Promise.resolve(repositories),
    t,
    now: () => ++clock,
    newId: () => crypto.randomUUID(),
    loadPageReading:
      loadPageReading ??
      (async () => ({
        ...pageReading,
        readPage: (shown) => pageReading.readPage(shown, readHead),
      })),
  });
  const loading = state.load(undefined, page);
  render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
  await loading;
  return { state, repositories, readHead };
}

const form = () => screen.getByTestId('clip-form');
const title = () => screen.getByTestId('clip-title') as HTMLInputElement;
const url = () => screen.getByTestId('clip-url') as HTMLInputElement;
const note = () => screen.getByTestId('clip-note') as HTMLTextAreaElement;
const titleChoice = () => screen.queryByTestId('clip-title-choice') as HTMLButtonElement | null;

async function waitForState(state: string) {
  await waitFor(() => expect(form().dataset.state).toBe(state));
}

describe('popup: the page’s title, cleaned', () => {
  it('starts a new clipping from the cleaned title, the original one click away and back', async () => {
    const { repositories } = await renderPopup({ tab: ZENN });
    await waitForState('new');
    await waitFor(() => expect(title().value).toBe(ZENN_TITLE));
    const choice = titleChoice();
    expect(choice?.textContent).toBe('元のタイトルに戻す');
    expect(choice?.title).toBe(`元のタイトル: ${ZENN.title}`);

    fireEvent.click(choice as HTMLButtonElement);
    expect(title().value).toBe(ZENN.title);
    expect(titleChoice()?.textContent).toBe('整えたタイトルを使う');
    // The original title is an edit: it is kept as the page's draft, like anything typed.
    const key = urlMatchKey(ZENN.url as string);
    await waitFor(async () => expect((await repositories.drafts.get(key))?.title).toBe(ZENN.title));

    fireEvent.click(titleChoice() as HTMLButtonElement);
    expect(title().value).toBe(ZENN_TITLE);
    // Back where the popup opened: nothing left to keep.
    await waitFor(async () => expect(await repositories.drafts.get(key)).toBeUndefined());
  });

  it('offers no choice for a title with nothing to clean, or once the member typed their own', async () => {
    await renderPopup({ tab: { ...ZENN, title: ZENN_TITLE } });
    await waitForState('new');
    await waitFor(() => expect(title().value).toBe(ZENN_TITLE));
    expect(titleChoice()).toBeNull();

    document.body.replaceChildren();
    await renderPopup({ tab: ZENN });
    await waitForState('new');
    fireEvent.input(title(), { target: { value: 'イテレータを試す' } });
    expect(titleChoice()).toBeNull();
  });

  it('saves the cleaned title', async () => {
    const { repositories } = await renderPopup({ tab: ZENN });
    await waitForState('new');
    fireEvent.input(note(), { target: { value: 'range over func の先取り。' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    const saved = await editableFor(repositories.clippings, ZENN.url as string);
    expect(saved?.title).toBe(ZENN_TITLE);
    expect(saved?.url).toBe('https://zenn.dev/team_soda/articles/0b57bba3a3665f');
  });

  it('keeps the title of a page already clipped, and a draft’s title', async () => {
    const repos = await freshRepositories();
    await repos.clippings.save(
      makeClipping({ url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f', title: ZENN.title }),
    );
    await renderPopup({ tab: ZENN, repos });
    await waitForState('existing');
    await waitFor(() => expect(title().value).toBe(ZENN.title));
    // The stored title is the original one: the cleaned one is a click away.
    expect(titleChoice()?.textContent).toBe('整えたタイトルを使う');

    document.body.replaceChildren();
    const other = { ...ZENN, url: 'https://zenn.dev/a/articles/b' };
    await repos.drafts.save({
      key: urlMatchKey(other.url),
      url: other.url,
      title: '下書きで直したタイトル',
      note: '',
      categoryId: '',
      updatedAt: 1,
    });
    await renderPopup({ tab: other, repos });
    await waitForState('new');
    await waitFor(() => expect(title().value).toBe('下書きで直したタイトル'));
  });

  it('cleans with the member’s own rules from the settings', async () => {
    const repos = await freshRepositories();
    await repos.settings.saveNewsletter({
      ...DEFAULT_SETTINGS,
      titleRules: '# なし\nzenn.dev prefix Go1.22で',
    });
    await renderPopup({ tab: ZENN, repos });
    await waitForState('new');
    // Their rules replace the table: ` | Zenn` stays, their prefix goes.
    expect(title().value).toBe('登場するかも!?開発中の新機能イテレータを使ってみる! | Zenn');
  });

  it('clips from the tab alone when the page-reading part does not load', async () => {
    const loadPageReading = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    await renderPopup({ tab: ZENN, loadPageReading });
    await waitForState('new');
    await waitFor(() => expect(title().value).toBe(ZENN.title));
    expect(titleChoice()).toBeNull();
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
  });
});

describe('popup: what the page says of itself', () => {
  it('reads the page’s head: og:title and site name clean a title the table does not know', async () => {
    const { readHead } = await renderPopup({ tab: BLOG, head: BLOG_HEAD });
    await waitForState('new');
    expect(readHead).toHaveBeenCalledWith(BLOG.id);
    await waitFor(() => expect(title().value).toBe('Kubernetes 1.28 へのアップグレード記録'));
  });

  it('offers the canonical URL in one click when it is another address', async () => {
    await renderPopup({ tab: BLOG, head: BLOG_HEAD });
    await waitForState('new');
    expect(url().value).toBe('https://tech.example.co.jp/entry/2023/09/kubernetes-upgrade?ref=top');
    const offer = screen.getByTestId('clip-canonical');
    expect(offer.textContent).toContain(`このページは正規URLとして ${BLOG_HEAD.canonical} を示しています`);
    fireEvent.click(screen.getByRole('button', { name: '正規URLを使う' }));
    expect(url().value).toBe(BLOG_HEAD.canonical);
    expect(screen.queryByTestId('clip-canonical')).toBeNull();
  });

  it('takes nothing from a head read at another address (the tab went elsewhere)', async () => {
    await renderPopup({ tab: BLOG, head: { ...BLOG_HEAD, url: 'https://tech.example.co.jp/' } });
    await waitForState('new');
    await waitFor(() => expect(title().value).toBe(BLOG.title));
    expect(screen.queryByTestId('clip-canonical')).toBeNull();
  });

  it('never holds the stored clipping back for a page slow to answer, nor cleans over typing', async () => {
    let answer = (_head: unknown) => {};
    const slow = new Promise((resolve) => {
      answer = resolve;
    });
    const repositories = await freshRepositories();
    const state = createPopupState({
      tabs: { getTab: async () => ({ ...BLOG }) },
      repositories: Promise.resolve(repositories),
      t,
      now: () => 1_700_000_000_000,
      newId: () => crypto.randomUUID(),
      loadPageReading: async () => ({
        ...pageReading,
        readPage: (shown) => pageReading.readPage(shown, () => slow),
      }),
    });
    render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
    await state.load();
    await waitForState('new');
    await waitFor(() => expect(title().value).toBe(BLOG.title));
    fireEvent.input(title(), { target: { value: '自分で付けた題' } });
    answer(BLOG_HEAD);
    await waitFor(() => expect(screen.queryByTestId('clip-canonical')).not.toBeNull());
    expect(title().value).toBe('自分で付けた題');
  });

  it('offers nothing when the canonical URL is the page’s own', async () => {
    await renderPopup({ tab: BLOG, head: { ...BLOG_HEAD, canonical: `${BLOG.url}#comments` } });
    await waitForState('new');
    expect(screen.queryByTestId('clip-canonical')).toBeNull();
  });

  it('stores the site name and language with a new clipping', async () => {
    const { repositories } = await renderPopup({ tab: BLOG, head: BLOG_HEAD });
    await waitForState('new');
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    const saved = await editableFor(repositories.clippings, BLOG.url as string);
    expect(saved).toMatchObject({ siteName: 'Example Tech Blog', language: 'ja' });
  });

  it('stores neither for a page that said nothing or could not be read', async () => {
    const { repositories } = await renderPopup({ tab: BLOG, head: undefined });
    await waitForState('new');
    await waitFor(() => expect(title().value).toBe(BLOG.title));
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    const saved = await editableFor(repositories.clippings, BLOG.url as string);
    expect(saved && 'siteName' in saved).toBe(false);
    expect(saved && 'language' in saved).toBe(false);
  });

  it('does not take the page’s head for a link captured on it', async () => {
    const link = {
      url: 'https://kubernetes.io/blog/2023/08/15/kubernetes-v1-28-release/',
      title: 'v1.28 | Kubernetes',
    };
    await renderPopup({ tab: BLOG, head: BLOG_HEAD, page: link });
    await waitForState('new');
    expect(url().value).toBe(link.url);
    // The table still cleans the link's own text.
    expect(title().value).toBe('v1.28');
    expect(screen.queryByTestId('clip-canonical')).toBeNull();
  });

  it('shows a hostile head as text, never as markup', async () => {
    const head = { ...BLOG_HEAD, canonical: 'https://tech.example.co.jp/<img src=x onerror=alert(1)>' };
    await renderPopup({ tab: BLOG, head });
    await waitForState('new');
    const offer = screen.getByTestId('clip-canonical');
    expect(offer.querySelector('img')).toBeNull();
    expect(offer.textContent).toContain('https://tech.example.co.jp/%3Cimg%20src=x%20onerror=alert(1)%3E');
  });
});
