import type { GitHttpRequest, HttpClient, PromiseFsClient, TreeEntry } from 'isomorphic-git';
import * as git from 'isomorphic-git';
import web from 'isomorphic-git/http/web';
import { remoteUrlProblem } from '../core/team-remote';

/**
 * The team's git repository over smart HTTP (issue 11), with isomorphic-git: no server of our own, no
 * CORS proxy (an extension page with the host permission for the remote's origin fetches it directly).
 * Only what a sync needs is fetched: the one branch, at depth 1. Objects are written to a bare git
 * directory in `fs` (kept between syncs by the caller), and trees are built directly (no work tree).
 *
 * The token goes only into the Authorization header of requests to the remote (`onAuth`), never into
 * a URL, so it is in no error message, log or URL that the caller may show.
 */

export interface TeamRemote {
  /** https (or loopback http, for tests and local servers), without credentials. */
  url: string;
  token: string;
  /** The sync branch (default `weekly-clipper`), an orphan branch that never touches the articles. */
  branch: string;
}

export type TeamGitErrorCode =
  /** Nothing answered: offline, DNS, refused, TLS, or the connection dropped mid-request. */
  | 'unreachable'
  /** 401: the token is wrong or expired. */
  | 'unauthorized'
  /** 403: the token may not read or write this repository. */
  | 'forbidden'
  /** 404: no such repository (or, to a token that may not see it, one that looks absent). */
  | 'not-found'
  /** Pushes kept losing the race to other members' pushes. */
  | 'rejected'
  | 'cancelled'
  /** Anything else the server said (its HTTP status in `status`). */
  | 'failed';

/** A failure to say to the user; its message names the code and status only, never the token. */
export class TeamGitError extends Error {
  constructor(
    readonly code: TeamGitErrorCode,
    readonly status?: number,
  ) {
    super(status === undefined ? `team git: ${code}` : `team git: ${code} (HTTP ${status})`);
    this.name = 'TeamGitError';
  }
}

/** isomorphic-git's progress: a phase (`Receiving objects`, `Compressing objects`) and counts. */
export interface GitProgress {
  phase: string;
  loaded: number;
  total?: number;
}

export interface GitPlace {
  fs: PromiseFsClient;
  /** The bare git directory in `fs`, one per remote. */
  gitdir: string;
  /** The HTTP client; by default isomorphic-git's fetch client. */
  http?: HttpClient;
  onProgress?: (progress: GitProgress) => void;
  signal?: AbortSignal;
}

/** Whether `url` may be used as a remote: https, or http to a loopback address only (core/team-remote.ts). */
export function isAllowedRemote(url: string): boolean {
  return remoteUrlProblem(url) === null;
}

const AUTHOR_EMAIL_DOMAIN = 'users.weekly-clipper.invalid';

/** A commit's author (and committer): the member's name, now, an address that goes nowhere. */
function authorOf(member: string) {
  const name = member || 'member';
  return {
    name,
    email: `member@${AUTHOR_EMAIL_DOMAIN}`,
    timestamp: Math.floor(Date.now() / 1000),
    timezoneOffset: 0,
  };
}

function client(place: GitPlace): HttpClient {
  const http = place.http ?? web;
  const { signal } = place;
  return {
    request: (request: GitHttpRequest) => {
      if (signal?.aborted) throw new TeamGitError('cancelled');
      // No cookies and no HTTP auth of the browser's own: a 401 comes back to isomorphic-git (onAuth)
      // instead of opening the browser's sign-in dialog, which an extension page would wait on forever.
      const fetchOptions = { credentials: 'omit' as const };
      return http.request({ ...request, signal, fetchOptions } as GitHttpRequest);
    },
  };
}

/** The isomorphic-git options every network call shares. */
function remoteOptions(place: GitPlace, remote: TeamRemote) {
  if (!isAllowedRemote(remote.url)) throw new TeamGitError('failed');
  const basic = String.fromCharCode(...encoder.encode(`x-access-token:${remote.token}`));
  return {
    http: client(place),
    url: remote.url,
    // Sent from the first request, so a right token never meets a 401 (which the browser logs).
    headers: { Authorization: `Basic ${btoa(basic)}` },
    // The token as the password (GitHub, GitLab and Gitea all take a personal access token this way).
    onAuth: () => ({ username: 'x-access-token', password: remote.token }),
    // A rejected token is reported, not asked again.
    onAuthFailure: () => ({ cancel: true }),
    onProgress: place.onProgress,
  };
}

