import type { Issue, PublishPlan } from '../core/issue';
import { toClippingRecord } from './clipping-record';
import type { ClipperDatabase } from './db';
import { resolveOpenIssue } from './open-issue';
import { guardTransaction, refusePublished } from './refusals';
import { abortTransaction, commitWrites, STRICT } from './transactions';

export { resolveOpenIssue } from './open-issue';

export interface IssueRepository {
  /** The one open issue, if any has been opened yet. */
  getOpen(): Promise<Issue | undefined>;
  /** Every issue, the newest number first. */
  list(): Promise<Issue[]>;
  /** Refuses (PublishedIssueError) to change an issue that is published. */
  save(issue: Issue): Promise<void>;
  get(id: string): Promise<Issue | undefined>;
  /** The open issue, opened now if there is none (see `resolveOpenIssue`). */
  ensureOpen(candidate: Issue): Promise<Issue>;
  /** Freezes the issue, opens the next and moves the carried-over clippings, all in one transaction. */
  publish(plan: PublishPlan): Promise<void>;
}

/** Issues the newest number first (and the newest made first within a number), as `list` gives them. */
export function newestFirst(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => b.number - a.number || b.createdAt - a.createdAt);
}

export function createIssueRepository(db: ClipperDatabase): IssueRepository {
  return {
    getOpen: () => db.getFromIndex('issues', 'byStatus', 'open'),
    list: async () => newestFirst(await db.getAll('issues')),
    get: (id) => db.get('issues', id),
    async save(issue) {
      const tx = db.transaction('issues', 'readwrite', STRICT);
      await guardTransaction(tx, () => refusePublished(tx.store, [issue.id]));
      await Promise.all([tx.store.put(issue), tx.done]);
    },
    async ensureOpen(candidate) {
      const tx = db.transaction(['issues'], 'readwrite', STRICT);
      const [open] = await Promise.all([resolveOpenIssue(tx.objectStore('issues'), candidate), tx.done]);
      return open;
    },
    async publish({ published, next, carried }) {
      const tx = db.transaction(['issues', 'clippings'], 'readwrite', STRICT);
      const issues = tx.objectStore('issues');
      const clippings = tx.objectStore('clippings');
      // Another page may have published it meanwhile: publishing twice would open two issues.
      if ((await issues.get(published.id))?.status !== 'open') {
        abortTransaction(tx);
        throw new Error('This issue is no longer open; it was published elsewhere.');
      }
      await commitWrites(tx, (write) => {
        write(issues.put(published));
        write(issues.put(next));
        for (const clipping of carried) write(clippings.put(toClippingRecord(clipping)));
      });
    },
  };
}
