import type { LockManagerLike } from '../../src/platform/team-locks';

/**
 * A lock manager of one browser, for Node (whose navigator has no `locks` before Node 22), as the Web
 * Locks API behaves for these uses: an exclusive lock waits for every holder of its name, shared ones
 * only for an exclusive holder; a lock is let go when its task settles; `query` lists what is held.
 */
export function createLockManager(): LockManagerLike & { release(name: string): void } {
  const held: { name: string; mode: 'shared' | 'exclusive' }[] = [];
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const next of waiting.splice(0)) next();
  };
  const free = (name: string, mode: 'shared' | 'exclusive') =>
    !held.some((lock) => lock.name === name && (mode === 'exclusive' || lock.mode === 'exclusive'));

  return {
    async request(name, { mode }, task) {
      while (!free(name, mode)) await new Promise<void>((resolve) => waiting.push(resolve));
      const lock = { name, mode };
      held.push(lock);
      try {
        return await task();
      } finally {
        if (held.includes(lock)) held.splice(held.indexOf(lock), 1);
        wake();
      }
    },
    async query() {
      return { held: held.map(({ name, mode }) => ({ name, mode })) };
    },
    /** Lets go of every lock of `name`, as the browser does when the page holding it goes away. */
    release(name) {
      for (const lock of held.filter((candidate) => candidate.name === name))
        held.splice(held.indexOf(lock), 1);
      wake();
    },
  };
}
