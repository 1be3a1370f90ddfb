import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import type { Draft } from '../../src/core/draft';
import { urlMatchKey } from '../../src/core/url';
import { createClippingRepository } from '../../src/storage/clippings';
import { commitClip } from '../../src/storage/commit-clip';
import { type ClipperDatabase, openClipperDB } from '../../src/storage/db';
import { createDraftRepository } from '../../src/storage/drafts';
import { createSettingsRepository } from '../../src/storage/settings';
import { makeClipping } from '../support/factories';
import { openFreshDB } from './fresh-db';

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

/** The same database, but every transaction commitClip starts is aborted once its requests are queued. */
function abortingEveryTransaction(db: ClipperDatabase): ClipperDatabase {
  const transaction = db.transaction.bind(db) as unknown as (...args: unknown[]) => { abort(): void };
  return {
    transaction(...args: unknown[]) {
      const tx = transaction(...args);
      queueMicrotask(() => tx.abort());
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
    expect(await repos.clippings.findByUrl(TAB_URL)).toStrictEqual(clipping);
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
    const name = `test-${crypto.randomUUID()}`;
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
