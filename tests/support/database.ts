import { deleteDB } from 'idb';
import { onTestFinished } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import type { ClippingRepository } from '../../src/storage/clippings';
import { type ClipperDatabase, type OpenOptions, openClipperDB } from '../../src/storage/db';
import { createRepositories, type Repositories } from '../../src/storage/repositories';

/**
 * The one way tests get a database: fake-indexeddb (tests/setup/indexeddb.ts), a name no other test
 * uses so tests never see each other's data, deleted when the test ends.
 */

/** A database name no other test uses, for tests that open, close and reopen one database themselves. */
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

/** A fresh database's repositories, for tests of the pages. */
export async function freshRepositories(): Promise<Repositories> {
  return createRepositories(await openFreshDB());
}

/** The clipping the popup edits for this page: `findForPage`'s `editable`. */
export async function editableFor(
  repository: Pick<ClippingRepository, 'findForPage'>,
  url: string,
): Promise<Clipping | undefined> {
  return (await repository.findForPage(url)).editable;
}
