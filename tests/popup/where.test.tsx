import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { PageTab } from '../../src/platform/tabs';
import { App } from '../../src/popup/App';
import * as pageReading from '../../src/popup/page-reading';
import { createPopupState } from '../../src/popup/state';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
import { createTranslator } from '../support/i18n';

const t = createTranslator('ja');

const BLOG_URL = 'https://tech.example.co.jp/entry/2023/09/kubernetes-upgrade';
const BLOG: PageTab = {
  id: 4,
  url: BLOG_URL,
  title: 'Kubernetes 1.28 へのアップグレード記録',
  icon: 'data:image/png;base64,iVBORw0KGgo=',
};

const ISSUE_42 = makeIssue({ id: 'issue-42', number: 42, date: '2023-09-22' });

interface Setup {
  tab?: PageTab;
  head?: unknown;
  repos?: Repositories;
  favicons?: string;
  loadPageReading?: () => Promise<typeof pageReading>;
}

async function renderPopup({ tab = BLOG, head, repos, favicons, loadPageReading }: Setup = {}) {
  const repositories = repos ?? (await freshRepositories());
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
        readPage: (shown) => pageReading.readPage(shown, async () => head, favicons),
        // The toolbar popup, closing through a spy: happy-dom has no window to close.
        closeAfterSave: (popup) => pageReading.closeAfterSave(popup, closed, async () => true),
      })),
  });
  const loading = state.load();
  render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
  await loading;
  return { state, repositories };
}

const closed = vi.fn();
const form = () => screen.getByTestId('clip-form');
const note = () => screen.getByTestId('clip-note') as HTMLTextAreaElement;
const destination = () => screen.getByTestId('clip-destination').textContent;
const site = () => screen.getByTestId('clip-site');

async function waitForState(state: string) {
  await waitFor(() => expect(form().dataset.state).toBe(state));
}

afterEach(() => {
  closed.mockReset();
  vi.useRealTimers();
});

describe('popup: the site and where the clip goes', () => {
  it('says which issue a new clipping joins, by number and date', async () => {
    const repos = await freshRepositories();
    await repos.issues.save(ISSUE_42);
    await renderPopup({ repos });
    await waitForState('new');
    await waitFor(() => expect(destination()).toBe('第42回 (2023-09-22号) に追加'));
  });

  it('says a new issue when none is open yet (a fresh install, or just after a publish)', async () => {
    await renderPopup();
    await waitForState('new');
    await waitFor(() => expect(destination()).toBe('新しい号に追加'));
  });

  it('after the save that opened the first issue, says the clipping is in it', async () => {
    const { repositories } = await renderPopup();
    await waitForState('new');
    await waitFor(() => expect(destination()).toBe('新しい号に追加'));
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    fireEvent.input(note(), { target: { value: 'メモを足した' } });
    const open = await repositories.issues.getOpen();
    expect(open?.number).toBe(1);
    expect(destination()).toBe(`第1回 (${open?.date}号) の項目`);
  });

  it('says where a stored clipping is: in the open issue, or in the backlog', async () => {
    const repos = await freshRepositories();
    await repos.issues.save(ISSUE_42);
    await repos.clippings.save(makeClipping({ id: 'a', url: BLOG.url, issueId: 'issue-42' }));
    await renderPopup({ repos });
    await waitForState('existing');
    await waitFor(() => expect(destination()).toBe('第42回 (2023-09-22号) の項目'));

    const backlog = await freshRepositories();
    await backlog.clippings.save(makeClipping({ id: 'b', url: BLOG.url, issueId: null }));
    document.body.replaceChildren();
    await renderPopup({ repos: backlog });
    await waitForState('existing');
    await waitFor(() => expect(destination()).toBe('バックログの項目'));
  });

  it('names the site by the name the page gives and its host, with the tab’s icon', async () => {
    await renderPopup({ head: { url: BLOG.url, siteName: 'Example Tech Blog' } });
    await waitForState('new');
    await waitFor(() => expect(site().textContent).toBe('Example Tech Blogtech.example.co.jp'));
    const icon = site().querySelector('img');
    expect(icon?.getAttribute('src')).toBe(BLOG.icon);
    expect(icon?.getAttribute('alt')).toBe('');
  });

  it('takes Chrome’s icon from its favicon store, never from the page', async () => {
    await renderPopup({ favicons: 'chrome-extension://abc/_favicon/' });
    await waitForState('new');
    await waitFor(() =>
      expect(site().querySelector('img')?.getAttribute('src')).toBe(
        `chrome-extension://abc/_favicon/?pageUrl=${encodeURIComponent(BLOG_URL)}&size=32`,
      ),
    );
  });

  it('shows a hostile site name as text', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">';
    await renderPopup({ tab: { ...BLOG, icon: undefined }, head: { url: BLOG.url, siteName: hostile } });
    await waitForState('new');
    await waitFor(() => expect(site().textContent).toContain(hostile));
    expect(site().querySelector('img')).toBeNull();
  });

  it('confirms a save in place: the line above the form, the form unmoved', async () => {
    const repos = await freshRepositories();
    await repos.issues.save(ISSUE_42);
    await renderPopup({ repos });
    await waitForState('new');
    await waitFor(() => expect(destination()).toBe('第42回 (2023-09-22号) に追加'));
    const firstField = screen.getByTestId('clip-title');
    const before = [...form().children].indexOf(firstField.closest('.field') as Element);
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect(destination()).toBe('✓ クリップしました');
    expect(screen.getByTestId('clip-destination').getAttribute('role')).toBe('status');
    // Nothing was added above the fields.
    expect([...form().children].indexOf(firstField.closest('.field') as Element)).toBe(before);
  });

  it('confirms above the form when the chunk that draws the line did not load', async () => {
    await renderPopup({ loadPageReading: () => Promise.reject(new Error('chunk gone')) });
    await waitForState('new');
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect(screen.queryByTestId('clip-destination')).toBeNull();
    expect(screen.getByTestId('clip-notices').textContent).toContain('クリップしました');
  });
});

