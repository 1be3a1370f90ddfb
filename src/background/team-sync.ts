import { originPattern } from '../core/team-remote';
import type { TeamLocks } from '../platform/team-locks';
import type { Repositories } from '../storage/repositories';
import type { SyncOutcome, SyncRun } from '../team/team-sync';

/**
 * The team sync of a save made while no options page is open (issue 11): a clipping saved in the popup
 * (which closes a moment later) or from the context menu goes to the team repository from here, a
 * moment after the last save, as the options page would have sent it. An open options page syncs by
 * itself after each save, with its status on screen, so the background leaves the work to it.
 *
 * Nothing here is kept between runs: a service worker in Chrome and an event page in Firefox both stop
 * when idle, and what is to go out is read from the data itself (core/team-remote.ts hasPendingChanges),
 * so a run that never came loses nothing: the next sync, here or in the options page, sends it.
 */

/** How long after the last save the background syncs: a burst of saves goes out as one commit. */
export const BACKGROUND_SYNC_DELAY_MS = 2000;

export interface BackgroundSyncPorts {
  /** Opens the database for one run; `close` lets it go. */
  openRepositories(): Promise<{ repos: Repositories; close(): void }>;
  locks: Pick<TeamLocks, 'syncing' | 'optionsOpen'>;
  /** Whether the host permission of the remote's origin is held (the user may have removed it). */
  hasAccess(originPattern: string): Promise<boolean>;
  /** The sync itself (src/team/team-sync.ts runSync). */
  runSync(run: SyncRun): Promise<SyncOutcome>;
  now(): number;
  delayMs?: number;
}

export type BackgroundSyncResult =
  | 'synced'
  | 'no-issue'
  /** An options page is open: it syncs by itself. */
  | 'options-open'
  | 'not-connected'
  /** The remote's host permission is gone; the options page says so when opened. */
  | 'no-access'
  /** The sync failed; its code is stored as the last error, and the changes wait for the next one. */
  | 'failed';

export interface BackgroundSync {
  /** A clipping was saved: sync a moment later (again after the last of several saves). */
  saved(): void;
  /** Syncs now (what `saved` runs when its moment comes). */
  run(): Promise<BackgroundSyncResult>;
}

function errorCode(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'TeamGitError' && typeof code === 'string' ? code : 'failed';
}

export function createBackgroundSync(ports: BackgroundSyncPorts): BackgroundSync {
  const { locks } = ports;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function syncWith(repos: Repositories): Promise<BackgroundSyncResult> {
    const remote = await repos.team.getRemote();
    if (!remote) return 'not-connected';
    if (!(await ports.hasAccess(originPattern(remote.url)).catch(() => false))) return 'no-access';
    return locks.syncing(async () => {
      // An options page opened while this waited for the lock has synced, or will, by itself.
      if (await locks.optionsOpen()) return 'options-open';
      try {
        const outcome = await ports.runSync({
          repos,
          remote,
          member: (await repos.settings.getNewsletter()).memberName,
          now: ports.now,
        });
        return outcome.kind;
      } catch (error) {
        await repos.team.saveSync({ ...(await repos.team.getSync()), lastError: errorCode(error) });
        return 'failed';
      }
    });
  }

  async function run(): Promise<BackgroundSyncResult> {
    if (await locks.optionsOpen()) return 'options-open';
    const { repos, close } = await ports.openRepositories();
    try {
      return await syncWith(repos);
    } finally {
      close();
    }
  }

  return {
    saved() {
      clearTimeout(timer);
      timer = setTimeout(() => void run().catch(() => undefined), ports.delayMs ?? BACKGROUND_SYNC_DELAY_MS);
    },
    run,
  };
}
