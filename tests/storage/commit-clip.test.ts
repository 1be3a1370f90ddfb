import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import type { Draft } from '../../src/core/draft';
import { firstIssue as makeFirstIssue } from '../../src/core/issue';
import { urlMatchKey } from '../../src/core/url';
import { createClippingRepository } from '../../src/storage/clippings';
import { commitClip } from '../../src/storage/commit-clip';
import { type ClipperDatabase, openClipperDB } from '../../src/storage/db';
import { createDraftRepository } from '../../src/storage/drafts';
import { createIssueRepository } from '../../src/storage/issues';
import { createSettingsRepository } from '../../src/storage/settings';
import { editableFor, openFreshDB, uniqueDbName } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

const TAB_URL = 'https://zenn.dev/team_soda/articles/0b57bba3a3665f?utm_source=x';
const DRAFT_KEY = urlMatchKey(TAB_URL);

const clipping: Clipping = makeClipping({ note: 'コメント', categoryId: 'tools' });

const draft: Draft = {
  key: DRAFT_KEY,
  url: clipping.url,
  title: clipping.title,
  note: '書きかけ',
  categoryId: 'tools',
  updatedAt: 900,
};

async function withDraft(db: ClipperDatabase) {
  const repos = {
    clippings: createClippingRepository(db),
    drafts: createDraftRepository(db),
    settings: createSettingsRepository(db),
  };
  await repos.drafts.save(draft);
  await repos.settings.setLastCategoryId('books');
  return repos;
}

/**
 * The same database, but every transaction commitClip starts is aborted once its writes are queued
 * (right after the drafts store's delete, the second of the three writes; the reads before them run).
 */
function abortingEveryTransaction(db: ClipperDatabase): ClipperDatabase {
  const transaction = db.transaction.bind(db) as unknown as (...args: unknown[]) => {
    abort(): void;
    objectStore(name: string): { delete(key: string): Promise<unknown> };
  };
  return {
    transaction(...args: unknown[]) {
      const tx = transaction(...args);
      const objectStore = tx.objectStore.bind(tx);
      tx.objectStore = (name: string) => {
        const store = objectStore(name);
        if (name !== 'drafts') return store;
        const remove = store.delete.bind(store);
        store.delete = (key: string) => {
          const request = remove(key);
          queueMicrotask(() => tx.abort());
          return request;
        };
        return store;
      };
      return tx;
    },
  } as unknown as ClipperDatabase;
}

describe('commitClip', () => {
  it('saves the clipping, ends the draft and remembers the category together', async () => {
    const db = await openFreshDB();
    const repos = await withDraft(db);
    await commitClip(db, clipping, DRAFT_KEY);
    expect(await repos.clippings.get('clip-1')).toStrictEqual(clipping);
    expect(await editableFor(repos.clippings, TAB_URL)).toStrictEqual(clipping);
    expect(await repos.drafts.get(DRAFT_KEY)).toBeUndefined();
    expect(await repos.settings.getLastCategoryId()).toBe('tools');
  });

  it('leaves the drafts of other tabs alone', async () => {
    const db = await openFreshDB();
    const repos = await withDraft(db);
    await repos.drafts.save({ ...draft, key: 'https://example.com/other' });
    await commitClip(db, clipping, DRAFT_KEY);
    expect(await repos.drafts.get('https://example.com/other')).toBeDefined();
  });

  it('succeeds when there was no draft', async () => {
    const db = await openFreshDB();
    await commitClip(db, clipping, DRAFT_KEY);
    expect(await createClippingRepository(db).get('clip-1')).toStrictEqual(clipping);
    expect(await createSettingsRepository(db).getLastCategoryId()).toBe('tools');
  });

  it('keeps the draft and changes nothing when the clipping cannot be stored', async () => {
    const db = await openFreshDB();
    const repos = await withDraft(db);
    const uncloneable = { ...clipping, note: (() => 'a function') as unknown as string };
    await expect(commitClip(db, uncloneable, DRAFT_KEY)).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await repos.drafts.get(DRAFT_KEY)).toStrictEqual(draft);
    expect(await repos.clippings.get('clip-1')).toBeUndefined();
    expect(await repos.settings.getLastCategoryId()).toBe('books');
  });

  it('keeps the draft when the database was closed', async () => {
    const name = uniqueDbName();
    const db = await openClipperDB({ name });
    await withDraft(db);
    db.close();
    await expect(commitClip(db, clipping, DRAFT_KEY)).rejects.toMatchObject({ name: 'InvalidStateError' });
    const reopened = await openClipperDB({ name });
    try {
      expect(await createDraftRepository(reopened).get(DRAFT_KEY)).toStrictEqual(draft);
      expect(await createClippingRepository(reopened).list()).toEqual([]);
    } finally {
      reopened.close();
      await deleteDB(name);
    }
  });

  it('rolls every write back when the transaction aborts after they were queued', async () => {
    const db = await openFreshDB();
    const repos = await withDraft(db);
    await expect(commitClip(abortingEveryTransaction(db), clipping, DRAFT_KEY)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await repos.drafts.get(DRAFT_KEY)).toStrictEqual(draft);
    expect(await repos.clippings.get('clip-1')).toBeUndefined();
    expect(await repos.settings.getLastCategoryId()).toBe('books');
  });
});

