import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

const published = makeIssue({ id: 'issue-41', number: 41, status: 'published', publishedAt: 3000 });
const open = makeIssue({ id: 'issue-42', number: 42, date: '2023-09-22' });
const archived = makeClipping({ id: 'old', issueId: 'issue-41', note: '公開済みのコメント' });
const current = makeClipping({ id: 'new', url: 'https://example.com/b', issueId: 'issue-42' });

async function withPublishedIssue(): Promise<Repositories> {
  const repos = await freshRepositories();
  await repos.bulk.writeRecords({ issues: [published, open], clippings: [archived, current] });
  return repos;
}

const edited = (clipping: Clipping): Clipping => ({ ...clipping, note: '書き換え', updatedAt: 9000 });
const fields = {
  url: archived.url,
  title: archived.title,
  note: '書き換え',
  categoryId: archived.categoryId,
};

/** Every way the pages write a clipping or an issue; each must leave a published issue as it was. */
const WRITES: [string, (repos: Repositories) => Promise<unknown>][] = [
  ['clippings.save', (r) => r.clippings.save(edited(archived))],
  [
    'clippings.saveMany (with an open item)',
    (r) => r.clippings.saveMany([edited(current), edited(archived)]),
  ],
  ['clippings.updateIfUnchanged', (r) => r.clippings.updateIfUnchanged('old', archived, edited)],
  ['clippings.remove', (r) => r.clippings.remove('old')],
  [
    'moving an open item into the published issue',
    (r) => r.clippings.save({ ...current, issueId: 'issue-41' }),
  ],
  ['issues.save', (r) => r.issues.save({ ...published, afterword: '後から', updatedAt: 9000 })],
  ['categories.remove of a category it uses', (r) => r.categories.remove('notable-articles', 'tools')],
  ['a popup edit', (r) => r.commitClipEdit({ id: 'old', base: archived, fields, now: 9000 }, 'k')],
  [
    'a new popup clipping forced into it',
    (r) => r.commitClip({ ...current, id: 'x', issueId: 'issue-41' }, 'k'),
  ],
];

describe('a published issue is frozen in storage', () => {
  it.each(WRITES)('refuses %s with PublishedIssueError and writes nothing', async (_name, write) => {
    const repos = await withPublishedIssue();
    const before = await repos.bulk.readEverything();
    await expect(write(repos)).rejects.toMatchObject({ name: 'PublishedIssueError', issueId: 'issue-41' });
    expect(await repos.bulk.readEverything()).toStrictEqual(before);
  });

  it('still lets the open issue be edited and published', async () => {
    const repos = await withPublishedIssue();
    await repos.clippings.save(edited(current));
    await repos.issues.save({ ...open, afterword: 'あとがき' });
    expect((await repos.clippings.get('new'))?.note).toBe('書き換え');
  });

  it('allows an edit confirmed as an edit after publishing, and records when it happened', async () => {
    const repos = await withPublishedIssue();
    const outcome = await repos.clippings.updateIfUnchanged('old', archived, edited, { afterPublish: 9500 });
    expect(outcome.ok).toBe(true);
    expect((await repos.clippings.get('old'))?.note).toBe('書き換え');
    const issue = (await repos.issues.list()).find((entry) => entry.id === 'issue-41');
    expect(issue?.editedAfterPublish).toEqual([9500]);
    expect(issue?.status).toBe('published');
  });
});

describe('a new popup clipping never silently duplicates a page', () => {
  const again = { ...current, id: 'again', url: archived.url, issueId: 'issue-42' };

  it.each([
    ['clipped in the open issue meanwhile', current, { ...current, id: 'dup' }, {}],
    ['published, without choosing to clip it again', archived, again, {}],
  ] as const)('refuses a page %s', async (_name, existing, clipping, options) => {
    const repos = await withPublishedIssue();
    const before = await repos.bulk.readEverything();
    await expect(repos.commitClip(clipping, 'k', options)).rejects.toMatchObject({
      name: 'AlreadyClippedError',
      current: existing,
    });
    expect(await repos.bulk.readEverything()).toStrictEqual(before);
  });

  it('clips a published page again when that was chosen', async () => {
    const repos = await withPublishedIssue();
    await repos.commitClip(again, 'k', { reclipOf: 'old' });
    expect(await repos.clippings.get('again')).toStrictEqual(again);
    expect(await repos.clippings.get('old')).toStrictEqual(archived);
  });
});
