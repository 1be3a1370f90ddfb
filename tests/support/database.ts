import { openClipperDB } from '../../src/storage/db';
import { createRepositories, type Repositories } from '../../src/storage/repositories';

/** A fresh, uniquely named database on fake-indexeddb, and its repositories. */
export async function freshRepositories(): Promise<Repositories> {
  const db = await openClipperDB({ name: `test-${crypto.randomUUID()}` });
  return createRepositories(db);
}
