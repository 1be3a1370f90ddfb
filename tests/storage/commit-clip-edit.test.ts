import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clipping, ClippingFields } from '../../src/core/clipping';
import { fieldsOf } from '../../src/core/draft';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

const KEY = 'https://example.com/a';
const stored = makeClipping({
  id: 'c',
  url: 'https://example.com/a',
  title: 'タイトル',
  note: '元のコメント',
  categoryId: 'tools',
  issueId: 'issue-1',
  order: 100,
  updatedAt: 1000,
});

/** What other pages change on the record while the popup is open; none is a field the popup edits. */
const RECORD_CHANGES: [string, Partial<Clipping>][] = [
  ['a reorder', { order: 7 }],
  ['a carry-over mark', { carryOver: true }],
  ['a move to the backlog', { issueId: null }],
  ['team folding', { otherNotes: [{ id: 'o', clippedBy: 'b', note: '', updatedAt: 5 }] }],
];

async function setUp(change: Partial<Clipping>) {
  const repos = await freshRepositories();
  await repos.bulk.writeRecords({ issues: [makeIssue()], clippings: [stored] });
  await repos.drafts.save({ key: KEY, ...fieldsOf(stored), note: '下書き', updatedAt: 1500 });
  await repos.clippings.save({ ...stored, ...change, updatedAt: 2000 });
  return repos;
}

describe('commitClipEdit writes only the fields the popup edits', () => {
  it.each(RECORD_CHANGES)('keeps %s made while the popup was open', async (_name, change) => {
    const repos = await setUp(change);
    const outcome = await repos.commitClipEdit(
      { id: 'c', base: fieldsOf(stored), fields: { ...fieldsOf(stored), note: '新しいコメント' }, now: 3000 },
      KEY,
    );
    expect(outcome.ok).toBe(true);
    expect(await repos.clippings.get('c')).toStrictEqual({
      ...stored,
      ...change,
      note: '新しいコメント',
      updatedAt: 3000,
    });
    expect(await repos.drafts.get(KEY)).toBeUndefined();
  });

  it('merges any popup edit with any field edit elsewhere, or refuses when they touch the same field', async () => {
    const text = fc.constantFrom('x', 'y');
    const edit = fc.record({ title: text, note: text }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(edit, edit, async (mine, theirs) => {
        const repos = await setUp({ ...theirs });
        const base = fieldsOf(stored);
        const fields: ClippingFields = { ...base, ...mine };
        const outcome = await repos.commitClipEdit({ id: 'c', base, fields, now: 3000 }, KEY);
        const clash = (['title', 'note'] as const).some(
          (name) => mine[name] !== undefined && theirs[name] !== undefined && mine[name] !== theirs[name],
        );
        const after = await repos.clippings.get('c');
        if (clash) {
          expect(outcome.ok).toBe(false);
          expect(after).toStrictEqual({ ...stored, ...theirs, updatedAt: 2000 });
          expect(await repos.drafts.get(KEY)).toBeDefined();
        } else {
          expect(outcome.ok).toBe(true);
          expect(fieldsOf(after as Clipping)).toStrictEqual({ ...base, ...theirs, ...mine });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reports a clipping deleted meanwhile', async () => {
    const repos = await setUp({});
    await repos.clippings.remove('c');
    const outcome = await repos.commitClipEdit({ id: 'c', base: stored, fields: stored, now: 3000 }, KEY);
    expect(outcome).toEqual({ ok: false, current: undefined });
  });
});

describe('the popup save refuses a category that does not exist', () => {
  it.each([
    ['an edit', 'edit'],
    ['a new clipping', 'new'],
  ])('%s naming a deleted category writes nothing and keeps the draft', async (_name, kind) => {
    const repos = await setUp({});
    await repos.categories.remove('books', null);
    const before = await repos.bulk.readEverything();
    const write =
      kind === 'edit'
        ? repos.commitClipEdit(
            {
              id: 'c',
              base: fieldsOf(stored),
              fields: { ...fieldsOf(stored), categoryId: 'books' },
              now: 3000,
            },
            KEY,
          )
        : repos.commitClip({ ...stored, id: 'n', url: 'https://example.com/n', categoryId: 'books' }, KEY);
    await expect(write).rejects.toMatchObject({ name: 'UnknownCategoryError', categoryId: 'books' });
    expect(await repos.bulk.readEverything()).toStrictEqual(before);
    expect(await repos.drafts.get(KEY)).toBeDefined();
  });
});
