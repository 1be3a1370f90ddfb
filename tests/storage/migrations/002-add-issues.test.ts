import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Category } from '../../../src/core/category';
import type { Clipping } from '../../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import type { Draft } from '../../../src/core/draft';
import type { Issue } from '../../../src/core/issue';
import { urlMatchKey } from '../../../src/core/url';
import { createClippingRepository } from '../../../src/storage/clippings';
import { type ClipperDatabase, openClipperDB } from '../../../src/storage/db';
import { createIssueRepository } from '../../../src/storage/issues';
import { LATEST_VERSION, MIGRATIONS, runMigrations } from '../../../src/storage/migrations';
import { MIGRATED_ISSUE_ID } from '../../../src/storage/migrations/002-add-issues';
import type { ClipperDBV1, ClippingRecordV1, SettingRecordV1 } from '../../../src/storage/schema';
import { editableFor, uniqueDbName } from '../../support/database';
import { withTimeZoneAsync } from '../../support/time-zone';
import { type DatabaseFixture, loadFixture } from '../fixtures/load-fixture';
import v1Fixture from '../fixtures/v1-database.json';

type RunArgs = Parameters<typeof runMigrations>;

// Wednesday 2024-09-04 at noon on the local clock: the next Friday is 2024-09-06 in any time zone.
const NOW = new Date(2024, 8, 4, 12).getTime();

/** A new database at exactly version 1, created by the version-1 migration alone. */
async function openAtVersion1(): Promise<{ name: string; db: IDBPDatabase<ClipperDBV1> }> {
  const name = uniqueDbName();
  const db = await openDB<ClipperDBV1>(name, 1, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      await runMigrations(
        db as unknown as RunArgs[0],
        oldVersion,
        1,
        tx as unknown as RunArgs[3],
        MIGRATIONS.slice(0, 1),
      );
    },
  });
  onTestFinished(async () => {
    db.close();
    await deleteDB(name);
  });
  return { name, db };
}

/** Upgrades a closed database to the latest version, migrating at `now`. */
async function upgrade(name: string, now = NOW): Promise<ClipperDatabase> {
  const db = await openClipperDB({ name, now: () => now });
  onTestFinished(() => db.close());
  return db;
}

const v1Clipping = (overrides: Partial<ClippingRecordV1>): ClippingRecordV1 => {
  const url = overrides.url ?? 'https://zenn.dev/team_soda/articles/0b57bba3a3665f';
  return {
    id: 'clip',
    url,
    title: '記事',
    note: '',
    categoryId: 'tools',
    createdAt: 1000,
    updatedAt: 1000,
    urlKey: urlMatchKey(url),
    ...overrides,
  };
};

/** What migration 002 makes of a version-1 clipping: the same record, placed in the migrated issue. */
const migrated = (record: ClippingRecordV1) => ({
  ...record,
  issueId: MIGRATED_ISSUE_ID,
  order: record.createdAt,
  carryOver: false,
  clippedBy: '',
});

const migratedIssue = (date: string, now = NOW): Issue => ({
  id: MIGRATED_ISSUE_ID,
  number: 1,
  date,
  headlineId: null,
  afterword: '',
  status: 'open',
  createdAt: now,
  updatedAt: now,
  publishedAt: null,
});

