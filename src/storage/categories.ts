import { type Category, sortCategories } from '../core/category';
import { nextUpdatedAt } from '../core/updated-at';
import type { ClipperDatabase } from './db';
import { guardTransaction, refusePublished } from './refusals';
import { abortTransaction, commitWrites, STRICT } from './transactions';

export interface CategoryRepository {
  /** All categories in their display order. */
  list(): Promise<Category[]>;
  /** Adds, renames or reorders: writes these categories in one transaction. */
  saveAll(categories: readonly Category[]): Promise<void>;
  /**
   * Deletes a category. Its clippings, if any, move to `moveTo` in the same transaction, so none is
   * ever left pointing at a category that no longer exists.
   */
  remove(id: string, moveTo: string | null): Promise<void>;
}

export function createCategoryRepository(db: ClipperDatabase): CategoryRepository {
  return {
    async list() {
      return sortCategories(await db.getAll('categories'));
    },
    async saveAll(categories) {
      const tx = db.transaction('categories', 'readwrite', STRICT);
      await commitWrites(tx, (write) => {
        for (const category of categories) write(tx.store.put({ ...category }));
      });
    },
    async remove(id, moveTo) {
      const tx = db.transaction(['categories', 'clippings', 'issues'], 'readwrite', STRICT);
      const clippings = tx.objectStore('clippings');
      const all = await clippings.getAll();
      const affected = all.filter((record) => record.categoryId === id);
      // Moving a published item to another category would change that issue's Markdown.
      await guardTransaction(tx, () =>
        refusePublished(
          tx.objectStore('issues'),
          affected.map((record) => record.issueId),
        ),
      );
      if (
        affected.length > 0 &&
        (moveTo === null || moveTo === id || !(await tx.objectStore('categories').get(moveTo)))
      ) {
        abortTransaction(tx);
        throw new Error(
          `Category ${id} still has ${affected.length} clippings and no other category to move them to.`,
        );
      }
      const now = Date.now();
      for (const record of affected) {
        // The URL, and so the record's lookup key, is unchanged: the record is written back as it is.
        await clippings.put({
          ...record,
          categoryId: moveTo as string,
          updatedAt: nextUpdatedAt(record, now),
        });
      }
      await tx.objectStore('categories').delete(id);
      await tx.done;
    },
  };
}
