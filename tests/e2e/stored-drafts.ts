import type { Page } from 'playwright-core';
import { urlMatchKey } from '../../src/core/url';
import { DB_NAME } from '../../src/storage/schema';

/** The fields of a stored draft that tests look at. */
export interface StoredDraft {
  title?: string;
  note?: string;
  url?: string;
  categoryId?: string;
}

/**
 * The popup's draft for a tab URL as stored, or undefined, read from an extension page (`control`).
 * The popup gives no sign that a draft reached the disk, and a popup closed before its write commits loses
 * it (a person clicking away a moment later would not), so tests wait on this before closing a popup.
 * Reads the `drafts` store, keyed by `urlMatchKey` of the tab's URL (src/core/draft.ts).
 */
export function readDraft(control: Page, tabUrl: string): Promise<StoredDraft | undefined> {
  return control.evaluate(
    async ({ dbName, key }) => {
      // Opening a database that does not exist would create an empty version 1 and break the extension's
      // own upgrade, so look before opening; close at once so no upgrade is ever blocked.
      const databases = await indexedDB.databases();
      if (!databases.some((database) => database.name === dbName)) return undefined;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('drafts')) return undefined;
        return await new Promise<StoredDraft | undefined>((resolve, reject) => {
          const request = db.transaction('drafts').objectStore('drafts').get(key);
          request.onsuccess = () => resolve(request.result as StoredDraft | undefined);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, key: urlMatchKey(tabUrl) },
  );
}

/** Every stored clipping, as the `clippings` store holds it (none before the database exists). */
export function readClippings(control: Page): Promise<Record<string, unknown>[]> {
  return control.evaluate(async (dbName) => {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === dbName)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction('clippings').objectStore('clippings').getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, DB_NAME);
}
