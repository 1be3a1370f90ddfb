import { type Clipping, type ClippingFields, compareNewestFirst } from '../core/clipping';
import { sameFields } from '../core/draft';
import { recordPublishedEdit } from '../core/issue';
import { toClipping, toClippingRecord } from './clipping-record';
import type { ClipperDatabase } from './db';
import { type PageClippings, readPageClippings } from './page-clippings';
import { guardTransaction, refusePublished } from './refusals';
import { commitWrites, STRICT } from './transactions';

export { toClipping, toClippingRecord } from './clipping-record';
export type { PageClippings } from './page-clippings';

export interface ClippingRepository {
  get(id: string): Promise<Clipping | undefined>;
  /**
   * The clippings of a page, for the popup, its URL compared without tracking parameters and fragment:
   * the one it edits (the most recently edited match not in a published issue; several match only when
   * merged in from elsewhere) and the newest match that was published, with its issue. One transaction.
   */
  findForPage(url: string): Promise<PageClippings>;
  /** Every clipping, newest first. */
  list(): Promise<Clipping[]>;
  /** The clippings of one issue (any order), read by index: what the options page shows at start. */
  listByIssue(issueId: string): Promise<Clipping[]>;
  /** Those of `ids` that are stored, in one transaction (an id deleted meanwhile is left out). */
  getMany(ids: readonly string[]): Promise<Clipping[]>;
  /** How many clippings wait in the backlog (no issue), counted without reading them. */
  countBacklog(): Promise<number>;
  /** Inserts or replaces the clipping with this id. */
  save(clipping: Clipping): Promise<void>;
  /** Inserts or replaces several clippings in one transaction (a reorder, a move): all or none. */
  saveMany(clippings: readonly Clipping[]): Promise<void>;
  /**
   * Applies an edit only if the stored clipping's edited fields (title, URL, note, category) are still
   * those the edit started from; checked and written in one transaction. Otherwise writes nothing and
   * returns the stored version (undefined if it was deleted), so a later save never silently overwrites
   * another page's edit. A reorder elsewhere changes no edited field and is no conflict.
   */
  updateIfUnchanged(
    id: string,
    base: ClippingFields,
    revise: (stored: Clipping) => Clipping,
    options?: PublishedEditOption,
  ): Promise<{ ok: true; saved: Clipping } | { ok: false; current: Clipping | undefined }>;
  remove(id: string): Promise<void>;
}

/**
 * Every write of the repository refuses (PublishedIssueError) to change, remove or move in a clipping of
 * a published issue. `afterPublish` is the one way past: an edit the user confirmed in the archive,
 * recorded on the issue (`editedAfterPublish`) in the same transaction.
 */
export interface PublishedEditOption {
  afterPublish?: number;
}

export function createClippingRepository(db: ClipperDatabase): ClippingRepository {
  async function saveMany(clippings: readonly Clipping[]): Promise<void> {
    const tx = db.transaction(['clippings', 'issues'], 'readwrite', STRICT);
    const store = tx.objectStore('clippings');
    await guardTransaction(tx, async () => {
      const before = await Promise.all(clippings.map((clipping) => store.get(clipping.id)));
      const touched = [...before.map((record) => record?.issueId), ...clippings.map((c) => c.issueId)];
      await refusePublished(tx.objectStore('issues'), touched);
    });
    await commitWrites(tx, (write) => {
      for (const clipping of clippings) write(store.put(toClippingRecord(clipping)));
    });
  }

  return {
    async get(id) {
      const record = await db.get('clippings', id);
      return record && toClipping(record);
    },
    async findForPage(url) {
      const tx = db.transaction(['clippings', 'issues'], 'readonly');
      const [found] = await Promise.all([
        readPageClippings(tx.objectStore('clippings'), tx.objectStore('issues'), url),
        tx.done,
      ]);
      return found;
    },
    async list() {
      const records = await db.getAllFromIndex('clippings', 'byCreatedAt');
      // The index orders ties by id ascending, reversed to descending; sort with the core's order so
      // clippings made in the same millisecond are listed the same way everywhere.
      return records.map(toClipping).sort(compareNewestFirst);
    },
    async listByIssue(issueId) {
      return (await db.getAllFromIndex('clippings', 'byIssueId', issueId)).map(toClipping);
    },
    async getMany(ids) {
      const tx = db.transaction('clippings', 'readonly');
      const records = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return records.flatMap((record) => (record ? [toClipping(record)] : []));
    },
    async countBacklog() {
      // A null issueId is no valid IndexedDB key, so byIssueId holds exactly the clippings in an issue.
      const tx = db.transaction('clippings', 'readonly');
      const [all, placed] = await Promise.all([tx.store.count(), tx.store.index('byIssueId').count()]);
      await tx.done;
      return all - placed;
    },
    save: (clipping) => saveMany([clipping]),
    saveMany,
    async updateIfUnchanged(id, base, revise, { afterPublish } = {}) {
      const tx = db.transaction(['clippings', 'issues'], 'readwrite', STRICT);
      const store = tx.objectStore('clippings');
      const issues = tx.objectStore('issues');
      const record = await store.get(id);
      const stored = record && toClipping(record);
      if (!stored || !sameFields(stored, base)) {
        await tx.done;
        return { ok: false, current: stored };
      }
      const saved = revise(stored);
      const frozen = stored.issueId === null ? undefined : await issues.get(stored.issueId);
      const editsPublished = afterPublish !== undefined && frozen?.status === 'published';
      await guardTransaction(tx, () =>
        // The confirmed edit may change the item, not take it out of its issue or into another.
        editsPublished && saved.issueId === stored.issueId
          ? Promise.resolve()
          : refusePublished(issues, [stored.issueId, saved.issueId]),
      );
      await commitWrites(tx, (write) => {
        write(store.put(toClippingRecord(saved)));
        if (editsPublished && frozen) write(issues.put(recordPublishedEdit(frozen, afterPublish)));
      });
      return { ok: true, saved };
    },
    async remove(id) {
      const tx = db.transaction(['clippings', 'issues'], 'readwrite', STRICT);
      const store = tx.objectStore('clippings');
      await guardTransaction(tx, async () =>
        refusePublished(tx.objectStore('issues'), [(await store.get(id))?.issueId]),
      );
      await Promise.all([store.delete(id), tx.done]);
    },
  };
}
