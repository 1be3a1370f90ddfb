import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKGROUND_SYNC_DELAY_MS,
  type BackgroundSyncPorts,
  createBackgroundSync,
} from '../../src/background/team-sync';
import { TeamGitError } from '../../src/platform/team-git';
import { createTeamLocks } from '../../src/platform/team-locks';
import type { Repositories } from '../../src/storage/repositories';
import type { SyncOutcome, SyncRun } from '../../src/team/team-sync';
import { freshRepositories } from '../support/database';
import { createLockManager } from '../support/locks';

/** The background's sync of a save made while no options page is open (issue 11), over fake ports. */

const REMOTE = {
  url: 'https://github.com/cybozu/neco-weekly.git',
  token: 'github_pat_x',
  branch: 'weekly-clipper',
};
const SYNCED: SyncOutcome = {
  kind: 'synced',
  issue: { number: 41, date: '2023-09-15' },
  pushed: true,
  counts: { added: 0, updated: 0, unchanged: 0, mergedNotes: 0, removed: 0 },
  unreadable: [],
  members: [],
};

afterEach(() => {
  vi.useRealTimers();
});

async function setUp(overrides: Partial<BackgroundSyncPorts> = {}) {
  const repos = await freshRepositories();
  const manager = createLockManager();
  const runs: SyncRun[] = [];
  const opened = { count: 0, closed: 0 };
  const ports: BackgroundSyncPorts = {
    openRepositories: async () => {
      opened.count += 1;
      return {
        repos,
        close: () => {
          opened.closed += 1;
        },
      };
    },
    locks: createTeamLocks(manager),
    hasAccess: async (pattern) => pattern === 'https://github.com/*',
    runSync: async (run) => {
      runs.push(run);
      return SYNCED;
    },
    now: () => 42,
    ...overrides,
  };
  return { repos, manager, runs, opened, ports, sync: createBackgroundSync(ports) };
}

async function connect(repos: Repositories, memberName = '佐藤') {
  await repos.team.saveRemote(REMOTE);
  await repos.settings.saveNewsletter({ ...(await repos.settings.getNewsletter()), memberName });
}

describe('createBackgroundSync', () => {
  it('syncs as the member, with the stored remote, and lets the database go', async () => {
    const { repos, runs, opened, sync } = await setUp();
    await connect(repos);
    expect(await sync.run()).toBe('synced');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ repos, remote: REMOTE, member: '佐藤' });
    expect(runs[0]?.now()).toBe(42);
    expect(opened).toEqual({ count: 1, closed: 1 });
  });

  it('does nothing when not connected', async () => {
    const { runs, opened, sync } = await setUp();
    expect(await sync.run()).toBe('not-connected');
    expect(runs).toEqual([]);
    expect(opened).toEqual({ count: 1, closed: 1 });
  });

  it('leaves the sync to an open options page, without opening the database', async () => {
    const { repos, manager, runs, opened, sync } = await setUp();
    await connect(repos);
    createTeamLocks(manager).holdOptionsOpen();
    expect(await sync.run()).toBe('options-open');
    expect(runs).toEqual([]);
    expect(opened.count).toBe(0);
  });

  it('leaves it to an options page opened while it waited for another sync', async () => {
    const { repos, manager, runs, sync } = await setUp();
    await connect(repos);
    const page = createTeamLocks(manager);
    let finish = () => {};
    const pageSync = page.syncing(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const result = sync.run();
    await new Promise((resolve) => setTimeout(resolve, 10));
    page.holdOptionsOpen();
    finish();
    await pageSync;
    expect(await result).toBe('options-open');
    expect(runs).toEqual([]);
  });

  it('does not sync once the host permission is gone, or cannot be read', async () => {
    const gone = await setUp({ hasAccess: async () => false });
    await connect(gone.repos);
    expect(await gone.sync.run()).toBe('no-access');
    const unreadable = await setUp({ hasAccess: () => Promise.reject(new Error('no permissions API')) });
    await connect(unreadable.repos);
    expect(await unreadable.sync.run()).toBe('no-access');
    expect([...gone.runs, ...unreadable.runs]).toEqual([]);
  });

  it('stores a failure’s code as the last error and keeps the last success', async () => {
    const offline = await setUp({ runSync: () => Promise.reject(new TeamGitError('unreachable')) });
    await connect(offline.repos);
    await offline.repos.team.saveSync({ lastOkAt: 1000, lastError: null });
    expect(await offline.sync.run()).toBe('failed');
    expect(await offline.repos.team.getSync()).toEqual({ lastOkAt: 1000, lastError: 'unreachable' });

    // Anything else is stored as a plain failure: its message (which could hold anything) is not kept.
    const broken = await setUp({
      runSync: () => Promise.reject(new Error('https://x-access-token:secret@host')),
    });
    await connect(broken.repos);
    expect(await broken.sync.run()).toBe('failed');
    expect(await broken.repos.team.getSync()).toEqual({ lastOkAt: null, lastError: 'failed' });
    expect(broken.opened).toEqual({ count: 1, closed: 1 });
  });

  it('syncs once, a moment after the last of several saves', async () => {
    const { repos, runs, sync } = await setUp();
    // Only the timers: fake-indexeddb schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await connect(repos);
    sync.saved();
    await vi.advanceTimersByTimeAsync(BACKGROUND_SYNC_DELAY_MS - 500);
    sync.saved();
    await vi.advanceTimersByTimeAsync(BACKGROUND_SYNC_DELAY_MS - 500);
    sync.saved();
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(BACKGROUND_SYNC_DELAY_MS);
    vi.useRealTimers();
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toHaveLength(1);
  });

  it('swallows a failing run started by a save: the next save tries again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let attempts = 0;
    const { sync } = await setUp({
      delayMs: 10,
      openRepositories: () => {
        attempts += 1;
        return Promise.reject(new Error('database blocked'));
      },
    });
    sync.saved();
    await vi.advanceTimersByTimeAsync(20);
    sync.saved();
    await vi.advanceTimersByTimeAsync(20);
    expect(attempts).toBe(2);
  });
});
