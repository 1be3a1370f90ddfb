import { issueItems } from '../core/issue';
import { storageErrorMessage } from '../core/storage-error';
import { backupFilename, exportText, readBackup } from '../core/transfer/backup';
import { mergeWork } from '../core/transfer/backup-merge';
import { describeFileError, type FileError, type FileKind } from '../core/transfer/json-file';
import { type ImportProgress, runPaced } from '../core/transfer/paced';
import { createTeamFile, readTeamFile, type TeamFile, teamFilename } from '../core/transfer/team-file';
import { teamMergeWork } from '../core/transfer/team-merge';
import type { OnWritten } from '../storage/bulk';
import { createPagePace, yieldToPage } from './page-pace';
import type { OptionsState } from './state';

/**
 * Backup, restore and team merge from the options page. Each import validates everything first, then
 * writes in one transaction. Checking and merging run in slices that hand the page back between them,
 * and every phase reports its progress (`onProgress`), so that a 100,000-clipping file keeps the page
 * responsive and shows how far it has got.
 */

export type OnProgress = (progress: ImportProgress) => void;

/** Reports the written count as the `writing` phase. */
const writing =
  (onProgress: OnProgress): OnWritten =>
  (done, total) =>
    onProgress({ phase: 'writing', done, total });

/** Shows `reading` and lets the page draw it before JSON.parse, the one step that cannot be sliced. */
async function startReading(onProgress: OnProgress): Promise<void> {
  onProgress({ phase: 'reading', done: 0, total: 0 });
  await yieldToPage();
}

/** How many problems an import message lists before "and N more". */
const SHOWN_ERRORS = 5;

/** The file's problems in the user's language, each saying what and where (`clippings[3].updatedAt`). */
function describeErrors(state: OptionsState, errors: readonly FileError[], kind: FileKind): string {
  const { t } = state.services;
  const lines = errors.slice(0, SHOWN_ERRORS).map((error) => {
    const { key, substitutions } = describeFileError(error, kind);
    return t(key, substitutions);
  });
  if (errors.length > SHOWN_ERRORS) lines.push(t('importMoreErrors', String(errors.length - SHOWN_ERRORS)));
  return lines.join('\n');
}

function reportFailure(state: OptionsState, key: 'importFailed' | 'exportFailed', error: unknown): void {
  state.backupStatus.value = { state: 'error', text: storageErrorMessage(state.services.t, key, error) };
}

type ImportStatus = { state: 'ok'; text: string };

/**
 * After an import wrote: tell other open pages, show what the database now holds, then say what was
 * imported, so that the message never comes before what it describes is on the page.
 */
async function afterImport(state: OptionsState, status: ImportStatus): Promise<true> {
  state.services.changes?.notify();
  await state.load();
  state.backupStatus.value = status;
  return true;
}

/** Downloads everything: clippings, issues, categories and settings. */
export async function exportBackup(state: OptionsState): Promise<void> {
  try {
    const repos = await state.services.repositories;
    const now = state.services.now();
    const data = await repos.bulk.readEverything();
    const text = await runPaced(
      exportText(data, now),
      createPagePace(() => undefined),
    );
    state.services.download(backupFilename(new Date(now)), text, 'application/json');
    state.backupStatus.value = {
      state: 'ok',
      text: state.services.t('exported', backupFilename(new Date(now))),
    };
  } catch (error) {
    reportFailure(state, 'exportFailed', error);
  }
}

/**
 * Imports a backup file. A file with any problem changes nothing and says what and where. A valid one
 * is merged (by id, the newer `updatedAt` wins, nothing is deleted) or, when `replace`, replaces all.
 */
export async function importBackup(
  state: OptionsState,
  text: string,
  { replace = false, onProgress = () => undefined }: { replace?: boolean; onProgress?: OnProgress } = {},
): Promise<boolean> {
  const pace = createPagePace(onProgress);
  await startReading(onProgress);
  const parsed = await runPaced(readBackup(text), pace);
  if (!parsed.ok) {
    state.backupStatus.value = {
      state: 'error',
      text: `${state.services.t('importInvalid')}\n${describeErrors(state, parsed.errors, 'backup')}`,
    };
    return false;
  }
  let status: ImportStatus;
  try {
    const repos = await state.services.repositories;
    const { format: _format, version: _version, exportedAt: _exportedAt, ...incoming } = parsed.backup;
    if (replace) {
      await repos.bulk.replaceEverything(incoming, writing(onProgress));
      status = { state: 'ok', text: state.services.t('importReplaced', String(incoming.clippings.length)) };
    } else {
      const plan = await runPaced(mergeWork(await repos.bulk.readEverything(), incoming), pace);
      await repos.bulk.writeRecords(plan, writing(onProgress));
      const { added, updated, unchanged } = plan.counts;
      status = {
        state: 'ok',
        text: state.services.t('importMerged', [String(added), String(updated), String(unchanged)]),
      };
    }
    // A restored install is set up: the first-run setup (setup-actions.ts) is not offered again. Should
    // this mark fail, the restored records still keep the setup away from the next start (needsSetup).
    await repos.settings.markSetupDone('restored').catch(() => undefined);
  } catch (error) {
    reportFailure(state, 'importFailed', error);
    return false;
  }
  return afterImport(state, status);
}

/** Downloads this member's clippings of the open issue, for the editor to merge (この号のクリップを書き出す). */
export function exportTeamFile(state: OptionsState): void {
  const issue = state.openIssue.value;
  if (!issue) return;
  const member = state.settings.value.memberName;
  const text = createTeamFile({
    issue,
    clippings: issueItems(issue.id, state.clippings.value),
    categories: state.categories.value,
    member,
    now: state.services.now(),
  });
  const filename = teamFilename(member, issue);
  state.services.download(filename, text, 'application/json');
  state.backupStatus.value = { state: 'ok', text: state.services.t('exported', filename) };
}

/** Merges members' files into the open issue. Any invalid file stops the whole import, naming it. */
export async function importTeamFiles(
  state: OptionsState,
  files: readonly { name: string; text: string }[],
  onProgress: OnProgress = () => undefined,
): Promise<boolean> {
  const pace = createPagePace(onProgress);
  const parsed: TeamFile[] = [];
  await startReading(onProgress);
  for (const file of files) {
    const result = await runPaced(readTeamFile(file.text), pace);
    if (!result.ok) {
      const where = describeErrors(state, result.errors, 'team');
      state.backupStatus.value = {
        state: 'error',
        text: `${state.services.t('teamImportInvalid', file.name)}\n${where}`,
      };
      return false;
    }
    parsed.push(result.file);
  }
  const issue = state.openIssue.value;
  if (!issue) return false;
  let status: ImportStatus;
  try {
    const repos = await state.services.repositories;
    const current = await repos.bulk.readEverything();
    const local = {
      openIssue: issue,
      clippings: current.clippings,
      categories: current.categories,
      deletions: current.deletions,
    };
    const plan = await runPaced(teamMergeWork(local, parsed), pace);
    await repos.bulk.writeRecords(
      {
        clippings: [...plan.add, ...plan.update],
        categories: plan.addCategories,
        deletions: plan.deletions,
        removeClippings: plan.remove,
      },
      writing(onProgress),
    );
    const { added, updated, unchanged, mergedNotes } = plan.counts;
    status = {
      state: 'ok',
      text: state.services.t('teamImported', [
        String(added),
        String(updated),
        String(unchanged),
        String(mergedNotes),
      ]),
    };
  } catch (error) {
    reportFailure(state, 'importFailed', error);
    return false;
  }
  return afterImport(state, status);
}
