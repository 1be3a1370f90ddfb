import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/category';
import type { Clipping } from '../../src/core/clipping';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { BackupData } from '../../src/core/transfer/backup';
import { readEverything, replaceEverything, writeRecords } from '../../src/storage/bulk';
import { openFreshDB } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

const ISSUE = makeIssue({ id: 'issue-1' });
const a = makeClipping({ id: 'a', url: 'https://example.com/a', issueId: ISSUE.id });
const b = makeClipping({ id: 'b', url: 'https://example.com/b', issueId: ISSUE.id, createdAt: 2000 });
const SETTINGS = { ...DEFAULT_SETTINGS, name: 'Neco Weekly' };
const DELETION = { id: 'gone', deletedBy: 'さとう', deletedAt: 3000 };

/** A record IndexedDB cannot store (a function is not cloneable): `put` throws DataCloneError. */
const unstorable = { ...makeClipping({ id: 'bad' }), title: (() => 'x') as unknown as string } as Clipping;

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));

async function seeded() {
  const db = await openFreshDB();
  await writeRecords(db, { clippings: [a], issues: [ISSUE], settings: SETTINGS, deletions: [DELETION] });
  await db.put('drafts', {
    key: 'k',
    url: 'https://example.com/d',
    title: 'd',
    note: '',
    categoryId: 'tools',
    updatedAt: 1,
  });
  await db.put('settings', { key: 'lastCategoryId', value: 'books' });
  return db;
}

describe('readEverything', () => {
  it('reads every store a backup carries, clippings without their lookup key', async () => {
    const db = await seeded();
    const data = await readEverything(db);
    expect(data.clippings).toEqual([a]);
    expect(data.issues).toEqual([ISSUE]);
    expect(byId(data.categories)).toEqual(byId(DEFAULT_CATEGORIES.map((category) => ({ ...category }))));
    expect(data.settings).toEqual(SETTINGS);
    expect(data.deletions).toEqual([DELETION]);
  });
});

describe('writeRecords', () => {
  it('adds and replaces by id and deletes nothing', async () => {
    const db = await seeded();
    const edited = { ...a, note: '追記', updatedAt: 5000 };
    await writeRecords(db, { clippings: [edited, b] });
    expect(byId((await readEverything(db)).clippings)).toEqual([edited, b]);
  });

  it('writes all or nothing: one record that cannot be stored leaves everything as it was', async () => {
    const db = await seeded();
    const before = await readEverything(db);
    await expect(
      writeRecords(db, { clippings: [b, unstorable], issues: [makeIssue({ id: 'issue-2' })] }),
    ).rejects.toThrow();
    expect(await readEverything(db)).toEqual(before);
  });
});

describe('replaceEverything', () => {
  const backup: BackupData = {
    clippings: [b],
    issues: [makeIssue({ id: 'issue-1', number: 7 })],
    categories: [{ id: 'qa', label: 'Q&A', order: 0 }],
    settings: { ...DEFAULT_SETTINGS, name: 'Other' },
    deletions: [],
  };

  it('replaces clippings, issues, categories, settings and tombstones; drafts and the last category stay', async () => {
    const db = await seeded();
    await replaceEverything(db, backup);
    expect(await readEverything(db)).toEqual(backup);
    expect(await db.count('drafts')).toBe(1);
    expect(await db.get('settings', 'lastCategoryId')).toEqual({ key: 'lastCategoryId', value: 'books' });
  });

  it('changes nothing when any record cannot be stored', async () => {
    const db = await seeded();
    const before = await readEverything(db);
    await expect(replaceEverything(db, { ...backup, clippings: [b, unstorable] })).rejects.toThrow();
    expect(await readEverything(db)).toEqual(before);
  });
});
