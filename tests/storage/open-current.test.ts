import { deleteDB, openDB } from 'idb';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/category';
import { urlMatchKey } from '../../src/core/url';
import { LATEST_VERSION } from '../../src/storage/migrations';
import { openCurrentDB } from '../../src/storage/open-current';
import { createPopupRepositories } from '../../src/storage/popup-repositories';
import { SCHEMA_VERSION } from '../../src/storage/schema';
import { uniqueDbName } from '../support/database';
import { loadFixture } from './fixtures/load-fixture';
import v1Fixture from './fixtures/v1-database.json';

const STORES = ['categories', 'clippings', 'deletions', 'drafts', 'issues', 'settings'];

async function openForTest(name: string, onVersionChange?: () => void) {
  const db = await openCurrentDB({ name, onVersionChange, now: () => Date.UTC(2024, 8, 4, 3) });
  onTestFinished(() => db.close());
  return db;
}

describe('openCurrentDB: the popup opens the database without the migrations', () => {
  it('knows the version the migrations make', () => {
    expect(SCHEMA_VERSION).toBe(LATEST_VERSION);
  });

  it('creates a missing database with every migration, default categories included', async () => {
    const name = uniqueDbName();
    onTestFinished(() => deleteDB(name));
    const db = await openForTest(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect((await db.getAllKeys('categories')).sort()).toEqual(
      DEFAULT_CATEGORIES.map((category) => category.id).sort(),
    );
  });

  it('upgrades a version 1 database from the popup, its clippings readable after', async () => {
    const name = await loadFixture(v1Fixture);
    const db = await openForTest(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    const [first] = v1Fixture.stores.clippings as { url: string; note: string }[];
    if (!first) throw new Error('the fixture has clippings');
    const start = await createPopupRepositories(db).readPopupStart(first.url, urlMatchKey(first.url));
    expect(start.page.editable?.note).toBe(first.note);
    expect(start.page.editable?.issueId).not.toBeNull();
  });

  it('upgrades a version 2 database from the popup', async () => {
    const name = uniqueDbName();
    onTestFinished(() => deleteDB(name));
    const { MIGRATIONS, runMigrations } = await import('../../src/storage/migrations');
    type RunArgs = Parameters<typeof runMigrations>;
    const v2 = await openDB(name, 2, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        await runMigrations(
          db as unknown as RunArgs[0],
          oldVersion,
          2,
          tx as unknown as RunArgs[3],
          MIGRATIONS.slice(0, 2),
        );
      },
    });
    v2.close();
    const db = await openForTest(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(db.objectStoreNames.contains('deletions')).toBe(true);
  });

  it('opens a current database as it is, and closes it for a newer version', async () => {
    const name = uniqueDbName();
    onTestFinished(() => deleteDB(name));
    (await openForTest(name)).close();
    const onVersionChange = vi.fn();
    const db = await openForTest(name, onVersionChange);
    expect(db.version).toBe(SCHEMA_VERSION);
    const newer = await openDB(name, SCHEMA_VERSION + 1);
    newer.close();
    expect(onVersionChange).toHaveBeenCalledOnce();
  });
});
