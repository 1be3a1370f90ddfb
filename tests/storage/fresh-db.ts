import { deleteDB } from 'idb';
import { onTestFinished } from 'vitest';
import { type ClipperDatabase, type OpenOptions, openClipperDB } from '../../src/storage/db';

/** A database name no other test uses, so tests never see each other's data. */
export function uniqueDbName(): string {
  return `test-${crypto.randomUUID()}`;
}

/** Opens a new, empty database for the current test and deletes it when the test ends. */
export async function openFreshDB(options: Omit<OpenOptions, 'name'> = {}): Promise<ClipperDatabase> {
  const name = uniqueDbName();
  const db = await openClipperDB({ ...options, name });
  onTestFinished(async () => {
    db.close();
    await deleteDB(name);
  });
  return db;
}
