import type { ClipperDatabase, OpenOptions } from './db';
import { wrapDatabase } from './idb-lite';
import { DB_NAME, SCHEMA_VERSION } from './schema';

/** Opens the database at whatever version it has; undefined when it does not exist (nothing is created). */
function openAsItIs(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      // Only a database that does not exist gets here (about to be made at version 1, empty): abort,
      // so that the upgrade creates it from version 0 with every migration.
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (missing ? resolve(undefined) : reject(request.error));
  });
}

/**
 * Opens the extension's database for the popup without loading the migrations or idb: almost every
 * time the database is already at SCHEMA_VERSION, so it is opened as it is (no version given) and
 * wrapped by idb-lite.ts. Only when it is missing or older are the migrations imported (db.ts, a chunk
 * of its own) and the database opened again with the upgrade. Issue 8: the popup's hot path carries no
 * migration code.
 */
export async function openCurrentDB(options: OpenOptions = {}): Promise<ClipperDatabase> {
  const db = await openAsItIs(options.name ?? DB_NAME);
  if (db && db.version === SCHEMA_VERSION) {
    db.onversionchange = () => {
      // A newer version wants to upgrade: let it, as db.ts's `blocking` handler does.
      db.close();
      options.onVersionChange?.();
    };
    return wrapDatabase(db);
  }
  db?.close();
  const { openClipperDB } = await import('./db');
  return openClipperDB(options);
}
