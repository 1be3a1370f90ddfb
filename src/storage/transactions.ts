// Transaction helpers every repository uses, kept apart from db.ts (which imports the migrations).

/** Options for every write: wait for the data to reach disk before reporting success. */
export const STRICT: IDBTransactionOptions = { durability: 'strict' };

interface AbortableTransaction {
  done: Promise<void>;
  abort(): void;
}

/**
 * Aborts a transaction whose failure the caller reports with an error of its own. idb's `tx.done`
 * rejects on abort, and nothing else awaits it, so it would also surface as an unhandled rejection.
 */
export function abortTransaction(tx: AbortableTransaction): void {
  tx.done.catch(() => undefined);
  tx.abort();
}

/**
 * Queues a transaction's writes and waits for it to commit: all of them or none. A value that cannot be
 * stored makes `put` throw (DataCloneError, DataError) before its request is queued, which does not
 * abort the transaction (https://w3c.github.io/IndexedDB/#dom-idbobjectstore-put); without the abort
 * here the writes queued before it would still commit.
 */
export async function commitWrites(
  tx: AbortableTransaction,
  queue: (write: (request: Promise<unknown>) => void) => void,
): Promise<void> {
  const requests: Promise<unknown>[] = [tx.done];
  try {
    queue((request) => {
      requests.push(request);
    });
  } catch (error) {
    // The queued requests reject with AbortError now; the caller hears about `error` instead.
    for (const request of requests) request.catch(() => undefined);
    tx.abort();
    throw error;
  }
  await Promise.all(requests);
}
