import { type Clipping, compareNewestFirst } from '../core/clipping';
import { urlMatchKey } from '../core/url';
import type { ClipperDatabase } from './db';
import { commitWrites, STRICT } from './db';
import type { ClippingRecordV2 } from './schema';

export interface ClippingRepository {
  get(id: string): Promise<Clipping | undefined>;
  /** The clipping whose URL matches, compared without tracking parameters and fragment. */
  findByUrl(url: string): Promise<Clipping | undefined>;
  /** Every clipping, newest first. */
  list(): Promise<Clipping[]>;
  /** Inserts or replaces the clipping with this id. */
  save(clipping: Clipping): Promise<void>;
  /** Inserts or replaces several clippings in one transaction (a reorder, a move): all or none. */
  saveMany(clippings: readonly Clipping[]): Promise<void>;
  remove(id: string): Promise<void>;
}

export function toClippingRecord(clipping: Clipping): ClippingRecordV2 {
  return { ...clipping, urlKey: urlMatchKey(clipping.url) };
}

function toClipping(record: ClippingRecordV2): Clipping {
  const { urlKey: _, ...clipping } = record;
  return clipping;
}

export function createClippingRepository(db: ClipperDatabase): ClippingRepository {
  return {
    async get(id) {
      const record = await db.get('clippings', id);
      return record && toClipping(record);
    },
    async findByUrl(url) {
      const records = await db.getAllFromIndex('clippings', 'byUrlKey', urlMatchKey(url));
      // Several can match only if they were merged in from elsewhere; the most recently edited wins.
      const newest = records.sort((a, b) => b.updatedAt - a.updatedAt)[0];
      return newest && toClipping(newest);
    },
    async list() {
      const records = await db.getAllFromIndex('clippings', 'byCreatedAt');
      // The index orders ties by id ascending, reversed to descending; sort with the core's order so
      // clippings made in the same millisecond are listed the same way everywhere.
      return records.map(toClipping).sort(compareNewestFirst);
    },
    async save(clipping) {
      const tx = db.transaction('clippings', 'readwrite', STRICT);
      await Promise.all([tx.store.put(toClippingRecord(clipping)), tx.done]);
    },
    async saveMany(clippings) {
      const tx = db.transaction('clippings', 'readwrite', STRICT);
      await commitWrites(tx, (write) => {
        for (const clipping of clippings) write(tx.store.put(toClippingRecord(clipping)));
      });
    },
    async remove(id) {
      const tx = db.transaction('clippings', 'readwrite', STRICT);
      await Promise.all([tx.store.delete(id), tx.done]);
    },
  };
}
