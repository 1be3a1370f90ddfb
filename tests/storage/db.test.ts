import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openClipperDB } from '../../src/storage/db';
import { LATEST_VERSION } from '../../src/storage/migrations';
import { DB_NAME } from '../../src/storage/schema';
import { openFreshDB, uniqueDbName } from '../support/database';

const STORES = ['categories', 'clippings', 'deletions', 'drafts', 'issues', 'settings'];

afterEach(() => {
  vi.restoreAllMocks();
  vi.doUnmock('../../src/storage/migrations');
  vi.resetModules();
});

describe('openClipperDB', () => {
  it('creates the database at the latest version with every store', async () => {
    const db = await openFreshDB();
    expect(db.version).toBe(LATEST_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
  });

  it('uses the extension database name by default', async () => {
    const db = await openClipperDB();
    try {
      expect(db.name).toBe(DB_NAME);
      expect(DB_NAME).toBe('weekly-clipper');
    } finally {
      db.close();
      await deleteDB(DB_NAME);
    }
  });

  it('opens an existing database again without touching its data', async () => {
    const name = uniqueDbName();
    const first = await openClipperDB({ name });
    await first.put('settings', { key: 'lastCategoryId', value: 'books' });
    await first.delete('categories', 'tools');
    first.close();
    const second = await openClipperDB({ name });
    try {
      expect(await second.get('settings', 'lastCategoryId')).toEqual({
        key: 'lastCategoryId',
        value: 'books',
      });
      // Migration 1 did not run again: the deleted default stays deleted.
      expect(await second.get('categories', 'tools')).toBeUndefined();
    } finally {
      second.close();
      await deleteDB(name);
    }
  });

  describe('when a newer version wants to upgrade', () => {
    it('closes its connection, calls onVersionChange, and the upgrade goes through', async () => {
      const name = uniqueDbName();
      const onVersionChange = vi.fn();
      const old = await openClipperDB({ name, onVersionChange });
      await old.put('settings', { key: 'lastCategoryId', value: 'books' });
      const blocked = vi.fn();

      const newer = await openDB(name, LATEST_VERSION + 1, {
        upgrade(db) {
          db.createObjectStore('added-later');
        },
        blocked,
      });
      try {
        expect(onVersionChange).toHaveBeenCalledOnce();
        expect(newer.version).toBe(LATEST_VERSION + 1);
        expect([...newer.objectStoreNames].sort()).toEqual([...STORES, 'added-later'].sort());
        // The data written through the old connection survived the upgrade.
        expect(await newer.get('settings', 'lastCategoryId')).toEqual({
          key: 'lastCategoryId',
          value: 'books',
        });
        // The old connection is really closed.
        expect(() => old.transaction('settings')).toThrow(
          expect.objectContaining({ name: 'InvalidStateError' }),
        );
      } finally {
        newer.close();
        await deleteDB(name);
      }
    });

    it('does not wedge the upgrade when no onVersionChange was given', async () => {
      const name = uniqueDbName();
      const old = await openClipperDB({ name });
      const newer = await openDB(name, LATEST_VERSION + 1);
      try {
        expect(newer.version).toBe(LATEST_VERSION + 1);
        expect(() => old.transaction('settings')).toThrow();
      } finally {
        newer.close();
        await deleteDB(name);
      }
    });

    it('closes every open page, not only one', async () => {
      const name = uniqueDbName();
      const popup = vi.fn();
      const options = vi.fn();
      await openClipperDB({ name, onVersionChange: popup });
      await openClipperDB({ name, onVersionChange: options });
      const newer = await openDB(name, LATEST_VERSION + 1);
      try {
        expect(popup).toHaveBeenCalledOnce();
        expect(options).toHaveBeenCalledOnce();
      } finally {
        newer.close();
        await deleteDB(name);
      }
    });
  });

  it('rolls the upgrade back when a migration fails', async () => {
    const name = uniqueDbName();
    (await openClipperDB({ name })).close();

    vi.resetModules();
    vi.doMock('../../src/storage/migrations', () => ({
      LATEST_VERSION: LATEST_VERSION + 1,
      async runMigrations(db: IDBDatabase) {
        db.createObjectStore('half-done');
        throw new Error('migration failed');
      },
    }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { openClipperDB: openWithFailingMigration } = await import('../../src/storage/db');

    await expect(openWithFailingMigration({ name })).rejects.toMatchObject({ name: 'AbortError' });
    expect(error).toHaveBeenCalledOnce();

    const after = await openDB(name);
    try {
      expect(after.version).toBe(LATEST_VERSION);
      expect([...after.objectStoreNames].sort()).toEqual(STORES);
    } finally {
      after.close();
      await deleteDB(name);
    }
  });
});
