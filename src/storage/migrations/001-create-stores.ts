import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { DEFAULT_CATEGORIES } from '../../core/default-categories';
import type { ClipperDBV1 } from '../schema';

/** Version 1: the four stores, and the default categories so the popup has something to offer. */
export function createStores(
  db: IDBPDatabase<ClipperDBV1>,
  tx: IDBPTransaction<ClipperDBV1, StoreNames<ClipperDBV1>[], 'versionchange'>,
): void {
  const clippings = db.createObjectStore('clippings', { keyPath: 'id' });
  clippings.createIndex('byUrlKey', 'urlKey');
  clippings.createIndex('byCreatedAt', 'createdAt');
  db.createObjectStore('categories', { keyPath: 'id' });
  db.createObjectStore('drafts', { keyPath: 'key' });
  db.createObjectStore('settings', { keyPath: 'key' });
  const categories = tx.objectStore('categories');
  for (const category of DEFAULT_CATEGORIES) void categories.put({ ...category });
}
