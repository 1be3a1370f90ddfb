import { deleteDB, openDB } from 'idb';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { fieldsOf } from '../../src/core/draft';
import { urlMatchKey } from '../../src/core/url';
import { openClipperDB } from '../../src/storage/db';
import { LATEST_VERSION } from '../../src/storage/migrations';
import { openCurrentDB } from '../../src/storage/open-current';
import { createPopupRepositories } from '../../src/storage/popup-repositories';
import { AlreadyClippedError } from '../../src/storage/refusals';
import { SCHEMA_VERSION } from '../../src/storage/schema';
import { uniqueDbName } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
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
    const start = await createPopupRepositories(
      db,
      () => import('../../src/storage/commit-clip'),
    ).readPopupStart(first.url, urlMatchKey(first.url));
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

describe("the popup's reads and writes over the handle openCurrentDB gives (idb-lite)", () => {
  const TAB_URL = 'https://example.com/lite?utm_source=x';
  const KEY = urlMatchKey(TAB_URL);
  const clipping = makeClipping({
    id: 'lite-1',
    url: 'https://example.com/lite',
    note: 'メモ',
    categoryId: 'tools',
  });

  async function currentHandle() {
    const name = uniqueDbName();
    onTestFinished(() => deleteDB(name));
    // The first open creates the database through db.ts (idb); the second is the popup's everyday path.
    const creating = await openForTest(name);
    expect(creating instanceof IDBDatabase).toBe(true);
    creating.close();
    const db = await openForTest(name);
    expect(db instanceof IDBDatabase).toBe(false);
    return { db, name };
  }

  it('saves, edits and refuses as with idb, and rolls a refused save back whole', async () => {
    const { db, name } = await currentHandle();
    const repos = createPopupRepositories(db, () => import('../../src/storage/commit-clip'));
    await repos.drafts.save({ key: KEY, ...fieldsOf(clipping), updatedAt: 1 });
    expect((await repos.readPopupStart(TAB_URL, KEY)).draft?.note).toBe('メモ');

    // A value IndexedDB cannot store fails its put; the issue opened in that transaction goes too.
    const unstorable = { ...clipping, note: (() => 1) as unknown as string };
    await expect(
      repos.commitClip(unstorable, KEY, { firstIssue: makeIssue({ id: 'lost' }) }),
    ).rejects.toThrow();
    const raw = await openClipperDB({ name });
    expect(await raw.getAll('issues')).toEqual([]);
    raw.close();

    const first = makeIssue({ id: 'first' });
    const saved = await repos.commitClip(clipping, KEY, { firstIssue: first });
    expect(saved.issueId).toBe('first');
    const start = await repos.readPopupStart(TAB_URL, KEY);
    expect(start.draft).toBeUndefined();
    expect(start.page.editable).toEqual(saved);
    expect(start.lastCategoryId).toBe('tools');

    await expect(repos.commitClip({ ...clipping, id: 'lite-2' }, KEY)).rejects.toBeInstanceOf(
      AlreadyClippedError,
    );

    const edited = await repos.commitClipEdit(
      { id: 'lite-1', base: fieldsOf(saved), fields: { ...fieldsOf(saved), note: '直した' }, now: 5000 },
      KEY,
    );
    expect(edited.ok && edited.saved.note).toBe('直した');
    const stale = await repos.commitClipEdit(
      { id: 'lite-1', base: fieldsOf(saved), fields: { ...fieldsOf(saved), note: '古い版から' }, now: 6000 },
      KEY,
    );
    expect(stale).toEqual({ ok: false, current: expect.objectContaining({ note: '直した' }) });

    await repos.drafts.save({ key: KEY, ...fieldsOf(saved), note: 'x', updatedAt: 7 });
    await repos.drafts.remove(KEY);
    expect((await repos.readPopupStart(TAB_URL, KEY)).draft).toBeUndefined();
  });
});
