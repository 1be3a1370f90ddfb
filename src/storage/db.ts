import { type IDBPDatabase, openDB } from 'idb';
import { LATEST_VERSION, runMigrations } from './migrations';
import { type ClipperDB, DB_NAME } from './schema';

export type ClipperDatabase = IDBPDatabase<ClipperDB>;

export interface OpenOptions {
  name?: string;
  /**
   * Called when a newer version of the extension wants to upgrade the database while this page holds it
   * open. The connection is closed first so the upgrade never wedges; the page should reload itself.
   */
  onVersionChange?: () => void;
  /** The clock migrations read for records they create (tests pass a fixed one); `Date.now` by default. */
  now?: () => number;
}

/** Opens (creating or upgrading as needed) the extension's database. */
export function openClipperDB(options: OpenOptions = {}): Promise<ClipperDatabase> {
  let database: ClipperDatabase | undefined;
  const opening = openDB<ClipperDB>(options.name ?? DB_NAME, LATEST_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failed upgrade is reported once, by openDB's rejection; without this, the aborted
      // transaction's `done` would also surface as an unhandled rejection.
      tx.done.catch(() => undefined);
      const context = { now: (options.now ?? Date.now)() };
      runMigrations(db, oldVersion, newVersion ?? LATEST_VERSION, tx, undefined, context).catch(
        (error: unknown) => {
          console.error('Database migration failed; the upgrade is rolled back.', error);
          tx.abort();
        },
      );
    },
    blocked() {
      // An older page still holds the database open; its `blocking` handler below closes it, after
      // which this open proceeds. Nothing to do here but wait.
    },
    blocking() {
      database?.close();
      options.onVersionChange?.();
    },
  });
  return opening.then((db) => {
    database = db;
    return db;
  });
}

// Re-exported for the modules that have always imported them from here; the popup imports
// transactions.ts itself, so that its hot path never loads the migrations this module imports.
export { abortTransaction, commitWrites, STRICT } from './transactions';