/** The failure as one of the codes the user is told about; the original error is not kept. */
export function teamGitError(error: unknown, signal?: AbortSignal): TeamGitError {
  if (error instanceof TeamGitError) return error;
  if (signal?.aborted) return new TeamGitError('cancelled');
  const { code, data } = (error ?? {}) as { code?: string; data?: { statusCode?: number } };
  const status = data?.statusCode;
  if (code === 'HttpError' && status !== undefined) {
    if (status === 401) return new TeamGitError('unauthorized', status);
    if (status === 403) return new TeamGitError('forbidden', status);
    if (status === 404) return new TeamGitError('not-found', status);
    return new TeamGitError('failed', status);
  }
  // isomorphic-git cancels after onAuthFailure said to: the token was refused.
  if (code === 'UserCanceledError') return new TeamGitError('unauthorized', 401);
  if (code === 'PushRejectedError') return new TeamGitError('rejected');
  // fetch() itself failing (a TypeError: offline, refused, TLS), a connection dropped mid-answer, an
  // answer cut short. Anything else is a failure of its own, not to be called a network one.
  if (
    error instanceof TypeError ||
    code === 'SmartHttpError' ||
    code === 'ParseError' ||
    code === 'EmptyServerResponseError'
  ) {
    return new TeamGitError('unreachable');
  }
  return new TeamGitError('failed');
}

async function guarded<T>(place: GitPlace, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw teamGitError(error, place.signal);
  }
}

export interface RemoteState {
  /** The sync branch's tip, or null when no member has synced yet. */
  branchTip: string | null;
  /** The repository's default branch (HEAD), e.g. `main`, or null for an empty repository. */
  defaultBranch: string | null;
  /** Every branch's tip, by name. */
  branches: Record<string, string>;
}

