import type { Clipping } from '../core/clipping';
import { type Deletion, deletionsFor } from '../core/deletion';
import { toClippingRecord } from './clippings';
import { type ClipperDatabase, commitWrites, STRICT } from './db';

/** Tombstones of deleted clippings, written in the same transaction as the deletion they record. */
export interface DeletionRepository {
  list(): Promise<Deletion[]>;
  /** Deletes the clipping and records who deleted it and when (for it and the notes folded into it). */
  deleteClipping(clipping: Clipping, deletedBy: string, now: number): Promise<Deletion[]>;
  /** Puts deleted clippings back (undo) and removes their tombstones: all or nothing. */
  restoreClippings(clippings: readonly Clipping[]): Promise<void>;
}

export function createDeletionRepository(db: ClipperDatabase): DeletionRepository {
  return {
    list: () => db.getAll('deletions'),
    async deleteClipping(clipping, deletedBy, now) {
      const deletions = deletionsFor(clipping, deletedBy, now);
      const tx = db.transaction(['clippings', 'deletions'], 'readwrite', STRICT);
      await commitWrites(tx, (write) => {
        write(tx.objectStore('clippings').delete(clipping.id));
        for (const deletion of deletions) write(tx.objectStore('deletions').put(deletion));
      });
      return deletions;
    },
    async restoreClippings(clippings) {
      const tx = db.transaction(['clippings', 'deletions'], 'readwrite', STRICT);
      await commitWrites(tx, (write) => {
        for (const clipping of clippings) {
          write(tx.objectStore('clippings').put(toClippingRecord(clipping)));
          for (const deletion of deletionsFor(clipping, '', 0)) {
            write(tx.objectStore('deletions').delete(deletion.id));
          }
        }
      });
    },
  };
}
