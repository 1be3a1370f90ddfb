import type { IDBPObjectStore, StoreNames } from 'idb';
import { followingIssue, type Issue, openIssue } from '../core/issue';
import type { ClipperDB } from './schema';

// Apart from issues.ts so that the popup's save (commit-clip.ts) loads only this.

/** The issues store inside any read-write transaction that includes it. */
type WritableIssues<Stores extends StoreNames<ClipperDB>[]> = IDBPObjectStore<
  ClipperDB,
  Stores,
  'issues',
  'readwrite'
>;

/**
 * The open issue, opening one inside the caller's transaction when there is none: after the latest
 * published issue if any (next number, a week later), else `candidate` (a fresh install's 第1回).
 */
export async function resolveOpenIssue<Stores extends StoreNames<ClipperDB>[]>(
  issues: WritableIssues<Stores>,
  candidate: Issue,
): Promise<Issue> {
  const open = await issues.index('byStatus').get('open');
  if (open) return open;
  const latest = (await issues.getAll()).sort((a, b) => b.number - a.number)[0];
  const opened = latest ? openIssue(candidate.id, followingIssue(latest), candidate.createdAt) : candidate;
  await issues.put(opened);
  return opened;
}
