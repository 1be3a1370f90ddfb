import { deleteDB, openDB } from 'idb';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, type Migration, runMigrations } from '../../../src/storage/migrations';
import { openFreshDB, uniqueDbName } from '../../support/database';

type RunArgs = Parameters<typeof runMigrations>;

// runMigrations only hands these through; the fake migrations check they arrive unchanged.
const fakeDb = { fake: 'db' } as unknown as RunArgs[0];
const fakeTx = { fake: 'tx' } as unknown as RunArgs[3];

function recordingMigrations(versions: number[], log: string[]): Migration[] {
  return versions.map((version) => ({
    version,
    migrate(db, tx) {
      expect(db).toBe(fakeDb);
      expect(tx).toBe(fakeTx);
      log.push(`v${version}`);
    },
  }));
}

describe('runMigrations', () => {
  it.each([
    [0, 4, ['v1', 'v2', 'v3', 'v4']],
    [0, 1, ['v1']],
    [1, 3, ['v2', 'v3']],
    [2, 4, ['v3', 'v4']],
    [3, 4, ['v4']],
    [4, 4, []],
    [2, 2, []],
  ])('from version %i to %i runs %j', async (oldVersion, newVersion, expected) => {
    const log: string[] = [];
    await runMigrations(fakeDb, oldVersion, newVersion, fakeTx, recordingMigrations([1, 2, 3, 4], log));
    expect(log).toEqual(expected);
  });

  it('waits for an asynchronous migration before starting the next', async () => {
    const log: string[] = [];
    const migrations: Migration[] = [
      {
        version: 1,
        async migrate() {
          log.push('v1 start');
          await Promise.resolve();
          await Promise.resolve();
          log.push('v1 end');
        },
      },
      { version: 2, migrate: () => void log.push('v2') },
    ];
    await runMigrations(fakeDb, 0, 2, fakeTx, migrations);
    expect(log).toEqual(['v1 start', 'v1 end', 'v2']);
  });

  it('stops at a failing migration and rejects with its error', async () => {
    const log: string[] = [];
    const failure = new Error('v2 failed');
    const migrations: Migration[] = [
      ...recordingMigrations([1], log),
      {
        version: 2,
        migrate() {
          throw failure;
        },
      },
      ...recordingMigrations([3], log),
    ];
    await expect(runMigrations(fakeDb, 0, 3, fakeTx, migrations)).rejects.toBe(failure);
    expect(log).toEqual(['v1']);
  });

  it('runs each migration inside a real upgrade, on the data of the version before', async () => {
    const name = uniqueDbName();
    const migrations: Migration[] = [
      { version: 1, migrate: (db) => void db.createObjectStore('notes', { keyPath: 'id' }) },
      {
        version: 2,
        async migrate(_db, tx) {
          const notes = tx.objectStore('notes');
          for (const note of await notes.getAll())
            await notes.put({ ...note, text: note.text.toUpperCase() });
        },
      },
      { version: 3, migrate: (_db, tx) => void tx.objectStore('notes').createIndex('byText', 'text') },
    ];
    const open = (version: number) =>
      openDB(name, version, {
        async upgrade(db, oldVersion, newVersion, tx) {
          await runMigrations(
            db as unknown as RunArgs[0],
            oldVersion,
            newVersion ?? version,
            tx as unknown as RunArgs[3],
            migrations,
          );
        },
      });
    onTestFinished(() => deleteDB(name));

    const v1 = await open(1);
    await v1.put('notes', { id: 'a', text: 'hello' });
    v1.close();

    const v3 = await open(3);
    try {
      expect(v3.version).toBe(3);
      expect(await v3.get('notes', 'a')).toEqual({ id: 'a', text: 'HELLO' });
      expect([...v3.transaction('notes').store.indexNames]).toEqual(['byText']);
    } finally {
      v3.close();
    }
  });
});

describe('MIGRATIONS', () => {
  it('numbers versions 1, 2, 3, ... in order, one migration each', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1),
    );
  });

  it('has LATEST_VERSION equal to the number of migrations and to the last version', () => {
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(LATEST_VERSION).toBe(MIGRATIONS.at(-1)?.version);
  });

  it('opens a database at LATEST_VERSION', async () => {
    const db = await openFreshDB();
    expect(db.version).toBe(LATEST_VERSION);
  });
});
