/**
 * Who syncs with the team repository, told across the extension's pages and its background with the
 * Web Locks API (https://developer.mozilla.org/en-US/docs/Web/API/Web_Locks_API), which every page and
 * worker of one extension origin shares, in Chrome and in Firefox:
 *
 * - one sync at a time: the options page and the background each take `SYNC_LOCK` around a sync, so
 *   two never fetch and push over each other (a second waits for the first, then finds less to do);
 * - an open options page holds `OPTIONS_OPEN_LOCK` (shared) for as long as it is open, and syncs by
 *   itself after each save; the background pushes a popup's save only when no options page holds it.
 *
 * The browser lets go of a page's locks when the page goes away, however it goes.
 */
export const SYNC_LOCK = 'weekly-clipper-team-sync';
export const OPTIONS_OPEN_LOCK = 'weekly-clipper-options-open';

/** The part of `navigator.locks` this uses, so tests can pass their own. */
export interface LockManagerLike {
  request<T>(name: string, options: { mode: 'shared' | 'exclusive' }, task: () => Promise<T>): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

export interface TeamLocks {
  /** Runs `task` as the only sync of this browser; waits for one under way. */
  syncing<T>(task: () => Promise<T>): Promise<T>;
  /** Marks this page as an open options page until it goes away. */
  holdOptionsOpen(): void;
  /** Whether an options page is open (holds OPTIONS_OPEN_LOCK). */
  optionsOpen(): Promise<boolean>;
}

/** The locks of `navigator.locks`; where there are none (null), a sync just runs and no page is known open. */
export function createTeamLocks(
  locks: LockManagerLike | null = globalThis.navigator?.locks ?? null,
): TeamLocks {
  return {
    syncing: (task) => (locks ? locks.request(SYNC_LOCK, { mode: 'exclusive' }, task) : task()),
    holdOptionsOpen() {
      void locks?.request(OPTIONS_OPEN_LOCK, { mode: 'shared' }, () => new Promise<never>(() => {}));
    },
    async optionsOpen() {
      if (!locks) return false;
      const { held = [] } = await locks.query();
      return held.some((lock) => lock.name === OPTIONS_OPEN_LOCK);
    },
  };
}
