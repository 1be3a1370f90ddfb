import './buffer-global';
import FS from '@isomorphic-git/lightning-fs';
import type { Issue } from '../core/issue';
import { createMemberFile, issueFolder, parseMemberFile } from '../core/sync/member-file';
import type { TeamRemoteConfig } from '../core/team-remote';
import { memberSlug, type TeamFile } from '../core/transfer/team-file';
import { planTeamMerge, type TeamMergeCounts } from '../core/transfer/team-merge';
import {
  type GitPlace,
  type GitProgress,
  publishArticle,
  type RemoteState,
  readRemote,
  syncMemberFile,
} from '../platform/team-git';
import type { Repositories } from '../storage/repositories';

/**
 * The team sync (issue 11), shared by the two places that run it: the options page, in a chunk of its
 * own loaded only once this browser is connected, and the background, which pushes a popup's save when
 * no options page is open (src/background/team-sync.ts). The git objects are kept in this browser
 * (LightningFS, an IndexedDB of its own, one for the extension's origin), so a sync fetches only what is new.
 */

let files: FS | undefined;

/** Where the git objects are kept: by default this browser's LightningFS; tests pass a folder of theirs. */
export interface GitFiles {
  fs: GitPlace['fs'];
  /** The folder the git directories are made in. */
  root: string;
}

function browserFiles(): GitFiles {
  files ??= new FS('weekly-clipper-git');
  return { fs: files, root: '' };
}

function placeFor(
  remote: TeamRemoteConfig,
  onProgress?: (p: GitProgress) => void,
  signal?: AbortSignal,
  where?: GitFiles,
): GitPlace {
  const { fs, root } = where ?? browserFiles();
  // One bare git directory per remote URL, named from it without anything a path could take apart.
  const gitdir = `${root}/${remote.url.replace(/[^A-Za-z0-9._-]+/g, '_')}.git`;
  return { fs, gitdir, onProgress, signal };
}

/** One request: the token works, the repository is there; its branches. */
export function checkRemote(remote: TeamRemoteConfig, signal?: AbortSignal): Promise<RemoteState> {
  return readRemote(placeFor(remote, undefined, signal), remote);
}

export interface SyncRun {
  repos: Repositories;
  remote: TeamRemoteConfig;
  member: string;
  now(): number;
  onProgress?: (progress: GitProgress) => void;
  signal?: AbortSignal;
  files?: GitFiles;
}

export type SyncOutcome =
  | { kind: 'no-issue' }
  | {
      kind: 'synced';
      issue: Pick<Issue, 'number' | 'date'>;
      /** Whether this member's file changed on the remote. */
      pushed: boolean;
      counts: TeamMergeCounts;
      /** Other members' files that could not be read, by file name; nothing was taken from them. */
      unreadable: string[];
      /** The members whose files were read. */
      members: string[];
    };

/**
 * Pushes this member's file of the open issue and merges everyone else's into it. The database is read
 * again after the network part, so what was typed meanwhile is merged with, not over. A failure throws
 * a TeamGitError and changes nothing here: what was to go out goes out with the next sync.
 */
export async function runSync({
  repos,
  remote,
  member,
  now,
  onProgress,
  signal,
  files: where,
}: SyncRun): Promise<SyncOutcome> {
  const startedAt = now();
  const before = await repos.bulk.readEverything();
  const issue = before.issues.find((candidate) => candidate.status === 'open');
  if (!issue) return { kind: 'no-issue' };
  const ownName = `${memberSlug(member)}.jsonl`;
  const text = createMemberFile({
    issue,
    clippings: before.clippings,
    categories: before.categories,
    deletions: before.deletions ?? [],
    member,
  });
  const result = await syncMemberFile(placeFor(remote, onProgress, signal, where), remote, {
    folder: issueFolder(issue),
    own: { name: ownName, text },
    member,
    message: `${member || 'member'}: 第${issue.number}回 (${issue.date}号) のクリップ`,
  });
  const incoming: TeamFile[] = [];
  const unreadable: string[] = [];
  for (const [name, content] of result.files) {
    if (name === ownName) continue;
    const parsed = parseMemberFile(content);
    if (parsed.ok) incoming.push(parsed.file);
    else unreadable.push(name);
  }
  const current = await repos.bulk.readEverything();
  const plan = planTeamMerge(
    {
      openIssue: issue,
      clippings: current.clippings,
      categories: current.categories,
      deletions: current.deletions,
    },
    incoming,
  );
  await repos.bulk.writeRecords({
    clippings: [...plan.add, ...plan.update],
    categories: plan.addCategories,
    deletions: plan.deletions,
    removeClippings: plan.remove,
  });
  await repos.team.saveSync({ lastOkAt: startedAt, lastError: null });
  return {
    kind: 'synced',
    issue: { number: issue.number, date: issue.date },
    pushed: result.pushed,
    counts: plan.counts,
    unreadable,
    members: incoming.map((file) => file.member),
  };
}

export interface PublishRun {
  remote: TeamRemoteConfig;
  member: string;
  /** `articles/{slug}.md` and its text, the branch named after the slug. */
  path: string;
  text: string;
  branch: string;
  message: string;
  onProgress?: (progress: GitProgress) => void;
  signal?: AbortSignal;
}

/** Pushes the article file on its own branch; gives the branch and the one it is to be merged into. */
export function runPublish(run: PublishRun) {
  return publishArticle(placeFor(run.remote, run.onProgress, run.signal), run.remote, {
    path: run.path,
    text: run.text,
    branch: run.branch,
    member: run.member,
    message: run.message,
  });
}
