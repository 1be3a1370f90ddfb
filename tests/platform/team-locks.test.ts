import { describe, expect, it } from 'vitest';
import { createTeamLocks, OPTIONS_OPEN_LOCK, SYNC_LOCK } from '../../src/platform/team-locks';
import { createLockManager } from '../support/locks';

/** Who syncs: one sync at a time across the extension, and whether an options page is open. */

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('team locks', () => {
  it('runs one sync at a time: a second waits for the first to finish', async () => {
    const manager = createLockManager();
    const [page, background] = [createTeamLocks(manager), createTeamLocks(manager)];
    const steps: string[] = [];
    let finishFirst = () => {};
    const first = page.syncing(async () => {
      steps.push('first started');
      await new Promise<void>((resolve) => {
        finishFirst = resolve;
      });
      steps.push('first done');
      return 1;
    });
    const second = background.syncing(async () => {
      steps.push('second started');
      return 2;
    });
    await tick();
    expect(steps).toEqual(['first started']);
    expect((await manager.query()).held).toEqual([{ name: SYNC_LOCK, mode: 'exclusive' }]);
    finishFirst();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(steps).toEqual(['first started', 'first done', 'second started']);
    expect((await manager.query()).held).toEqual([]);
  });

  it('lets go of the sync lock when a sync fails', async () => {
    const manager = createLockManager();
    const locks = createTeamLocks(manager);
    await expect(locks.syncing(async () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await locks.syncing(async () => 'next')).toBe('next');
  });

  it('knows an options page is open for as long as it holds the lock, two pages at once', async () => {
    const manager = createLockManager();
    const background = createTeamLocks(manager);
    expect(await background.optionsOpen()).toBe(false);
    createTeamLocks(manager).holdOptionsOpen();
    createTeamLocks(manager).holdOptionsOpen();
    await tick();
    expect(await background.optionsOpen()).toBe(true);
    expect((await manager.query()).held).toEqual([
      { name: OPTIONS_OPEN_LOCK, mode: 'shared' },
      { name: OPTIONS_OPEN_LOCK, mode: 'shared' },
    ]);
    // An open page does not keep a sync from running.
    expect(await background.syncing(async () => 'ran')).toBe('ran');
    manager.release(OPTIONS_OPEN_LOCK);
    expect(await background.optionsOpen()).toBe(false);
  });

  it('without Web Locks, runs the sync and knows of no open page', async () => {
    const locks = createTeamLocks(null);
    locks.holdOptionsOpen();
    expect(await locks.syncing(async () => 'ran')).toBe('ran');
    expect(await locks.optionsOpen()).toBe(false);
  });
});
