import type { Issue, PublishPlan } from '../core/issue';
import { toClippingRecord } from './clippings';
import type { ClipperDatabase } from './db';
import { STRICT } from './db';

export interface IssueRepository {
  /** The one open issue, if any has been opened yet. */
  getOpen(): Promise<Issue | undefined>;
  /** Every issue, the newest number first. */
  list(): Promise<Issue[]>;
  save(issue: Issue): Promise<void>;
  /** Freezes the issue, opens the next and moves the carried-over clippings, all in one transaction. */
  publish(plan: PublishPlan): Promise<void>;
}

export function createIssueRepository(db: ClipperDatabase): IssueRepository {
  return {
    getOpen: () => db.getFromIndex('issues', 'byStatus', 'open'),
    async list() {
      return (await db.getAll('issues')).sort((a, b) => b.number - a.number || b.createdAt - a.createdAt);
    },
    async save(issue) {
      const tx = db.transaction('issues', 'readwrite', STRICT);
      await Promise.all([tx.store.put(issue), tx.done]);
    },
    async publish({ published, next, carried }) {
      const tx = db.transaction(['issues', 'clippings'], 'readwrite', STRICT);
      const issues = tx.objectStore('issues');
      const clippings = tx.objectStore('clippings');
      // Another page may have published it meanwhile: publishing twice would open two issues.
      if ((await issues.get(published.id))?.status !== 'open') {
        tx.abort();
        throw new Error('This issue is no longer open; it was published elsewhere.');
      }
      await Promise.all([
        issues.put(published),
        issues.put(next),
        ...carried.map((clipping) => clippings.put(toClippingRecord(clipping))),
        tx.done,
      ]);
    },
  };
}
