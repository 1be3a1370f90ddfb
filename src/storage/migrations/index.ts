import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ClipperDB } from '../schema';
import { createStores } from './001-create-stores';
import { addIssues } from './002-add-issues';
import { addDeletions } from './003-add-deletions';

// biome-ignore lint/suspicious/noExplicitAny: each migration speaks its own schema version; the runner only sequences them.
type AnyDB = IDBPDatabase<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
type AnyUpgradeTx = IDBPTransaction<any, any, 'versionchange'>;

/** What a migration may need from outside the database; passed in so migrations stay testable. */
export interface MigrationContext {
  /** The moment of the upgrade, for records a migration creates. */
  now: number;
}

export interface Migration {
  /** The schema version this migration produces. */
  version: number;
  migrate(db: AnyDB, tx: AnyUpgradeTx, context: MigrationContext): void | Promise<void>;
}

/** Every schema version in order; a new version appends one entry and one file. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, migrate: createStores },
  { version: 2, migrate: addIssues },
  { version: 3, migrate: addDeletions },
];

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
  context: MigrationContext = { now: Date.now() },
): Promise<void> {
  for (const migration of migrations) {
    if (migration.version > oldVersion && migration.version <= newVersion) {
      await migration.migrate(db as AnyDB, tx as AnyUpgradeTx, context);
    }
  }
}
