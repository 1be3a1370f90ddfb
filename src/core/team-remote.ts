import type { Clipping } from './clipping';
import type { Deletion } from './deletion';
import type { Issue } from './issue';

/**
 * The team's git repository as this browser is connected to it (issue 11): stored under its own
 * settings key, never in a backup or an export (the token is this browser's alone).
 */
export interface TeamRemoteConfig {
  /** https, or http to a loopback address; no credentials in it. */
  url: string;
  /** A personal access token with contents read/write; the password of every request. */
  token: string;
  /** The sync branch. */
  branch: string;
}

export const DEFAULT_SYNC_BRANCH = 'weekly-clipper';

export type TeamRemoteProblem =
  | 'url-invalid'
  | 'url-not-https'
  | 'url-credentials'
  | 'token-missing'
  | 'branch-invalid';

/** Whether `url` may be used as a remote: https, or http to a loopback address only, no credentials. */
export function remoteUrlProblem(url: string): TeamRemoteProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'url-invalid';
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) return 'url-not-https';
  return parsed.username !== '' || parsed.password !== '' ? 'url-credentials' : null;
}

/** A branch name git takes (git check-ref-format, the parts that matter for a typed name). */
export function isBranchName(name: string): boolean {
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return false;
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return false;
  return !name.includes('..') && !name.includes('//') && !name.endsWith('.lock') && !name.includes('/.');
}

/** What is wrong with a connection as typed, in the form's order; [] when it can be tried. */
export function teamRemoteProblems(config: TeamRemoteConfig): TeamRemoteProblem[] {
  const problems: TeamRemoteProblem[] = [];
  const url = remoteUrlProblem(config.url);
  if (url) problems.push(url);
  if (config.token.trim() === '') problems.push('token-missing');
  if (!isBranchName(config.branch)) problems.push('branch-invalid');
  return problems;
}

/** A stored connection, or null when none is stored or it is not one. */
export function parseTeamRemote(value: unknown): TeamRemoteConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const { url, token, branch } = value as Record<string, unknown>;
  if (typeof url !== 'string' || typeof token !== 'string' || typeof branch !== 'string') return null;
  const config = { url, token, branch };
  return teamRemoteProblems(config).length === 0 ? config : null;
}

/** The origin pattern the host permission is asked for: only the remote's own origin. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * A link to open a pull request of `branch` into `base`, from the remote's URL: GitHub's and Gitea's
 * (Forgejo's) compare page, GitLab's new merge request. Undefined for a host it cannot tell.
 */
export function pullRequestUrl(remoteUrl: string, base: string, branch: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(remoteUrl);
  } catch {
    return undefined;
  }
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  const root = `${parsed.origin}${path}`;
  const b = encodeURIComponent(base);
  const h = encodeURIComponent(branch);
  if (parsed.hostname === 'github.com' || parsed.hostname.endsWith('.github.com')) {
    return `${root}/compare/${b}...${h}?expand=1`;
  }
  if (parsed.hostname.includes('gitlab')) {
    return `${root}/-/merge_requests/new?merge_request%5Bsource_branch%5D=${h}&merge_request%5Btarget_branch%5D=${b}`;
  }
  // Gitea and Forgejo (and anything else that follows GitHub's path).
  return `${root}/compare/${b}...${h}`;
}

/** The sync state kept beside the connection: when the last sync went through, and how the last ended. */
export interface TeamSyncRecord {
  /** When the last sync that pushed and pulled began (what it pushed was read after this). */
  lastOkAt: number | null;
  /** The last sync's failure, or null when it went through. */
  lastError: string | null;
}

export const NO_SYNC: TeamSyncRecord = { lastOkAt: null, lastError: null };

export function parseTeamSync(value: unknown): TeamSyncRecord {
  if (typeof value !== 'object' || value === null) return NO_SYNC;
  const { lastOkAt, lastError } = value as Record<string, unknown>;
  return {
    lastOkAt: typeof lastOkAt === 'number' && Number.isFinite(lastOkAt) ? lastOkAt : null,
    lastError: typeof lastError === 'string' ? lastError : null,
  };
}

/**
 * Whether this member has changes the remote has not had yet: an own item of the open issue, or an
 * own deletion, newer than the last sync that went through. The queue is the data itself: what goes
 * out is always the whole own file, so nothing marked can be forgotten, and nothing lost offline.
 */
export function hasPendingChanges(
  openIssue: Pick<Issue, 'id'> | undefined,
  clippings: readonly Clipping[],
  deletions: readonly Deletion[],
  member: string,
  lastOkAt: number | null,
): boolean {
  if (!openIssue) return false;
  const since = lastOkAt ?? Number.NEGATIVE_INFINITY;
  const own = (by: string) => by === member || by === '';
  return (
    clippings.some((c) => c.issueId === openIssue.id && own(c.clippedBy) && c.updatedAt >= since) ||
    deletions.some((d) => own(d.deletedBy) && d.deletedAt >= since)
  );
}
