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

/** Options for every write: wait for the data to reach disk before reporting success. */
export const STRICT: IDBTransactionOptions = { durability: 'strict' };

interface AbortableTransaction {
  done: Promise<void>;
  abort(): void;
}

/**
 * Aborts a transaction whose failure the caller reports with an error of its own. idb's `tx.done`
 * rejects on abort, and nothing else awaits it, so it would also surface as an unhandled rejection.
 */
export function abortTransaction(tx: AbortableTransaction): void {
  tx.done.catch(() => undefined);
  tx.abort();
}

/**
 * Queues a transaction's writes and waits for it to commit: all of them or none. A value that cannot be
 * stored makes `put` throw (DataCloneError, DataError) before its request is queued, which does not
 * abort the transaction (https://w3c.github.io/IndexedDB/#dom-idbobjectstore-put); without the abort
 * here the writes queued before it would still commit.
 */
export async function commitWrites(
  tx: AbortableTransaction,
  queue: (write: (request: Promise<unknown>) => void) => void,
): Promise<void> {
  const requests: Promise<unknown>[] = [tx.done];
  try {
    queue((request) => {
      requests.push(request);
    });
  } catch (error) {
    // The queued requests reject with AbortError now; the caller hears about `error` instead.
    for (const request of requests) request.catch(() => undefined);
    tx.abort();
    throw error;
  }
  await Promise.all(requests);
}
