import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App';
import { createPopupState, type PopupServices } from '../../src/popup/state';
import { freshRepositories } from '../support/database';
import { createTranslator } from '../support/i18n';

/**
 * The popup's save path is a chunk of its own (save-clip.ts), loaded at idle after the form is ready or
 * on first use (issue 8). A save asked for before it arrived waits for it; a chunk that fails to load
 * says so in Japanese, keeps what was typed, and the next save tries again.
 */
const t = createTranslator('ja');
type SaveClipModule = Awaited<ReturnType<NonNullable<PopupServices['loadSaveClip']>>>;

async function renderPopup(
  loadSaveClip: () => Promise<SaveClipModule>,
  readPopupStart?: () => Promise<never>,
) {
  const stored = await freshRepositories();
  const repositories = readPopupStart ? { ...stored, readPopupStart } : stored;
  let clock = 1_700_000_000_000;
  const state = createPopupState({
    tabs: { getTab: async () => ({ id: 1, url: 'https://example.com/article', title: '記事' }) },
    repositories: Promise.resolve(repositories),
    t,
    now: () => ++clock,
    newId: () => crypto.randomUUID(),
    loadSaveClip,
  });
  const loading = state.load();
  render(<App state={state} t={t} onOpenOptions={() => {}} onOpenPublished={() => {}} />);
  await loading;
  return { repositories };
}

const form = () => screen.getByTestId('clip-form');
const note = () => screen.getByTestId('clip-note') as HTMLTextAreaElement;
const waitForState = (state: string) => waitFor(() => expect(form().dataset.state).toBe(state));
const realChunk = () => import('../../src/popup/save-clip');

describe('the popup save chunk', () => {
  it('a save asked for before the chunk arrived waits for it and saves once', async () => {
    let arrive = () => {};
    const held = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const load = vi.fn(() => held.then(realChunk));
    const { repositories } = await renderPopup(load);
    await waitForState('new');
    fireEvent.input(note(), { target: { value: 'メモ' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    fireEvent.click(screen.getByTestId('clip-save'));
    expect(form().dataset.state).toBe('new');
    arrive();
    await waitForState('saved');
    expect(await repositories.clippings.list()).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says in Japanese that it could not load, keeps the note, and loads again on the next save', async () => {
    // Broken for the preload at idle, on the edit and on the first save alike.
    let broken = true;
    const load = () =>
      broken ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realChunk();
    const { repositories } = await renderPopup(load);
    await waitForState('new');
    fireEvent.input(note(), { target: { value: '消えないメモ' } });
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('error');
    expect(screen.getByRole('alert').textContent).toContain('保存に必要なファイルを読み込めませんでした');
    expect(note().value).toBe('消えないメモ');
    expect(await repositories.clippings.list()).toEqual([]);

    broken = false;
    fireEvent.click(screen.getByTestId('clip-save'));
    await waitForState('saved');
    expect((await repositories.clippings.list())[0]?.note).toBe('消えないメモ');
  });

  it('a storage failure is put in words by the save chunk', async () => {
    const quota = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await renderPopup(realChunk, quota);
    await waitForState('error');
    expect(screen.getByRole('alert').textContent).toBe(
      'データを読み込めませんでした（ストレージの空き容量が足りません）',
    );
  });

  it('without the save chunk, a storage failure still says what failed, with the error name', async () => {
    const quota = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await renderPopup(
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      quota,
    );
    await waitForState('error');
    expect(screen.getByRole('alert').textContent).toBe('データを読み込めませんでした（QuotaExceededError）');
  });
});
