import type { ClipperDatabase } from './db';

/**
 * The part of idb's promise API (https://github.com/jakearchibald/idb) that the popup's storage code
 * calls (readPopupStart, commitClip, commitClipEdit, the draft writes), over the browser's IndexedDB in
 * a few lines instead of idb's 3.3 KB of proxies (issue 8: the popup's 12 KB budget). Same behaviour
 * for what it covers: a request's promise settles with its result or error, `tx.done` resolves on
 * complete and rejects on error or abort, `tx.store` is the store of a one-store transaction.
 * tests/storage/open-current.test.ts runs the popup's reads and writes over it. Every other page, and
 * the popup's own upgrade path, use idb itself.
 */

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function wrapSource(source: IDBObjectStore | IDBIndex) {
  return {
    get: (query: IDBValidKey | IDBKeyRange) => settle(source.get(query)),
    getAll: (query?: IDBValidKey | IDBKeyRange | null, count?: number) => settle(source.getAll(query, count)),
  };
}

function wrapStore(store: IDBObjectStore) {
  return {
    ...wrapSource(store),
    put: (value: unknown, key?: IDBValidKey) => settle(store.put(value, key)),
    delete: (query: IDBValidKey | IDBKeyRange) => settle(store.delete(query)),
    index: (name: string) => wrapSource(store.index(name)),
  };
}

function wrapTransaction(tx: IDBTransaction) {
  const done = new Promise<void>((resolve, reject) => {
    const failed = () => reject(tx.error ?? new DOMException('AbortError', 'AbortError'));
    tx.oncomplete = () => resolve();
    tx.onerror = failed;
    tx.onabort = failed;
  });
  const [only, ...others] = [...tx.objectStoreNames];
  return {
    done,
    abort: () => tx.abort(),
    objectStore: (name: string) => wrapStore(tx.objectStore(name)),
    store: only !== undefined && others.length === 0 ? wrapStore(tx.objectStore(only)) : undefined,
  };
}

/** The popup's database handle: idb's interface, as far as the popup's storage code uses it. */
export function wrapDatabase(db: IDBDatabase): ClipperDatabase {
  const lite = {
    get name() {
      return db.name;
    },
    get version() {
      return db.version;
    },
    get objectStoreNames() {
      return db.objectStoreNames;
    },
    close: () => db.close(),
    transaction: (names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) =>
      wrapTransaction(db.transaction(names, mode, options)),
    get: (store: string, query: IDBValidKey | IDBKeyRange) =>
      settle(db.transaction(store).objectStore(store).get(query)),
  };
  // The popup's storage modules are typed against idb's full interface; this covers what they call.
  return lite as unknown as ClipperDatabase;
}
