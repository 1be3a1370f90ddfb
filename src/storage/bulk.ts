import type { IDBPTransaction } from 'idb';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Deletion } from '../core/deletion';
import type { Issue } from '../core/issue';
import { type NewsletterSettings, parseNewsletterSettings } from '../core/settings';
import type { BackupData } from '../core/transfer/backup';
import { toClipping, toClippingRecord } from './clippings';
import { type ClipperDatabase, commitWrites, STRICT } from './db';
import type { ClipperDB } from './schema';
import { NEWSLETTER_KEY } from './settings';

/** Whole-database reads and writes for backup, restore and team merge: each one transaction. */

/** Everything a backup carries, read in one transaction so the parts are consistent with each other. */
export async function readEverything(db: ClipperDatabase): Promise<BackupData> {
  const tx = db.transaction([...STORES], 'readonly');
  const [records, issues, categories, newsletter, deletions] = await Promise.all([
    tx.objectStore('clippings').getAll(),
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

export interface RecordsToWrite {
  clippings?: readonly Clipping[];
  issues?: readonly Issue[];
  categories?: readonly Category[];
  settings?: NewsletterSettings;
  deletions?: readonly Deletion[];
}

const STORES = ['clippings', 'issues', 'categories', 'settings', 'deletions'] as const;
type WriteTx = IDBPTransaction<ClipperDB, (typeof STORES)[number][], 'readwrite'>;

function queueRecords(
  tx: WriteTx,
  records: RecordsToWrite,
  write: (request: Promise<unknown>) => void,
): void {
  for (const clipping of records.clippings ?? [])
    write(tx.objectStore('clippings').put(toClippingRecord(clipping)));
  for (const issue of records.issues ?? []) write(tx.objectStore('issues').put(issue));
  for (const category of records.categories ?? []) write(tx.objectStore('categories').put(category));
  for (const deletion of records.deletions ?? []) write(tx.objectStore('deletions').put(deletion));
  if (records.settings)
    write(tx.objectStore('settings').put({ key: NEWSLETTER_KEY, value: records.settings }));
}

/** Writes merged records (a restore by merge, a team merge) all together or not at all; deletes nothing. */
export async function writeRecords(db: ClipperDatabase, records: RecordsToWrite): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite', STRICT);
  await commitWrites(tx, (write) => queueRecords(tx, records, write));
}

/**
 * Replaces the clippings, issues, categories, tombstones and newsletter settings with the backup's, in one
 * transaction: a failure leaves everything as it was. Drafts and the popup's last category stay.
 */
export async function replaceEverything(db: ClipperDatabase, data: BackupData): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite', STRICT);
  await commitWrites(tx, (write) => {
    write(tx.objectStore('clippings').clear());
    write(tx.objectStore('issues').clear());
    write(tx.objectStore('categories').clear());
    write(tx.objectStore('deletions').clear());
    write(tx.objectStore('settings').delete(NEWSLETTER_KEY));
    queueRecords(tx, data, write);
  });
}