describe('commitClip, placing a new clipping in an issue', () => {
  const NOW = 7_000;
  // What the popup passes for a new clipping: 第1回 dated on the next Friday after 2024-09-04.
  const firstIssue = makeFirstIssue('issue-new', '2024-09-04', 5, NOW);

  it('opens the first issue in a fresh database and puts the clipping in it', async () => {
    const db = await openFreshDB();
    const saved = await commitClip(db, clipping, DRAFT_KEY, { firstIssue });
    expect(saved).toStrictEqual({ ...clipping, issueId: 'issue-new' });
    expect(await createClippingRepository(db).get('clip-1')).toStrictEqual(saved);
    expect(await createIssueRepository(db).list()).toStrictEqual([firstIssue]);
    expect(firstIssue).toMatchObject({ number: 1, date: '2024-09-06', status: 'open' });
  });

  it('puts the clipping in the open issue and opens no other', async () => {
    const db = await openFreshDB();
    const issues = createIssueRepository(db);
    const published = makeIssue({ id: 'issue-2', number: 2, status: 'published', publishedAt: 5 });
    const open = makeIssue({ id: 'issue-3', number: 3, date: '2024-09-20' });
    await issues.save(published);
    await issues.save(open);
    const saved = await commitClip(db, clipping, DRAFT_KEY, { firstIssue });
    expect(saved.issueId).toBe('issue-3');
    expect(await issues.list()).toStrictEqual([open, published]);
    expect(await db.getAllFromIndex('clippings', 'byIssueId', 'issue-3')).toHaveLength(1);
  });

  it('opens the issue after the latest published one: next number, a week later, firstIssue’s id', async () => {
    const db = await openFreshDB();
    const issues = createIssueRepository(db);
    // Keys sort the other way round from numbers, so the latest is not simply the first stored.
    const older = makeIssue({
      id: 'issue-a',
      number: 9,
      date: '2024-12-20',
      status: 'published',
      publishedAt: 1,
    });
    const latest = makeIssue({
      id: 'issue-b',
      number: 10,
      date: '2024-12-27',
      status: 'published',
      publishedAt: 2,
    });
    await issues.save(latest);
    await issues.save(older);

    const saved = await commitClip(db, clipping, DRAFT_KEY, { firstIssue });
    const opened = makeIssue({
      id: 'issue-new',
      number: 11,
      date: '2025-01-03',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(saved.issueId).toBe('issue-new');
    expect(await issues.getOpen()).toStrictEqual(opened);
    expect(await issues.list()).toStrictEqual([opened, latest, older]);
  });

  it('leaves the issue alone when updating a clipping (no firstIssue)', async () => {
    const db = await openFreshDB();
    const inIssue = { ...clipping, issueId: 'issue-old' };
    expect(await commitClip(db, inIssue, DRAFT_KEY)).toStrictEqual(inIssue);
    expect(await createClippingRepository(db).get('clip-1')).toStrictEqual(inIssue);
    const inBacklog = { ...clipping, id: 'clip-2', url: 'https://example.com/other', issueId: null };
    expect(await commitClip(db, inBacklog, DRAFT_KEY)).toStrictEqual(inBacklog);
    expect(await db.count('issues')).toBe(0);
  });

  it('leaves the issue alone without firstIssue even when an issue is open', async () => {
    const db = await openFreshDB();
    await createIssueRepository(db).save(makeIssue({ id: 'issue-3', number: 3 }));
    const saved = await commitClip(db, { ...clipping, issueId: 'issue-2' }, DRAFT_KEY);
    expect(saved.issueId).toBe('issue-2');
    expect(await db.count('issues')).toBe(1);
  });

  it('returns exactly what it stored', async () => {
    const db = await openFreshDB();
    const saved = await commitClip(db, clipping, DRAFT_KEY, { firstIssue });
    const { urlKey, ...stored } = (await db.get('clippings', 'clip-1')) ?? { urlKey: '' };
    expect(stored).toStrictEqual(saved);
    expect(urlKey).toBe(urlMatchKey(clipping.url));
  });
});

describe('commitClip opening the first issue', () => {
  it('rolls the new issue back when the clipping cannot be stored', async () => {
    const db = await openFreshDB();
    const unstorable = makeClipping({ note: (() => 'x') as unknown as string });
    const first = makeIssue({ id: 'first' });
    await expect(commitClip(db, unstorable, DRAFT_KEY, { firstIssue: first })).rejects.toThrow();
    expect(await db.getAll('issues')).toEqual([]);
    expect(await db.getAll('clippings')).toEqual([]);
  });
});
