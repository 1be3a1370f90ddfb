import type { MessageKey } from '../core/messages';
import {
  hasPendingChanges,
  originPattern,
  pullRequestUrl,
  type TeamRemoteConfig,
  type TeamRemoteProblem,
  teamRemoteProblems,
} from '../core/team-remote';
import { hasTeamAccess, requestTeamAccess } from '../platform/permissions';
import type { GitProgress, TeamGitError, TeamGitErrorCode } from '../platform/team-git';
import type { OptionsState, TeamStatus } from './state';

/**
 * The team repository in the options page (issue 11): connect, sync, publish. The heavy part (git)
 * is a chunk of its own (team/team-sync.ts), loaded only once this browser is connected.
 */

type TeamSyncModule = typeof import('../team/team-sync');
let teamSync: Promise<TeamSyncModule> | undefined;
const loadTeamSync = (): Promise<TeamSyncModule> => {
  teamSync ??= import('../team/team-sync').catch((error: unknown) => {
    teamSync = undefined;
    throw error;
  });
  return teamSync;
};

/** Shows git's progress in the status line: its phase, and how far it is. */
function showProgress(state: OptionsState): (progress: GitProgress) => void {
  const { t } = state.services;
  return ({ phase, loaded, total }) => {
    const count = total ? `${loaded}/${total}` : String(loaded);
    state.teamStatus.value = { state: 'working', text: t('teamProgress', [phase, count]) };
  };
}

/**
 * Runs git work as the only one in this browser (platform/team-locks.ts): the background may be pushing
 * a popup's save into the same local git directory; this waits for it, then finds less to do.
 */
function gitWork<T>(state: OptionsState, work: () => Promise<T>): Promise<T> {
  const locks = state.services.teamLocks;
  return locks ? locks.syncing(work) : work();
}

export const PROBLEM_MESSAGES: Record<TeamRemoteProblem, MessageKey> = {
  'url-invalid': 'teamErrorUrlInvalid',
  'url-not-https': 'teamErrorUrlNotHttps',
  'url-credentials': 'teamErrorUrlCredentials',
  'token-missing': 'teamErrorTokenMissing',
  'branch-invalid': 'teamErrorBranchInvalid',
};

const GIT_MESSAGES: Record<TeamGitErrorCode, MessageKey> = {
  unreachable: 'teamErrorUnreachable',
  unauthorized: 'teamErrorUnauthorized',
  forbidden: 'teamErrorForbidden',
  'not-found': 'teamErrorNotFound',
  rejected: 'teamErrorRejected',
  cancelled: 'teamCancelled',
  failed: 'teamErrorFailed',
};

function gitCode(error: unknown): TeamGitErrorCode | undefined {
  return (error as Partial<TeamGitError> | undefined)?.name === 'TeamGitError'
    ? (error as TeamGitError).code
    : undefined;
}

/** The status for a failure: offline when nothing answered, else an error in the user's words. */
function failedStatus(state: OptionsState, error: unknown): TeamStatus {
  const { t } = state.services;
  const code = gitCode(error);
  if (code === undefined) return { state: 'error', text: t('teamErrorFailed') };
  const text = `${t(GIT_MESSAGES[code])} ${t('teamNothingLost')}`;
  return { state: code === 'unreachable' ? 'offline' : 'error', text };
}

/** Reads the stored connection at start; a connected page syncs once it has loaded (syncTeam). */
export async function loadTeam(state: OptionsState): Promise<void> {
  const repos = await state.services.repositories;
  const remote = await repos.team.getRemote();
  state.teamRemote.value = remote;
  if (!remote) return;
  const sync = await repos.team.getSync();
  const { t } = state.services;
  state.teamStatus.value = sync.lastOkAt
    ? { state: 'idle', text: t('teamLastSynced', new Date(sync.lastOkAt).toLocaleString()) }
    : { state: 'idle', text: t('teamNotSyncedYet') };
}

/**
 * Connects: checks the form, asks for the remote origin's host permission (in the click's own task,
 * before anything is awaited), then checks the token and repository with one request and keeps the
 * connection. What is wrong is said in the user's words; nothing is stored until it works.
 */
export function connectTeam(state: OptionsState, config: TeamRemoteConfig): Promise<boolean> {
  const { t } = state.services;
  const trimmed = { url: config.url.trim(), token: config.token.trim(), branch: config.branch.trim() };
  const problems = teamRemoteProblems(trimmed);
  if (problems.length > 0) {
    state.teamStatus.value = {
      state: 'error',
      text: problems.map((problem) => t(PROBLEM_MESSAGES[problem])).join('\n'),
    };
    return Promise.resolve(false);
  }
  const granted = requestTeamAccess(originPattern(trimmed.url));
  return (async () => {
    state.teamStatus.value = { state: 'working', text: t('teamConnecting') };
    if (!(await granted.catch(() => false))) {
      state.teamStatus.value = { state: 'error', text: t('teamErrorPermission') };
      return false;
    }
    try {
      const module = await loadTeamSync();
      const remote = await gitWork(state, () => module.checkRemote(trimmed));
      const repos = await state.services.repositories;
      await repos.team.saveRemote(trimmed);
      state.teamRemote.value = trimmed;
      const branch = remote.branchTip === null ? t('teamBranchNew', trimmed.branch) : '';
      state.teamStatus.value = { state: 'ok', text: `${t('teamConnected')}${branch}` };
    } catch (error) {
      state.teamStatus.value = failedStatus(state, error);
      return false;
    }
    return syncTeam(state);
  })();
}

