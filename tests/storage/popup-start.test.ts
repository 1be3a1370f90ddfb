import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { DEFAULT_SETTINGS, parseNewsletterSettings } from '../../src/core/settings';
import { urlMatchKey } from '../../src/core/url';
import { createPopupRepositories } from '../../src/storage/popup-repositories';
import { readPopupStart } from '../../src/storage/popup-start';
import { createRepositories } from '../../src/storage/repositories';
import { freshRepositories, openFreshDB } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

const URL_A = 'https://example.com/a?utm_source=x#part';
const KEY = urlMatchKey(URL_A);

describe('readPopupStart: what the popup shows, in one transaction', () => {
  it('on a fresh database: the default categories and settings, nothing found', async () => {
    const start = await readPopupStart(await openFreshDB(), URL_A, KEY);
    expect(start.categories.map((category) => category.id)).toEqual(
      DEFAULT_CATEGORIES.map((category) => category.id),
    );
    expect(parseNewsletterSettings(start.newsletter)).toStrictEqual(DEFAULT_SETTINGS);
    expect(start).toMatchObject({
      lastCategoryId: undefined,
      page: {},
      draft: undefined,
    });
  });

  it('finds the editable and the published clipping, the draft, the last category and the settings', async () => {
    const db = await openFreshDB();
    const repos = createRepositories(db);
    const published = makeIssue({ id: 'i1', number: 1, status: 'published', publishedAt: 2 });
    const open = makeIssue({ id: 'i2', number: 2 });
    const old = makeClipping({ id: 'old', url: 'https://example.com/a', issueId: 'i1', updatedAt: 1 });
    const current = makeClipping({
      id: 'cur',
      url: 'https://example.com/a#other',
      issueId: 'i2',
      updatedAt: 3,
    });
    await repos.bulk.writeRecords({ issues: [published, open], clippings: [old, current] });
    await repos.settings.setLastCategoryId('books');
    await repos.settings.saveNewsletter({ ...DEFAULT_SETTINGS, memberName: 'たろう' });
    const draft = { key: KEY, url: URL_A, title: 't', note: '下書き', categoryId: 'books', updatedAt: 9 };
    await createPopupRepositories(db, () => import('../../src/storage/commit-clip')).drafts.save(draft);

    const start = await createPopupRepositories(
      db,
      () => import('../../src/storage/commit-clip'),
    ).readPopupStart(URL_A, KEY);
    expect(start.page.editable?.id).toBe('cur');
    expect(start.page.published?.clipping.id).toBe('old');
    expect(start.page.published?.issue.id).toBe('i1');
    expect(start.draft).toEqual(draft);
    expect(start.lastCategoryId).toBe('books');
    expect(parseNewsletterSettings(start.newsletter).memberName).toBe('たろう');
    expect(await repos.clippings.findForPage(URL_A)).toEqual(start.page);
  });

  it('is what the full repositories give too', async () => {
    const repos = await freshRepositories();
    expect((await repos.readPopupStart(URL_A, KEY)).page).toEqual({});
  });
});