describe('migration 002: add issues', () => {
  const clippings = [
    v1Clipping({ id: 'late', url: 'https://example.com/late', createdAt: 3000, updatedAt: 3500 }),
    v1Clipping({
      id: 'early',
      url: 'https://example.com/a_b?x=%E3%81%82#top',
      createdAt: 1000,
      note: 'メモ',
    }),
    v1Clipping({ id: 'middle', categoryId: 'books', createdAt: 2000, title: '本の紹介' }),
  ];
  const draft: Draft = {
    key: 'https://example.com/draft',
    url: 'https://example.com/draft',
    title: '下書き',
    note: '書きかけ',
    categoryId: 'tools',
    updatedAt: 4000,
  };
  const setting: SettingRecordV1 = { key: 'lastCategoryId', value: 'books' };
  const renamed: Category = { id: 'tools', label: '🧰 ツール', order: 1 };

  /** A version-1 database with three clippings, a draft, a setting and a renamed category, closed. */
  async function version1WithData(): Promise<string> {
    const { name, db } = await openAtVersion1();
    for (const clipping of clippings) await db.put('clippings', clipping);
    await db.put('drafts', draft);
    await db.put('settings', setting);
    await db.put('categories', renamed);
    await db.delete('categories', 'events');
    db.close();
    return name;
  }

  it('keeps every version-1 field of every clipping and places it in the migrated issue', async () => {
    const db = await upgrade(await version1WithData());
    expect(db.version).toBe(LATEST_VERSION);
    for (const record of clippings) {
      expect(await db.get('clippings', record.id), record.id).toStrictEqual(migrated(record));
    }
    expect(await db.count('clippings')).toBe(clippings.length);
  });

  it('opens one issue, 第1回, dated on the next Friday after the upgrade', async () => {
    const db = await upgrade(await version1WithData());
    expect(await db.getAll('issues')).toStrictEqual([migratedIssue('2024-09-06')]);
    expect(await createIssueRepository(db).getOpen()).toStrictEqual(migratedIssue('2024-09-06'));
  });

  it.each([
    ['a Friday', new Date(2024, 8, 6, 9).getTime(), '2024-09-06'],
    ['a Saturday', new Date(2024, 8, 7, 9).getTime(), '2024-09-13'],
    ['the last Saturday of a year', new Date(2024, 11, 28, 23, 59).getTime(), '2025-01-03'],
  ])('dates the issue on the next Friday when upgrading on %s', async (_, now, date) => {
    const db = await upgrade(await version1WithData(), now);
    expect(await db.getAll('issues')).toStrictEqual([migratedIssue(date, now)]);
  });

  it('dates the issue by the local calendar, not by UTC', async () => {
    const name = await version1WithData();
    // Friday 16:00 UTC is already Saturday 01:00 in Tokyo: the next Friday there is a week later.
    const now = Date.UTC(2024, 8, 6, 16);
    const db = await withTimeZoneAsync('Asia/Tokyo', () => upgrade(name, now));
    expect((await db.getAll('issues'))[0]?.date).toBe('2024-09-13');
  });

  it('lists the migrated clippings in the order they were clipped', async () => {
    const db = await upgrade(await version1WithData());
    const clippingsRepo = createClippingRepository(db);
    const inIssue = (await clippingsRepo.list())
      .filter((clipping) => clipping.issueId === MIGRATED_ISSUE_ID)
      .sort((a, b) => a.order - b.order);
    expect(inIssue.map((clipping) => clipping.id)).toEqual(['early', 'middle', 'late']);
  });

  it('indexes clippings by issue and issues by status', async () => {
    const db = await upgrade(await version1WithData());
    const byIssue = await db.getAllFromIndex('clippings', 'byIssueId', MIGRATED_ISSUE_ID);
    expect(byIssue.map((record) => record.id).sort()).toEqual(['early', 'late', 'middle']);
    expect(await db.getAllFromIndex('clippings', 'byIssueId', 'some-other-issue')).toEqual([]);
    const index = db.transaction('clippings').store.index('byIssueId');
    expect(index.keyPath).toBe('issueId');
    expect(index.unique).toBe(false);
    expect((await db.getFromIndex('issues', 'byStatus', 'open'))?.id).toBe(MIGRATED_ISSUE_ID);
    expect(await db.getAllFromIndex('issues', 'byStatus', 'published')).toEqual([]);
  });

  it('keeps the version-1 indexes working', async () => {
    const db = await upgrade(await version1WithData());
    const found = await editableFor(createClippingRepository(db), 'https://example.com/a_b?x=%e3%81%82');
    expect(found?.id).toBe('early');
    const byTime = await db.getAllFromIndex('clippings', 'byCreatedAt');
    expect(byTime.map((record) => record.id)).toEqual(['early', 'middle', 'late']);
  });

  it('leaves drafts, settings and categories as they were', async () => {
    const db = await upgrade(await version1WithData());
    expect(await db.getAll('drafts')).toStrictEqual([draft]);
    expect(await db.getAll('settings')).toStrictEqual([setting]);
    const expected = DEFAULT_CATEGORIES.filter((category) => category.id !== 'events').map((category) =>
      category.id === 'tools' ? renamed : category,
    );
    expect(await db.getAll('categories')).toStrictEqual([...expected].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('migrates an empty version-1 database without opening an issue', async () => {
    const { name, db: v1 } = await openAtVersion1();
    v1.close();
    const db = await upgrade(name);
    expect(db.version).toBe(LATEST_VERSION);
    expect([...db.objectStoreNames]).toContain('issues');
    expect(await db.count('issues')).toBe(0);
    expect(await db.count('clippings')).toBe(0);
    expect(await db.getAll('categories')).toHaveLength(DEFAULT_CATEGORIES.length);
  });

  it('runs once: reopening does not open the migrated issue again', async () => {
    const name = await version1WithData();
    const db = await upgrade(name);
    await db.delete('issues', MIGRATED_ISSUE_ID);
    db.close();
    const reopened = await upgrade(name, NOW + 86_400_000);
    expect(await reopened.count('issues')).toBe(0);
    expect((await reopened.get('clippings', 'early'))?.issueId).toBe(MIGRATED_ISSUE_ID);
  });

  it('lets the repositories read and write migrated clippings', async () => {
    const db = await upgrade(await version1WithData());
    const repo = createClippingRepository(db);
    const early = (await repo.get('early')) as Clipping;
    await repo.save({ ...early, order: 0, carryOver: true });
    const { urlKey: _, ...expected } = migrated(clippings[1] as ClippingRecordV1);
    expect(await repo.get('early')).toStrictEqual({ ...expected, order: 0, carryOver: true });
  });
});

describe('migration 002: a version-1 database fixture', () => {
  const fixture: DatabaseFixture = v1Fixture;
  const records = <T>(store: string) => (fixture.stores[store] ?? []) as T[];
  const byKey =
    <T>(key: keyof T) =>
    (a: T, b: T) =>
      a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;

  it('loads at version 1 exactly as written', async () => {
    const name = await loadFixture(fixture);
    const db = await openDB<ClipperDBV1>(name);
    try {
      expect(db.version).toBe(1);
      for (const store of ['clippings', 'categories', 'drafts', 'settings'] as const) {
        const key = store === 'drafts' || store === 'settings' ? 'key' : 'id';
        expect(await db.getAll(store), store).toStrictEqual(
          records<Record<string, string>>(store).sort(byKey(key)),
        );
      }
    } finally {
      db.close();
    }
  });

  it('has records in every store, Japanese text, and URLs with _, % and fragments', () => {
    for (const store of ['clippings', 'categories', 'drafts', 'settings']) {
      expect(records(store).length, store).toBeGreaterThan(0);
    }
    const urls = records<ClippingRecordV1>('clippings').map((record) => record.url);
    expect(urls.some((url) => url.includes('_'))).toBe(true);
    expect(urls.some((url) => url.includes('%'))).toBe(true);
    expect(urls.some((url) => url.includes('#'))).toBe(true);
    expect(
      records<ClippingRecordV1>('clippings').every((record) => /[ぁ-んァ-ヶ一-龠]/.test(record.title)),
    ).toBe(true);
  });

  it('survives the upgrade: every record of every store, clippings placed in the migrated issue', async () => {
    const db = await upgrade(await loadFixture(fixture));
    const clippings = records<ClippingRecordV1>('clippings');
    expect(await db.getAll('clippings')).toStrictEqual(clippings.map(migrated).sort(byKey('id')));
    expect(await db.getAll('categories')).toStrictEqual(records<Category>('categories').sort(byKey('id')));
    expect(await db.getAll('drafts')).toStrictEqual(records<Draft>('drafts').sort(byKey('key')));
    expect(await db.getAll('settings')).toStrictEqual(
      records<SettingRecordV1>('settings').sort(byKey('key')),
    );
    expect(await db.getAll('issues')).toStrictEqual([migratedIssue('2024-09-06')]);
  });

  it('finds every upgraded clipping by its URL and by its issue', async () => {
    const db = await upgrade(await loadFixture(fixture));
    const repo = createClippingRepository(db);
    for (const record of records<ClippingRecordV1>('clippings')) {
      expect((await editableFor(repo, record.url))?.id, record.url).toBe(record.id);
    }
    expect(await db.countFromIndex('clippings', 'byIssueId', MIGRATED_ISSUE_ID)).toBe(
      records('clippings').length,
    );
  });
});
