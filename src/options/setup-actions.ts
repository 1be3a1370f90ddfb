import { localIsoDate } from '../core/calendar';
import { needsSetup, type SetupChoice, setUpIssue } from '../core/first-run';
import { openIssue } from '../core/issue';
import { importBackup, type OnProgress } from './backup-actions';
import type { OptionsState } from './state';

/** The first-run setup's reads and writes (core/first-run.ts holds its rules). */

/** Today on the user's wall clock, as the page's clock says. */
export function todayOf(state: OptionsState): string {
  return localIsoDate(new Date(state.services.now()));
}

/** Whether the setup is behind this install (saved, skipped, or a backup restored), as stored now. */
export async function isSetupDone(state: OptionsState): Promise<boolean> {
  return (await state.services.repositories).settings.isSetupDone();
}

/** Whether to offer the setup: never done and nothing made yet (core/first-run.ts needsSetup). */
export async function isSetupPending(state: OptionsState): Promise<boolean> {
  const repos = await state.services.repositories;
  if (await repos.settings.isSetupDone()) return false;
  const [issues, clippings] = await Promise.all([
    repos.issues.list(),
    // With no issue every clipping is in the backlog: a backup never holds a clipping of an issue it lacks.
    repos.clippings.countBacklog(),
  ]);
  return needsSetup({ done: false, issues: issues.length, clippings });
}

/**
 * Saves the setup: the settings it asks for, over the settings as stored now, and the open issue with
 * its number and date. The open issue the popup may already have opened (a clip saved while the setup
 * was shown) is renumbered and redated, never joined by a second one. The setup is marked done last, so
 * a failed write leaves it to be saved again.
 */
export async function saveSetup(state: OptionsState, choice: SetupChoice): Promise<boolean> {
  const { now, newId } = state.services;
  const done = await state.commit(
    async (repos) => {
      const time = now();
      const open = await repos.issues.ensureOpen(openIssue(newId(), choice.issue, time));
      const issue = setUpIssue(open, choice.issue, time);
      if (issue !== open) await repos.issues.save(issue);
      const settings = { ...(await repos.settings.getNewsletter()), ...choice.settings };
      await repos.settings.saveNewsletter(settings);
      await repos.settings.markSetupDone('saved');
      return { issue, settings };
    },
    ({ issue, settings }) => {
      state.mergeIssues([issue]);
      state.settings.value = settings;
      state.say('success', 'setupSaved', [String(issue.number), issue.date]);
    },
  );
  return done !== undefined;
}

/** Skips the setup: only remembers that it was answered, so it is not offered again. */
export function skipSetup(state: OptionsState): Promise<boolean> {
  return state.write(async (repos) => {
    await repos.settings.markSetupDone('skipped');
    return true;
  });
}

/**
 * Restores a backup from the setup, as the settings' import does (merged: on a fresh install that is
 * the backup as it was); the import marks the setup done. Its outcome is said on the page, which the
 * restored issue then shows.
 */
export async function restoreAtSetup(
  state: OptionsState,
  text: string,
  onProgress: OnProgress,
): Promise<boolean> {
  const restored = await importBackup(state, text, { onProgress });
  const status = state.backupStatus.value;
  if (restored && status) state.notice.value = { tone: 'success', text: status.text };
  return restored;
}