describe('popup: notices are about the fields as they were', () => {
  it('drops the confirmation and the info once the member edits again', async () => {
    const repos = await freshRepositories();
    await repos.clippings.save(makeClipping({ id: 'a', url: BLOG.url }));
    await renderPopup({ repos });
    await waitForState('existing');
    expect(screen.getByTestId('clip-notices').textContent).toContain('クリップ済み');
    fireEvent.input(note(), { target: { value: '追記' } });
    expect(screen.getByTestId('clip-notices').textContent).toBe('');
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    fireEvent.input(note(), { target: { value: '追記の追記' } });
    expect(form().dataset.state).toBe('existing');
    expect(destination()).not.toContain('✓');
  });
});

describe('popup: closing after a save', () => {
  it('closes a moment after a save', async () => {
    await renderPopup();
    await waitForState('new');
    await waitFor(() => expect(screen.queryByTestId('clip-destination')).not.toBeNull());
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    fireEvent.click(screen.getByTestId('clip-save'));
    await vi.waitFor(() => expect(form().dataset.state).toBe('saved'));
    await vi.advanceTimersByTimeAsync(pageReading.CLOSE_AFTER_SAVE_MS - 100);
    expect(closed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('stays open when the member goes on typing, or presses a key', async () => {
    await renderPopup();
    await waitForState('new');
    await waitFor(() => expect(screen.queryByTestId('clip-destination')).not.toBeNull());
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    fireEvent.click(screen.getByTestId('clip-save'));
    await vi.waitFor(() => expect(form().dataset.state).toBe('saved'));
    fireEvent.keyDown(note(), { key: 'ArrowLeft' });
    await vi.advanceTimersByTimeAsync(pageReading.CLOSE_AFTER_SAVE_MS * 2);
    expect(closed).not.toHaveBeenCalled();
  });

  it('stays open when the settings say so', async () => {
    const repos = await freshRepositories();
    await repos.settings.saveNewsletter({ ...DEFAULT_SETTINGS, closePopupAfterSave: false });
    await renderPopup({ repos });
    await waitForState('new');
    await waitFor(() => expect(screen.queryByTestId('clip-destination')).not.toBeNull());
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    fireEvent.click(screen.getByTestId('clip-save'));
    await vi.waitFor(() => expect(form().dataset.state).toBe('saved'));
    await vi.advanceTimersByTimeAsync(pageReading.CLOSE_AFTER_SAVE_MS * 2);
    expect(closed).not.toHaveBeenCalled();
  });

  it('never closes a tab that shows the popup page', async () => {
    const close = vi.fn();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const state = { started: { value: undefined }, status: { value: 'saved' as const } };
    await pageReading.closeAfterSave(state, close, async () => false);
    await vi.advanceTimersByTimeAsync(pageReading.CLOSE_AFTER_SAVE_MS * 2);
    expect(close).not.toHaveBeenCalled();
    await pageReading.closeAfterSave(state, close, async () => true);
    await vi.advanceTimersByTimeAsync(pageReading.CLOSE_AFTER_SAVE_MS * 2);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
