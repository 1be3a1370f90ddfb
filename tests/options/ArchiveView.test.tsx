import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openFromHash } from '../../src/options/issue-actions';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

const published = makeIssue({
  id: 'issue-41',
  number: 41,
  date: '2023-09-15',
  status: 'published',
  publishedAt: 5,
});
const open = makeIssue({ id: 'issue-42', number: 42, date: '2023-09-22' });
const items = [
  makeClipping({
    id: 'a',
    url: 'https://example.com/a',
    title: '記事A',
    note: 'A のコメント',
    issueId: 'issue-41',
  }),
  makeClipping({
    id: 'b',
    url: 'https://example.com/b',
    title: '記事B',
    note: 'B のコメント',
    issueId: 'issue-41',
  }),
];

describe('archive view', () => {
  it('lists each past issue with its number, date, item count and headline', async () => {
    const older = makeIssue({
      id: 'issue-40',
      number: 40,
      date: '2023-09-08',
      status: 'published',
      publishedAt: 4,
      topic: 'Cilium BGP Control Plane',
    });
    const headlined = { ...published, headlineId: 'b' };
    await renderOptions({
      issues: [older, headlined, open],
      clippings: [
        ...items,
        makeClipping({ id: 'c', url: 'https://example.com/c', title: '記事C', issueId: 'issue-40' }),
      ],
    });
    fireEvent.click(screen.getByTestId('nav-archive'));
    // The archive's clippings load once it is opened.
    await waitFor(() =>
      expect(screen.getAllByTestId('archive-issue').map((issue) => issue.closest('li')?.textContent)).toEqual(
        [
          expect.stringMatching(/第41回.*2023-09-15.*2 件.*話題: 記事B/),
          expect.stringMatching(/第40回.*2023-09-08.*1 件.*話題: Cilium BGP Control Plane/),
        ],
      ),
    );
  });

  it('says what the archive is for while it is empty', async () => {
    await renderOptions({ issues: [open] });
    fireEvent.click(screen.getByTestId('nav-archive'));
    expect((await screen.findByText(/公開済みの号はまだありません/)).textContent).toContain('読み返し');
  });

  it('opens on the item a popup link names, read-only', async () => {
    const { state } = await renderOptions({ issues: [published, open], clippings: items });
    openFromHash(state, '#archive/issue-41/b');
    const shown = await screen.findAllByTestId('archive-item');
    expect(shown.map((item) => item.getAttribute('aria-current'))).toEqual([null, 'true']);
    expect(screen.queryByTestId('clipping-edit')).toBeNull();
    expect(screen.getByTestId('issue-markdown').textContent ?? '').toContain('B のコメント');
  });

  it('edits a published item only after confirming, and records that it happened', async () => {
    const { state, repositories, confirmations } = await renderOptions({
      issues: [published, open],
      clippings: items,
      confirmAnswers: [false, true],
    });
    openFromHash(state, '#archive/issue-41');
    fireEvent.click(await screen.findByTestId('archive-edit-published'));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]).toContain('第41回は公開済み');
    expect(screen.queryByTestId('clipping-edit')).toBeNull();

    fireEvent.click(screen.getByTestId('archive-edit-published'));
    fireEvent.click((await screen.findAllByTestId('clipping-edit'))[0] as HTMLElement);
    const editor = await screen.findByTestId('clipping-editor');
    fireEvent.input(editor.querySelector('textarea') as HTMLTextAreaElement, {
      target: { value: '公開後に直したコメント' },
    });
    fireEvent.click(screen.getByTestId('edit-save'));
    await waitFor(async () =>
      expect((await repositories.clippings.get('a'))?.note).toBe('公開後に直したコメント'),
    );
    const issue = await repositories.issues.get('issue-41');
    expect(issue?.editedAfterPublish).toHaveLength(1);
    expect(issue?.status).toBe('published');
    expect((await screen.findByTestId('archive-edits')).textContent).toContain('公開後の編集');
  });

  it('refuses a write to a published item made without the confirmed edit, in words', async () => {
    const { state, repositories } = await renderOptions({ issues: [published, open], clippings: items });
    const { setCarryOver } = await import('../../src/options/clipping-actions');
    // The issue view holds only the open issue's clippings; the archive, where 'a' is shown, reads all.
    await state.loadEverything();
    expect(await setCarryOver(state, 'a', true)).toBe(false);
    expect(state.notice.value?.text).toContain('公開済みの号は変更できません');
    expect((await repositories.clippings.get('a'))?.carryOver).toBe(false);
  });
});