/** One request: whether the remote answers to the token, and what its branches are. */
export function readRemote(place: GitPlace, remote: TeamRemote): Promise<RemoteState> {
  return guarded(place, async () => {
    const { http, url, headers, onAuth, onAuthFailure } = remoteOptions(place, remote);
    const info = await git.getRemoteInfo({ http, url, headers, onAuth, onAuthFailure });
    const branches = (info.heads ?? info.refs?.heads ?? {}) as Record<string, string>;
    const head = typeof info.HEAD === 'string' ? info.HEAD.replace(/^refs\/heads\//, '') : null;
    return {
      branchTip: branches[remote.branch] ?? null,
      defaultBranch: head ?? (branches.main ? 'main' : null),
      branches,
    };
  });
}

/** The bare git directory, with the remote as `origin` (fetch needs its refspec). */
async function ensureGitdir(place: GitPlace, remote: TeamRemote): Promise<void> {
  const { fs, gitdir } = place;
  await git.init({ fs, gitdir, bare: true, defaultBranch: 'main' });
  await git.addRemote({ fs, gitdir, remote: 'origin', url: remote.url, force: true });
}

/** Fetches one branch at depth 1 and gives its tip (its tree and blobs are then here). */
async function fetchBranch(place: GitPlace, remote: TeamRemote, branch: string): Promise<string> {
  const options = remoteOptions(place, remote);
  const result = await git.fetch({
    fs: place.fs,
    gitdir: place.gitdir,
    ...options,
    ref: branch,
    singleBranch: true,
    depth: 1,
    tags: false,
  });
  if (!result.fetchHead) throw new TeamGitError('not-found');
  return result.fetchHead;
}

async function readTreeAt(place: GitPlace, oid: string | null): Promise<TreeEntry[]> {
  if (oid === null) return [];
  return (await git.readTree({ fs: place.fs, gitdir: place.gitdir, oid })).tree;
}

/** The tree under `path` (`clips/2023-09-15`) of the commit's tree, or [] when there is none. */
async function subtree(place: GitPlace, root: string | null, path: string[]): Promise<TreeEntry[]> {
  let entries = await readTreeAt(place, root);
  for (const name of path) {
    const next = entries.find((entry) => entry.path === name && entry.type === 'tree');
    if (!next) return [];
    entries = await readTreeAt(place, next.oid);
  }
  return entries;
}

/** Writes `tree` with `path` set to the blob `blob`, every tree on the way rewritten; gives its oid. */
async function withFile(place: GitPlace, tree: string | null, path: string[], blob: string): Promise<string> {
  const [name, ...rest] = path;
  if (name === undefined) throw new Error('empty path');
  const entries = (await readTreeAt(place, tree)).filter((entry) => entry.path !== name);
  const existing = (await readTreeAt(place, tree)).find((entry) => entry.path === name);
  const entry: TreeEntry =
    rest.length === 0
      ? { mode: '100644', path: name, oid: blob, type: 'blob' }
      : {
          mode: '040000',
          path: name,
          oid: await withFile(place, existing?.type === 'tree' ? existing.oid : null, rest, blob),
          type: 'tree',
        };
  return git.writeTree({ fs: place.fs, gitdir: place.gitdir, tree: [...entries, entry] });
}

async function treeOf(place: GitPlace, commit: string): Promise<string> {
  return (await git.readCommit({ fs: place.fs, gitdir: place.gitdir, oid: commit })).commit.tree;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export interface MemberFileSync {
  /** The folder of the member files, `clips/2023-09-15`. */
  folder: string;
  /** This member's file in it: its name and the text it should hold. */
  own: { name: string; text: string };
  /** The member's name, as the commit's author. */
  member: string;
  message: string;
  /** Pushes that lose a race are rebuilt on the new tip this many times in all (never forced). */
  attempts?: number;
}

export interface MemberFileSyncResult {
  /** Every member file of the folder after the sync, this member's included: name → text. */
  files: Map<string, string>;
  /** Whether a commit was pushed (false: the remote already had this member's file as it is). */
  pushed: boolean;
}

/**
 * Pushes this member's file and reads everyone's: fetches the sync branch (depth 1), writes the file
 * onto its tip as one commit, and pushes. A push that lost a race to another member's is rebuilt on
 * the new tip and tried again, up to `attempts` times; it only ever changes this member's own file, so
 * nothing of another member's is lost or forced over.
 */
export function syncMemberFile(
  place: GitPlace,
  remote: TeamRemote,
  sync: MemberFileSync,
): Promise<MemberFileSyncResult> {
  return guarded(place, async () => {
    await ensureGitdir(place, remote);
    const path = [...sync.folder.split('/'), sync.own.name];
    const folderPath = sync.folder.split('/');
    const attempts = sync.attempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      const { branchTip } = await readRemote(place, remote);
      const tip = branchTip === null ? null : await fetchBranch(place, remote, remote.branch);
      const rootTree = tip === null ? null : await treeOf(place, tip);
      const blob = await git.writeBlob({
        fs: place.fs,
        gitdir: place.gitdir,
        blob: encoder.encode(sync.own.text),
      });
      const folder = await subtree(place, rootTree, folderPath);
      const current = folder.find((entry) => entry.path === sync.own.name);
      if (current?.oid === blob) return { files: await readFiles(place, folder), pushed: false };
      const tree = await withFile(place, rootTree, path, blob);
      const author = authorOf(sync.member);
      const commit = await git.writeCommit({
        fs: place.fs,
        gitdir: place.gitdir,
        commit: { tree, parent: tip === null ? [] : [tip], author, committer: author, message: sync.message },
      });
      const pushed = await pushCommit(place, remote, remote.branch, commit);
      if (pushed) {
        const after = await subtree(place, tree, folderPath);
        return { files: await readFiles(place, after), pushed: true };
      }
      if (attempt >= attempts) throw new TeamGitError('rejected');
    }
  });
}

async function readFiles(place: GitPlace, entries: TreeEntry[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (entry.type !== 'blob') continue;
    const { blob } = await git.readBlob({ fs: place.fs, gitdir: place.gitdir, oid: entry.oid });
    files.set(entry.path, decoder.decode(blob));
  }
  return files;
}

/** Pushes `commit` as `branch`; false when another push got there first (to be rebuilt and retried). */
async function pushCommit(
  place: GitPlace,
  remote: TeamRemote,
  branch: string,
  commit: string,
): Promise<boolean> {
  const ref = `refs/heads/${branch}`;
  await git.writeRef({ fs: place.fs, gitdir: place.gitdir, ref, value: commit, force: true });
  try {
    const result = await git.push({
      fs: place.fs,
      gitdir: place.gitdir,
      ...remoteOptions(place, remote),
      ref,
      remoteRef: ref,
      signal: place.signal,
    });
    if (result.ok) return true;
    const refused = Object.values(result.refs ?? {}).some((status) => !status.ok);
    if (refused) return false;
    throw new TeamGitError('failed');
  } catch (error) {
    // Refused as not a fast-forward (the remote moved on), or accepted but its ref not updated (git
    // lost the race for the ref's lock to another push of the same moment): rebuilt and tried again.
    const { code } = error as { code?: string };
    if (code === 'PushRejectedError' || code === 'GitPushError') return false;
    throw error;
  }
}

export interface ArticlePublish {
  /** `articles/neco-weekly-2023-09-15.md` */
  path: string;
  text: string;
  /** The new branch, named after the slug. */
  branch: string;
  member: string;
  message: string;
}

export interface ArticlePublishResult {
  /** The branch the article is on, and the branch it is to be merged into. */
  branch: string;
  base: string;
  commit: string;
}

/**
 * Writes the article file as a commit on `branch`, based on the repository's default branch (or on
 * `branch` itself, when an earlier publish of this issue made it), and pushes it. The default
 * branch's tip is fetched at depth 1: its whole tree comes down (a Zenn repository's images
 * included), but none of its history.
 */
export function publishArticle(
  place: GitPlace,
  remote: TeamRemote,
  article: ArticlePublish,
): Promise<ArticlePublishResult> {
  return guarded(place, async () => {
    await ensureGitdir(place, remote);
    const state = await readRemote(place, remote);
    const base = state.defaultBranch;
    if (base === null) throw new TeamGitError('not-found');
    const from = state.branches[article.branch] ? article.branch : base;
    const tip = await fetchBranch(place, remote, from);
    const rootTree = await treeOf(place, tip);
    const blob = await git.writeBlob({
      fs: place.fs,
      gitdir: place.gitdir,
      blob: encoder.encode(article.text),
    });
    const tree = await withFile(place, rootTree, article.path.split('/'), blob);
    if (tree === rootTree && from === article.branch) return { branch: article.branch, base, commit: tip };
    const author = authorOf(article.member);
    const commit = await git.writeCommit({
      fs: place.fs,
      gitdir: place.gitdir,
      commit: { tree, parent: [tip], author, committer: author, message: article.message },
    });
    if (!(await pushCommit(place, remote, article.branch, commit))) throw new TeamGitError('rejected');
    return { branch: article.branch, base, commit };
  });
}
