import { type Category, sortCategories } from '../core/category';
import type { ClipperDatabase } from './db';

export interface CategoryRepository {
  /** All categories in their display order. */
  list(): Promise<Category[]>;
}

export function createCategoryRepository(db: ClipperDatabase): CategoryRepository {
  return {
    async list() {
      return sortCategories(await db.getAll('categories'));
    },
  };
}
