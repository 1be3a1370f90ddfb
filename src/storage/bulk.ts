import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Deletion } from '../core/deletion';
import type { Issue } from '../core/issue';
import { type NewsletterSettings, parseNewsletterSettings } from '../core/settings';
import type { BackupData } from '../core/transfer/backup';
import { toClipping, toClippingRecord } from './clippings';
import { type ClipperDatabase, STRICT } from './db';
import type { ClipperDB, ClippingRecordV2 } from './schema';
import { NEWSLETTER_KEY } from './settings';

/** Whole-database reads and writes for backup, restore and team merge: each one transaction. */

/** Everything a backup carries, read in one transaction so the parts are consistent with each other. */
export async function readEverything(db: ClipperDatabase): Promise<BackupData> {
  const tx = db.transaction([...STORES], 'readonly');
  const [records, issues, categories, newsletter, deletions] = await Promise.all([
    readAllClippings(tx.objectStore('clippings')),
    tx.objectStore('issues').getAll(),
    tx.objectStore('categories').getAll(),
    tx.objectStore('settings').get(NEWSLETTER_KEY),
    tx.objectStore('deletions').getAll(),
    tx.done,
  ]);
  const clippings = records.map(toClipping);
  const settings = parseNewsletterSettings(newsletter?.value);
  return { clippings, issues, categories, settings, deletions };
}

/**
 * How many clippings one `getAll` reads. The browser turns every record of a result back into an
 * object on the page's thread before it answers; 100,000 at once hold the page for a long moment,
 * a few thousand at a time do not.
 */
const CLIPPINGS_PER_READ = 5000;

/** Every stored clipping, by id, a batch at a time within the caller's transaction. */
async function readAllClippings(
  store: IDBPObjectStore<ClipperDB, (typeof STORES)[number][], 'clippings', 'readonly'>,
): Promise<ClippingRecordV2[]> {
  const all: ClippingRecordV2[] = [];
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch = await store.getAll(range, CLIPPINGS_PER_READ);
    for (const record of batch) all.push(record);
    if (batch.length < CLIPPINGS_PER_READ) return all;
    after = (batch[batch.length - 1] as ClippingRecordV2).id;
  }
}

export interface RecordsToWrite {
  clippings?: readonly Clipping[];
  issues?: readonly Issue[];
  categories?: readonly Category[];
  settings?: NewsletterSettings;
  deletions?: readonly Deletion[];
  /** Ids of clippings to delete (a team merge taking in a member's deletion); written after the puts. */
  removeClippings?: readonly string[];
}

const STORES = ['clippings', 'issues', 'categories', 'settings', 'deletions'] as const;
type WriteTx = IDBPTransaction<ClipperDB, (typeof STORES)[number][], 'readwrite'>;

/** Told how many of the records have been written, from the requests' success callbacks. */
export type OnWritten = (written: number, total: number) => void;

/**
 * How many `put`s are queued at once. Each one clones its record on the page's thread, so 100,000 in a
 * row would hold the page for a second; a batch is a few milliseconds, and the next one is queued from
 * the success of the last request of this one, while the transaction is still active.
 */
const PUTS_PER_BATCH = 500;
/** How often, in records written, the count is reported. */
const REPORT_EVERY = 100;

/** Each record of `records` as a `put` to queue on the transaction. */
function putsOf(tx: WriteTx, records: RecordsToWrite): (() => Promise<unknown>)[] {
  const puts: (() => Promise<unknown>)[] = [];
  for (const clipping of records.clippings ?? [])
    puts.push(() => tx.objectStore('clippings').put(toClippingRecord(clipping)));
  for (const issue of records.issues ?? []) puts.push(() => tx.objectStore('issues').put(issue));
  for (const category of records.categories ?? [])
    puts.push(() => tx.objectStore('categories').put(category));
  for (const deletion of records.deletions ?? []) puts.push(() => tx.objectStore('deletions').put(deletion));
  const { settings } = records;
  if (settings) puts.push(() => tx.objectStore('settings').put({ key: NEWSLETTER_KEY, value: settings }));
  for (const id of records.removeClippings ?? []) puts.push(() => tx.objectStore('clippings').delete(id));
  return puts;
}

/**
 * Queues `first` (clears, for a replace) and then every record's `put` in batches, all in `tx`, and
 * waits for it to commit: everything or nothing. A record that cannot be stored makes `put` throw
 * (DataCloneError) without aborting the transaction (https://w3c.github.io/IndexedDB/#dom-idbobjectstore-put),
 * and a failed request aborts it; either way the transaction is aborted here and the first error is
 * the one reported, with nothing written.
 */
function commitInBatches(
  tx: WriteTx,
  records: RecordsToWrite,
  onWritten: OnWritten | undefined,
  first: () => Promise<unknown>[] = () => [],
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      tx.done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request.
      }
      reject(error);
    };
    tx.done.then(() => {
      if (!failed) resolve();
    }, fail);
    let written = 0;
    let total = 0;
    const counted = () => {
      written++;
      if (written % REPORT_EVERY === 0 || written === total) onWritten?.(written, total);
    };
    let puts: (() => Promise<unknown>)[] = [];
    const queue = (start: number) => {
      if (failed) return;
      try {
        const end = Math.min(start + PUTS_PER_BATCH, puts.length);
        let last: Promise<unknown> | undefined;
        for (let index = start; index < end; index++) {
          last = (puts[index] as () => Promise<unknown>)();
          last.then(counted, fail);
        }
        if (last && end < puts.length) last.then(() => queue(end), fail);
      } catch (error) {
        fail(error);
      }
    };
    try {
      for (const request of first()) request.catch(fail);
      puts = putsOf(tx, records);
      total = puts.length;
      onWritten?.(0, total);
      queue(0);
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * Writes merged records (a restore by merge, a team merge) all together or not at all, in one
 * transaction; deletes only the clippings `removeClippings` names. `onWritten` hears the count as the writes succeed.
 */
export async function writeRecords(
  db: ClipperDatabase,
  records: RecordsToWrite,
  onWritten?: OnWritten,
): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite', STRICT);
  await commitInBatches(tx, records, onWritten);
}

/**
 * Replaces the clippings, issues, categories, tombstones and newsletter settings with the backup's, in one
 * transaction: a failure leaves everything as it was. Drafts and the popup's last category stay.
 */
export async function replaceEverything(
  db: ClipperDatabase,
  data: BackupData,
  onWritten?: OnWritten,
): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite', STRICT);
  await commitInBatches(tx, data, onWritten, () => [
    tx.objectStore('clippings').clear(),
    tx.objectStore('issues').clear(),
    tx.objectStore('categories').clear(),
    tx.objectStore('deletions').clear(),
    tx.objectStore('settings').delete(NEWSLETTER_KEY),
  ]);
}
