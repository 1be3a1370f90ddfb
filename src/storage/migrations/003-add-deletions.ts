import type { IDBPDatabase } from 'idb';
import type { ClipperDBV3 } from '../schema';

/**
 * Version 3: the `deletions` store, one tombstone per deleted clipping, keyed by the clipping's id.
 * Nothing to convert: clippings deleted before this version left no trace, and cannot be told apart.
 */
export function addDeletions(db: IDBPDatabase<ClipperDBV3>): void {
  db.createObjectStore('deletions', { keyPath: 'id' });
}
