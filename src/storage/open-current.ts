import { openDB } from 'idb';
import type { ClipperDatabase, OpenOptions } from './db';
import { type ClipperDB, DB_NAME, SCHEMA_VERSION } from './schema';

/**
 * Opens the extension's database for the popup without loading the migrations: almost every time the
 * database is already at SCHEMA_VERSION, so it is opened as it is (no version given). Only when it is
 * missing or older are the migrations imported (db.ts, a chunk of its own) and the database opened
 * again with an upgrade. Issue 8: the popup's hot path carries no migration code.
 */
export async function openCurrentDB(options: OpenOptions = {}): Promise<ClipperDatabase> {
  let database: ClipperDatabase | undefined;
  let fresh = false;
  try {
    database = await openDB<ClipperDB>(options.name ?? DB_NAME, undefined, {
      upgrade(_db, _oldVersion, _newVersion, tx) {
        // Only a database that does not exist gets here (opened as version 1): abort, so that the
        // upgrade below creates it from version 0 with every migration.
        fresh = true;
        tx.done.catch(() => undefined);
        tx.abort();
      },
      blocking() {
        database?.close();
        options.onVersionChange?.();
      },
    });
  } catch (error) {
    if (!fresh) throw error;
  }
  if (database && database.version === SCHEMA_VERSION) return database;
  database?.close();
  const { openClipperDB } = await import('./db');
  return openClipperDB(options);
}
