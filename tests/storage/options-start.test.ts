import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readIssueStart } from '../../src/storage/options-start';
import { createRepositories } from '../../src/storage/repositories';
import { openFreshDB } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

describe('readIssueStart: what the options page shows of the open issue, in one transaction', () => {
  it('on a fresh database: the default categories and settings, no issue, no clipping', async () => {
    const start = await readIssueStart(await openFreshDB());
    expect(start.categories.map((category) => category.id)).toEqual(
      DEFAULT_CATEGORIES.map((category) => category.id),
    );
    expect(start).toMatchObject({ issues: [], settings: DEFAULT_SETTINGS, clippings: [] });
  });

  it('reads every issue newest first and only the open issue’s clippings, as the repositories give them', async () => {
    const db = await openFreshDB();
    const repos = createRepositories(db);
    const first = makeIssue({ id: 'i1', number: 1, status: 'published', publishedAt: 2 });
    const open = makeIssue({ id: 'i2', number: 2 });
    const clippings = [
      makeClipping({ id: 'a', url: 'https://example.com/a', issueId: 'i1' }),
      makeClipping({ id: 'b', url: 'https://example.com/b', issueId: 'i2' }),
      makeClipping({ id: 'c', url: 'https://example.com/c', issueId: 'i2', note: 'メモ' }),
      makeClipping({ id: 'd', url: 'https://example.com/d', issueId: null }),
    ];
    await repos.bulk.writeRecords({ issues: [first, open], clippings });
    const settings = { ...DEFAULT_SETTINGS, name: 'Neco Weekly' };
    await repos.settings.saveNewsletter(settings);

    const start = await readIssueStart(db);
    expect(start.issues).toEqual(await repos.issues.list());
    expect(start.issues.map((issue) => issue.id)).toEqual(['i2', 'i1']);
    expect(start.settings).toEqual(settings);
    expect(start.categories).toEqual(await repos.categories.list());
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(start.clippings.sort(byId)).toEqual((await repos.clippings.listByIssue('i2')).sort(byId));
    expect(start.clippings.map((clipping) => clipping.id)).toEqual(['b', 'c']);
    // Domain clippings: the storage's lookup key stays inside storage.
    expect(start.clippings.every((clipping) => !('urlKey' in clipping))).toBe(true);
  });

  it('with only published issues: no open issue, no clipping', async () => {
    const db = await openFreshDB();
    const repos = createRepositories(db);
    const published = makeIssue({ id: 'i1', number: 1, status: 'published', publishedAt: 2 });
    await repos.bulk.writeRecords({
      issues: [published],
      clippings: [makeClipping({ id: 'a', url: 'https://example.com/a', issueId: 'i1' })],
    });
    expect((await readIssueStart(db)).clippings).toEqual([]);
  });
});
