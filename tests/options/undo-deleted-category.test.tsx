import { waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { removeClipping, undoRemove } from '../../src/options/clipping-actions';
import { deleteCategory } from '../../src/options/settings-actions';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

/**
 * Defect found by the export/import property test (seed -1201360831): delete an item, then delete its
 * category, then undo the item's deletion. The item came back in the deleted category, and the next
 * export was a file that import refuses.
 */
describe('undo after the item’s category was deleted', () => {
  const issue = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15' });
  const doomed = makeClipping({
    id: 'gone',
    title: 'Cilium 1.14 の新機能',
    url: 'https://isovalent.com/blog/post/cilium-release-114/',
    issueId: issue.id,
    categoryId: 'notable-articles',
  });
  const stays = makeClipping({
    id: 'stays',
    title: '残る記事',
    issueId: issue.id,
    categoryId: 'notable-articles',
  });

  it('restores the item into a category that exists, and says which', async () => {
    const { state, repositories } = await renderOptions({ issues: [issue], clippings: [doomed, stays] });
    await removeClipping(state, doomed.id);
    expect(await deleteCategory(state, 'notable-articles', 'tools')).toBe(true);
    await undoRemove(state);

    const restored = await repositories.clippings.get(doomed.id);
    const categories = (await repositories.categories.list()).map((category) => category.id);
    expect(categories).not.toContain('notable-articles');
    expect(restored).toMatchObject({ title: doomed.title, note: doomed.note, url: doomed.url });
    expect(categories).toContain(restored?.categoryId);
    const label = (await repositories.categories.list()).find((c) => c.id === restored?.categoryId)?.label;
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        `「${doomed.title}」を元に戻しました。元のカテゴリは削除されていたため「${label}」に入れました`,
      ),
    );
  });
});
