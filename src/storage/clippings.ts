import { type Clipping, type ClippingFields, compareNewestFirst } from '../core/clipping';
import { sameFields } from '../core/draft';
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
  /**
   * Applies an edit only if the stored clipping's edited fields (title, URL, note, category) are still
   * those the edit started from; checked and written in one transaction. Otherwise writes nothing and
   * returns the stored version (undefined if it was deleted), so a later save never silently overwrites
   * another page's edit. A reorder elsewhere changes no edited field and is no conflict.
   */
  updateIfUnchanged(
    id: string,
    base: ClippingFields,
    revise: (stored: Clipping) => Clipping,
  ): Promise<{ ok: true; saved: Clipping } | { ok: false; current: Clipping | undefined }>;
  remove(id: string): Promise<void>;
}

export function toClippingRecord(clipping: Clipping): ClippingRecordV2 {
  return { ...clipping, urlKey: urlMatchKey(clipping.url) };
}

/** The domain clipping of a stored record (the lookup key is storage's own business). */
export function toClipping(record: ClippingRecordV2): Clipping {
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
    async updateIfUnchanged(id, base, revise) {
      const tx = db.transaction('clippings', 'readwrite', STRICT);
      const record = await tx.store.get(id);
      const stored = record && toClipping(record);
      if (!stored || !sameFields(stored, base)) {
        await tx.done;
        return { ok: false, current: stored };
      }
      const saved = revise(stored);
      await commitWrites(tx, (write) => write(tx.store.put(toClippingRecord(saved))));
      return { ok: true, saved };
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
