import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { parseBackup } from '../../src/core/transfer/backup';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

const ISSUE = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15' });
const SETTINGS = { ...DEFAULT_SETTINGS, name: 'Neco Weekly', memberName: 'さとう' };

function item(overrides: Partial<Clipping> & Pick<Clipping, 'id' | 'title'>): Clipping {
  return makeClipping({ url: `https://example.com/${overrides.id}`, issueId: ISSUE.id, ...overrides });
}

function choose(testId: string, files: { name: string; text: string }[]) {
  const input = screen.getByTestId(testId) as HTMLInputElement;
  Object.defineProperty(input, 'files', {
    configurable: true,
    value: files.map((file) => new File([file.text], file.name, { type: 'application/json' })),
  });
  fireEvent.change(input);
}

const status = () => screen.getByTestId('backup-status');
const markdown = () => screen.getByTestId('issue-markdown').textContent ?? '';

describe('backup and restore', () => {
  it('exports everything as a valid backup and restores it into an empty profile with the same Markdown', async () => {
    const source = await renderOptions({
      issues: [ISSUE],
      settings: SETTINGS,
      clippings: [
        item({ id: 'a', title: '記事 A', note: '- [x](https://example.com/x)' }),
        item({ id: 'b', title: 'B', categoryId: 'tools' }),
      ],
    });
    const before = markdown();
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(source.downloads).toHaveLength(1));
    const file = source.downloads[0];
    expect(file?.filename).toMatch(/^weekly-clipper-backup-\d{8}-\d{4}\.json$/);
    const parsed = parseBackup(file?.content ?? '');
    expect(parsed.ok).toBe(true);
    expect(status().dataset.state).toBe('ok');
    source.view.unmount();

    const target = await renderOptions();
    fireEvent.click(screen.getByTestId('nav-settings'));
    choose('backup-import', [{ name: file?.filename ?? '', text: file?.content ?? '' }]);
    await waitFor(() => expect(status().dataset.state).toBe('ok'));
    expect(status().textContent).toContain('追加');
    fireEvent.click(screen.getByTestId('nav-issue'));
    await waitFor(() => expect(markdown()).toBe(before));
    expect((await target.repositories.clippings.list()).map((clipping) => clipping.id).sort()).toEqual([
      'a',
      'b',
    ]);
  });

  it('imports the same file twice without changing anything the second time', async () => {
    const source = await renderOptions({ issues: [ISSUE], clippings: [item({ id: 'a', title: 'A' })] });
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(source.downloads).toHaveLength(1));
    const text = source.downloads[0]?.content ?? '';
    choose('backup-import', [{ name: 'b.json', text }]);
    await waitFor(() => expect(status().textContent).toMatch(/追加 0 件、更新 0 件、変更なし \d+ 件/));
  });

  it.each([
    ['not JSON', '{"format": ', /JSON/],
    ['another format', '{"format":"something-else","version":1}', /./],
    ['a newer version', '{"format":"weekly-clipper-backup","version":99}', /99/],
  ])('refuses %s, says why and changes nothing', async (_name, text, words) => {
    const { repositories } = await renderOptions({
      issues: [ISSUE],
      clippings: [item({ id: 'a', title: 'A' })],
    });
    const before = await repositories.clippings.list();
    fireEvent.click(screen.getByTestId('nav-settings'));
    choose('backup-import', [{ name: 'broken.json', text }]);
    await waitFor(() => expect(status().dataset.state).toBe('error'));
    expect(status().textContent).toContain('データは変更していません');
    expect(status().textContent).toMatch(words);
    expect(await repositories.clippings.list()).toEqual(before);
  });

  it('names the field path of a broken record', async () => {
    const source = await renderOptions({ issues: [ISSUE], clippings: [item({ id: 'a', title: 'A' })] });
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(source.downloads).toHaveLength(1));
    const broken = JSON.parse(source.downloads[0]?.content ?? '{}');
    broken.clippings[0].updatedAt = 'yesterday';
    choose('backup-import', [{ name: 'broken.json', text: JSON.stringify(broken) }]);
    await waitFor(() => expect(status().dataset.state).toBe('error'));
    expect(status().textContent).toContain('clippings[0].updatedAt');
  });

  it('replaces everything only after confirmation', async () => {
    const source = await renderOptions({ issues: [ISSUE], clippings: [item({ id: 'a', title: 'A' })] });
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(source.downloads).toHaveLength(1));
    const text = source.downloads[0]?.content ?? '';
    source.view.unmount();

    const target = await renderOptions({
      clippings: [item({ id: 'local', title: 'ローカルだけ', issueId: null })],
      confirmAnswers: [false, true],
    });
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('backup-replace'));
    choose('backup-import', [{ name: 'b.json', text }]);
    await waitFor(() => expect(target.confirmations).toHaveLength(1));
    expect(target.confirmations[0]).toContain('b.json');
    expect((await target.repositories.clippings.list()).map((clipping) => clipping.id)).toEqual(['local']);
    // Declining leaves the mode on; the second choice is confirmed.
    choose('backup-import', [{ name: 'b.json', text }]);
    await waitFor(() => expect(status().dataset.state).toBe('ok'));
    expect((await target.repositories.clippings.list()).map((clipping) => clipping.id)).toEqual(['a']);
  });
});

describe('team merge', () => {
  it('merges two members’ files: one item per URL, both notes kept for the editor', async () => {
    const sato = await renderOptions({
      issues: [ISSUE],
      settings: SETTINGS,
      clippings: [
        item({ id: 's1', title: '共通の記事', url: 'https://example.com/shared', note: 'さとうのコメント' }),
      ],
    });
    fireEvent.click(screen.getByTestId('team-export'));
    await waitFor(() => expect(sato.downloads).toHaveLength(1));
    const satoFile = sato.downloads[0];
    expect(satoFile?.filename).toContain('2023-09-15');
    expect(satoFile?.content.split('\n').filter((line) => line.includes('"id":"s1"'))).toHaveLength(1);
    sato.view.unmount();

    const editor = await renderOptions({
      issues: [makeIssue({ id: 'mine', number: 41, date: '2023-09-15' })],
      clippings: [
        makeClipping({
          id: 'e1',
          title: '共通の記事',
          url: 'https://example.com/shared?utm_source=x',
          note: '編集者のコメント',
          issueId: 'mine',
        }),
      ],
    });
    const file = { name: satoFile?.filename ?? '', text: satoFile?.content ?? '' };
    choose('team-import', [file]);
    await waitFor(() => expect(status().dataset.state).toBe('ok'));
    expect(await editor.repositories.clippings.list()).toHaveLength(1);
    const other = screen.getByTestId('other-note');
    expect(other.textContent).toContain('さとうのコメント');
    choose('team-import', [file]);
    await waitFor(() => expect(status().textContent).toContain('追加 0 件、更新 0 件'));
    expect(screen.getAllByTestId('other-note')).toHaveLength(1);
    fireEvent.click(within(other).getByTestId('other-note-append'));
    await waitFor(() => expect(screen.queryByTestId('other-note')).toBeNull());
    expect((await editor.repositories.clippings.get('e1'))?.note).toBe(
      '編集者のコメント\n\nさとうのコメント',
    );
    expect(markdown()).toContain('編集者のコメント\n\nさとうのコメント');
  });

  it('refuses a broken member file, naming it, and changes nothing', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE] });
    choose('team-import', [{ name: 'tanaka.json', text: '[]' }]);
    await waitFor(() => expect(status().dataset.state).toBe('error'));
    expect(status().textContent).toContain('tanaka.json');
    expect(await repositories.clippings.list()).toEqual([]);
  });
});
