import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sortCategories } from '../../../src/core/category';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import { createStores } from '../../../src/storage/migrations/001-create-stores';
import type { ClipperDBV1 } from '../../../src/storage/schema';
import { uniqueDbName } from '../../support/database';

/** A fresh database at exactly version 1, whatever the latest version is by now. */
async function openAtVersion1(): Promise<IDBPDatabase<ClipperDBV1>> {
  const name = uniqueDbName();
  const db = await openDB<ClipperDBV1>(name, 1, {
    upgrade(db, _oldVersion, _newVersion, tx) {
      createStores(db, tx);
    },
  });
  onTestFinished(async () => {
    db.close();
    await deleteDB(name);
  });
  return db;
}

describe('migration 001: create stores', () => {
  it('creates the four stores', async () => {
    const db = await openAtVersion1();
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(['categories', 'clippings', 'drafts', 'settings']);
  });

  it('keys each store by the right field', async () => {
    const db = await openAtVersion1();
    const tx = db.transaction(['clippings', 'categories', 'drafts', 'settings']);
    expect(tx.objectStore('clippings').keyPath).toBe('id');
    expect(tx.objectStore('categories').keyPath).toBe('id');
    expect(tx.objectStore('drafts').keyPath).toBe('key');
    expect(tx.objectStore('settings').keyPath).toBe('key');
    for (const store of ['clippings', 'categories', 'drafts', 'settings'] as const) {
      expect(tx.objectStore(store).autoIncrement).toBe(false);
    }
  });

  it('indexes clippings by urlKey and createdAt, neither unique', async () => {
    const db = await openAtVersion1();
    const clippings = db.transaction('clippings').store;
    expect([...clippings.indexNames].sort()).toEqual(['byCreatedAt', 'byUrlKey']);
    const byUrlKey = clippings.index('byUrlKey');
    const byCreatedAt = clippings.index('byCreatedAt');
    expect(byUrlKey.keyPath).toBe('urlKey');
    expect(byUrlKey.unique).toBe(false);
    expect(byUrlKey.multiEntry).toBe(false);
    expect(byCreatedAt.keyPath).toBe('createdAt');
    expect(byCreatedAt.unique).toBe(false);
  });

  it('lets two clippings share a urlKey and finds them through the indexes', async () => {
    const db = await openAtVersion1();
    const base = {
      url: 'https://example.com/',
      title: 't',
      note: '',
      categoryId: 'tools',
      urlKey: 'https://example.com/',
    };
    await db.put('clippings', { ...base, id: 'a', createdAt: 2, updatedAt: 2 });
    await db.put('clippings', { ...base, id: 'b', createdAt: 1, updatedAt: 1 });
    const matches = await db.getAllFromIndex('clippings', 'byUrlKey', 'https://example.com/');
    expect(matches.map((record) => record.id).sort()).toEqual(['a', 'b']);
    const byTime = await db.getAllFromIndex('clippings', 'byCreatedAt');
    expect(byTime.map((record) => record.id)).toEqual(['b', 'a']);
  });

  it('seeds the five default categories, in order', async () => {
    const db = await openAtVersion1();
    const stored = await db.getAll('categories');
    expect(stored).toHaveLength(5);
    expect(sortCategories(stored)).toEqual([...DEFAULT_CATEGORIES]);
    expect(sortCategories(stored).map((category) => category.label)).toEqual([
      '👀 Notable Articles',
      '🛠️ Tools, Frameworks, Libraries',
      '✨ Release Notes',
      '🤝 Events',
      '📘 Books',
    ]);
  });

  it('leaves the other stores empty', async () => {
    const db = await openAtVersion1();
    expect(await db.count('clippings')).toBe(0);
    expect(await db.count('drafts')).toBe(0);
    expect(await db.count('settings')).toBe(0);
  });
});
