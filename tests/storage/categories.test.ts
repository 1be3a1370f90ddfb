import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/category';
import { createCategoryRepository } from '../../src/storage/categories';
import { openFreshDB } from './fresh-db';

describe('category repository', () => {
  it('lists the five default categories of a fresh database, in order', async () => {
    const categories = createCategoryRepository(await openFreshDB());
    expect(await categories.list()).toEqual([...DEFAULT_CATEGORIES]);
  });

  it('lists stored categories by order, then label', async () => {
    const db = await openFreshDB();
    await db.put('categories', { id: 'podcasts', label: '🎙️ Podcasts', order: -1 });
    await db.put('categories', { id: 'aaa-late', label: 'Zzz', order: 5 });
    await db.put('categories', { id: 'zzz-early', label: 'Aaa', order: 5 });
    await db.delete('categories', 'books');
    const ids = (await createCategoryRepository(db).list()).map((c) => c.id);
    expect(ids).toEqual([
      'podcasts',
      'notable-articles',
      'tools',
      'release-notes',
      'events',
      'zzz-early',
      'aaa-late',
    ]);
  });

  it('lists nothing when every category was deleted', async () => {
    const db = await openFreshDB();
    await db.clear('categories');
    expect(await createCategoryRepository(db).list()).toEqual([]);
  });
});
