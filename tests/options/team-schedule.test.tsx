import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OptionsState, TeamStatus } from '../../src/options/state';
import { SYNC_AFTER_SAVE_MS, scheduleTeamSync, syncTeam } from '../../src/options/team-actions';

/**
 * When the options page syncs (issue 11): a moment after a save, or when asked. git itself is not here
 * (the adapter and the sync are tested against a real server): runSync is counted.
 */

const runs = vi.hoisted(() => ({ count: 0, release: [] as (() => void)[] }));
vi.mock('../../src/platform/permissions', () => ({
  hasTeamAccess: async () => true,
  requestTeamAccess: async () => true,
}));
vi.mock('../../src/team/team-sync', () => ({
  runSync: () => {
    runs.count += 1;
    return new Promise((resolve) => runs.release.push(() => resolve({ kind: 'no-issue' })));
  },
}));

function fakeState(): OptionsState {
  return {
    teamRemote: signal({ url: 'https://git.example/team.git', token: 't', branch: 'weekly-clipper' }),
    teamStatus: signal<TeamStatus>({ state: 'idle', text: '' }),
    services: {
      t: (key: string) => key,
      now: () => 0,
      repositories: Promise.resolve({
        settings: { getNewsletter: async () => ({ memberName: '佐藤' }) },
        team: { getSync: async () => ({}), saveSync: async () => undefined },
      }),
    },
    load: async () => undefined,
  } as unknown as OptionsState;
}

/** Lets every promise chain started so far run (setImmediate is not among the faked timers). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Lets the sync under way finish, once it has reached git. */
async function finishRun(): Promise<void> {
  await vi.waitFor(() => expect(runs.release.length).toBeGreaterThan(0));
  runs.release.shift()?.();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  runs.count = 0;
  runs.release = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the options page’s team sync schedule', () => {
  it('syncs once a moment after a burst of saves', async () => {
    const state = fakeState();
    scheduleTeamSync(state);
    vi.advanceTimersByTime(SYNC_AFTER_SAVE_MS - 1);
    scheduleTeamSync(state);
    vi.advanceTimersByTime(SYNC_AFTER_SAVE_MS - 1);
    expect(runs.count).toBe(0);
    vi.advanceTimersByTime(1);
    await finishRun();
    await vi.waitFor(() => expect(state.teamStatus.value.state).toBe('ok'));
    expect(runs.count).toBe(1);
  });

  it('drops the pending after-save sync when 「同期」 runs first: that sync carries the save', async () => {
    const state = fakeState();
    scheduleTeamSync(state);
    const manual = syncTeam(state);
    await finishRun();
    await manual;
    vi.advanceTimersByTime(SYNC_AFTER_SAVE_MS * 2);
    await settle();
    expect(runs.count).toBe(1);
  });

  it('still syncs after a save made while a sync runs', async () => {
    const state = fakeState();
    const manual = syncTeam(state);
    await vi.waitFor(() => expect(runs.count).toBe(1));
    scheduleTeamSync(state);
    await finishRun();
    await manual;
    vi.advanceTimersByTime(SYNC_AFTER_SAVE_MS);
    await finishRun();
    expect(runs.count).toBe(2);
  });
});
