import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ClipperDB } from '../schema';
import { createStores } from './001-create-stores';

// biome-ignore lint/suspicious/noExplicitAny: each migration speaks its own schema version; the runner only sequences them.
type AnyDB = IDBPDatabase<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
type AnyUpgradeTx = IDBPTransaction<any, any, 'versionchange'>;

export interface Migration {
  /** The schema version this migration produces. */
  version: number;
  migrate(db: AnyDB, tx: AnyUpgradeTx): void | Promise<void>;
}

/** Every schema version in order; a new version appends one entry and one file. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, migrate: createStores }];

export const LATEST_VERSION = MIGRATIONS.length;

/**
 * Runs the migrations after `oldVersion` up to `newVersion`, in order, inside the upgrade transaction
 * (the `if (oldVersion < N)` pattern from the idb README, as a list).
 */
export async function runMigrations(
  db: IDBPDatabase<ClipperDB>,
  oldVersion: number,
  newVersion: number,
  tx: IDBPTransaction<ClipperDB, StoreNames<ClipperDB>[], 'versionchange'>,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  for (const migration of migrations) {
    if (migration.version > oldVersion && migration.version <= newVersion) {
      await migration.migrate(db as AnyDB, tx as AnyUpgradeTx);
    }
  }
}
