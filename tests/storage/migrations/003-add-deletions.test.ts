import { deleteDB, openDB } from 'idb';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import { openClipperDB } from '../../../src/storage/db';
import { MIGRATIONS, runMigrations } from '../../../src/storage/migrations';
import type { ClipperDBV2, ClippingRecordV2 } from '../../../src/storage/schema';
import { uniqueDbName } from '../../support/database';
import { makeClipping, makeIssue } from '../../support/factories';

type RunArgs = Parameters<typeof runMigrations>;

const record: ClippingRecordV2 = {
  ...makeClipping({ id: 'kept', issueId: 'issue-1', note: 'メモ' }),
  urlKey: 'zenn.dev/team_soda/articles/0b57bba3a3665f',
};

/** A database at exactly version 2 with one issue and one clipping, closed. */
async function version2WithData(): Promise<string> {
  const name = uniqueDbName();
  onTestFinished(() => deleteDB(name));
  const db = await openDB<ClipperDBV2>(name, 2, {
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
  await db.put('issues', makeIssue());
  await db.put('clippings', record);
  db.close();
  return name;
}

describe('migration 003: add deletions', () => {
  it('adds an empty deletions store and leaves every version-2 record as it was', async () => {
    const name = await version2WithData();
    const db = await openClipperDB({ name });
    onTestFinished(() => db.close());
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames]).toContain('deletions');
    expect(await db.getAll('deletions')).toEqual([]);
    expect(await db.getAll('clippings')).toEqual([record]);
    expect(await db.getAll('issues')).toEqual([makeIssue()]);
    expect((await db.getAll('categories')).map((category) => category.id).sort()).toEqual(
      DEFAULT_CATEGORIES.map((category) => category.id).sort(),
    );
  });

  it('stores tombstones by clipping id', async () => {
    const db = await openClipperDB({ name: await version2WithData() });
    onTestFinished(() => db.close());
    await db.put('deletions', { id: 'kept', deletedBy: 'さとう', deletedAt: 5000 });
    expect(await db.get('deletions', 'kept')).toEqual({ id: 'kept', deletedBy: 'さとう', deletedAt: 5000 });
  });
});