/** Forgets the connection and its token; the clippings stay. */
export async function disconnectTeam(state: OptionsState): Promise<void> {
  const repos = await state.services.repositories;
  await repos.team.disconnect();
  state.teamRemote.value = null;
  state.teamStatus.value = { state: 'idle', text: state.services.t('teamDisconnected') };
}

let running: Promise<boolean> | null = null;
let again = false;
let cancel: AbortController | null = null;

/** Stops the sync under way; nothing half-written stays (git refs move only after a whole push). */
export function cancelTeamSync(): void {
  cancel?.abort();
}

/**
 * Pushes this member's file and merges everyone's, once at a time: asked again while one runs, it runs
 * once more after it, so the last save always goes out. Offline or failing, nothing is lost: the next
 * sync sends everything that changed since the last one that went through.
 */
export function syncTeam(state: OptionsState): Promise<boolean> {
  if (running) {
    again = true;
    return running;
  }
  // This sync carries every save made so far: an after-save sync still waiting would only repeat it.
  clearTimeout(scheduled);
  running = (async () => {
    let ok = false;
    do {
      again = false;
      ok = await syncOnce(state);
    } while (again && ok);
    running = null;
    return ok;
  })();
  return running;
}

async function syncOnce(state: OptionsState): Promise<boolean> {
  const remote = state.teamRemote.value;
  if (!remote) return false;
  const { t } = state.services;
  const repos = await state.services.repositories;
  if (!(await hasTeamAccess(originPattern(remote.url)).catch(() => false))) {
    state.teamStatus.value = { state: 'error', text: t('teamErrorPermission') };
    return false;
  }
  cancel = new AbortController();
  state.teamStatus.value = { state: 'working', text: t('teamSyncing') };
  try {
    const module = await loadTeamSync();
    // As stored, not as shown: a sync asked for while the page loads must not write an unnamed file.
    const member = (await repos.settings.getNewsletter()).memberName;
    const { signal } = cancel;
    const outcome = await gitWork(state, () =>
      module.runSync({
        repos,
        remote,
        member,
        now: state.services.now,
        signal,
        onProgress: showProgress(state),
      }),
    );
    if (outcome.kind === 'no-issue') {
      state.teamStatus.value = { state: 'ok', text: t('teamNoOpenIssue') };
      return true;
    }
    const { added, updated, mergedNotes, removed } = outcome.counts;
    const parts = [t('teamSynced', new Date(state.services.now()).toLocaleString())];
    if (added + updated + mergedNotes + removed > 0) {
      parts.push(t('teamMerged', [String(added), String(updated), String(mergedNotes), String(removed)]));
    }
    if (outcome.unreadable.length > 0) parts.push(t('teamUnreadable', outcome.unreadable.join('、')));
    state.teamStatus.value = { state: outcome.unreadable.length > 0 ? 'error' : 'ok', text: parts.join(' ') };
    await state.load();
    return true;
  } catch (error) {
    state.teamStatus.value = failedStatus(state, error);
    await repos.team
      .saveSync({ ...(await repos.team.getSync()), lastError: gitCode(error) ?? 'failed' })
      .catch(() => undefined);
    return false;
  } finally {
    cancel = null;
  }
}

/** How long after the last save a connected page syncs: a burst of edits goes out as one commit. */
export const SYNC_AFTER_SAVE_MS = 2000;
let scheduled: ReturnType<typeof setTimeout> | undefined;

/** Syncs a moment after a save, when connected (every save here or in the popup calls this). */
export function scheduleTeamSync(state: OptionsState): void {
  if (!state.teamRemote.value) return;
  clearTimeout(scheduled);
  scheduled = setTimeout(() => void syncTeam(state), SYNC_AFTER_SAVE_MS);
}

/** Whether this member has changes not sent yet, for the status line. */
export async function teamPending(state: OptionsState): Promise<boolean> {
  const repos = await state.services.repositories;
  const [data, sync] = await Promise.all([repos.bulk.readEverything(), repos.team.getSync()]);
  const open = data.issues.find((issue) => issue.status === 'open');
  return hasPendingChanges(
    open,
    data.clippings,
    data.deletions ?? [],
    data.settings.memberName,
    sync.lastOkAt,
  );
}

export interface PublishedBranch {
  branch: string;
  base: string;
  /** The host's page to open a pull request (GitHub, GitLab, Gitea), when the host is known. */
  pullRequest: string | undefined;
}

/** Pushes the issue's article file on a branch named after its slug; gives the pull request link. */
export async function publishToRepository(
  state: OptionsState,
  article: { path: string; text: string; slug: string; title: string },
): Promise<PublishedBranch | null> {
  const remote = state.teamRemote.value;
  if (!remote) return null;
  const { t } = state.services;
  state.teamStatus.value = { state: 'working', text: t('teamPublishing') };
  cancel = new AbortController();
  try {
    const module = await loadTeamSync();
    const member = (await (await state.services.repositories).settings.getNewsletter()).memberName;
    const { signal } = cancel;
    const result = await gitWork(state, () =>
      module.runPublish({
        remote,
        member,
        path: article.path,
        text: article.text,
        branch: article.slug,
        message: article.title,
        signal,
        onProgress: showProgress(state),
      }),
    );
    state.teamStatus.value = { state: 'ok', text: t('teamPublished', [article.path, result.branch]) };
    return { ...result, pullRequest: pullRequestUrl(remote.url, result.base, result.branch) };
  } catch (error) {
    state.teamStatus.value = failedStatus(state, error);
    return null;
  } finally {
    cancel = null;
  }
}
