import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
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

  it('deletes the clippings a team merge removes, with their tombstones, in the same transaction', async () => {
    const db = await seeded();
    const tombstone = { id: 'a', deletedBy: '佐藤', deletedAt: 6000 };
    await writeRecords(db, { clippings: [b], deletions: [tombstone], removeClippings: ['a'] });
    const data = await readEverything(db);
    expect(data.clippings).toEqual([b]);
    expect(byId(data.deletions ?? [])).toEqual(byId([DELETION, tombstone]));
  });

  it('removes nothing when a write of the same transaction fails', async () => {
    const db = await seeded();
    const before = await readEverything(db);
    await expect(writeRecords(db, { clippings: [unstorable], removeClippings: ['a'] })).rejects.toThrow();
    expect(await readEverything(db)).toEqual(before);
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

describe('large writes (issue 8)', () => {
  /** More clippings than three batches of puts hold, so that batches follow one another. */
  const many = Array.from({ length: 1_234 }, (_, index) =>
    makeClipping({ id: `m${String(index).padStart(4, '0')}`, url: `https://example.com/${index}` }),
  );

  it('reports the written count as the writes succeed, up to every record, then commits', async () => {
    const db = await seeded();
    const counts: [number, number][] = [];
    await writeRecords(db, { clippings: many, issues: [ISSUE] }, (written, total) =>
      counts.push([written, total]),
    );
    expect(counts[0]).toEqual([0, 1_235]);
    expect(counts.at(-1)).toEqual([1_235, 1_235]);
    const written = counts.map(([count]) => count);
    expect(written).toEqual([...written].sort((x, y) => x - y));
    expect(counts.length).toBeGreaterThan(10);
    expect(await db.count('clippings')).toBe(1 + 1_234);
  });

  it('writes nothing when a record of a later batch cannot be stored, after reporting the earlier ones', async () => {
    const db = await seeded();
    const before = await readEverything(db);
    const counts: number[] = [];
    const records = { clippings: [...many, unstorable], issues: [makeIssue({ id: 'issue-2' })] };
    await expect(writeRecords(db, records, (written) => counts.push(written))).rejects.toThrow();
    // The batches before the bad record were queued and some reported; the transaction still rolled back.
    expect(Math.max(...counts)).toBeGreaterThan(500);
    expect(await readEverything(db)).toEqual(before);
  });

  it('a replace that fails in a later batch leaves everything as it was, clears included', async () => {
    const db = await seeded();
    const before = await readEverything(db);
    const data: BackupData = { ...(await readEverything(db)), clippings: [...many, unstorable] };
    await expect(replaceEverything(db, data, () => undefined)).rejects.toThrow();
    expect(await readEverything(db)).toEqual(before);
  });

  it('reads more clippings than one batch of getAll holds, all of them, in id order', async () => {
    const db = await openFreshDB();
    const lots = Array.from({ length: 12_345 }, (_, index) =>
      makeClipping({ id: `l${String(index).padStart(5, '0')}`, url: `https://example.com/${index}` }),
    );
    await writeRecords(db, { clippings: lots });
    expect((await readEverything(db)).clippings).toEqual(lots);
  }, 60_000);
});
