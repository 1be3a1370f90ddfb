import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/core/category';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { createCategoryRepository } from '../../src/storage/categories';
import { createClippingRepository } from '../../src/storage/clippings';
import type { ClipperDatabase } from '../../src/storage/db';
import { editableFor, openFreshDB } from '../support/database';
import { makeClipping } from '../support/factories';

/** Everything removing a category could touch, to compare before and after. */
async function snapshot(db: ClipperDatabase) {
  return { categories: await db.getAll('categories'), clippings: await db.getAll('clippings') };
}

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

describe('category repository: saveAll', () => {
  it('adds a category', async () => {
    const categories = createCategoryRepository(await openFreshDB());
    const podcasts: Category = { id: 'podcasts', label: '🎙️ ポッドキャスト', order: 5 };
    await categories.saveAll([podcasts]);
    expect(await categories.list()).toEqual([...DEFAULT_CATEGORIES, podcasts]);
  });

  it('renames a category and leaves the others alone', async () => {
    const categories = createCategoryRepository(await openFreshDB());
    await categories.saveAll([{ id: 'tools', label: '🧰 ツール', order: 1 }]);
    const listed = await categories.list();
    expect(listed.find((category) => category.id === 'tools')?.label).toBe('🧰 ツール');
    expect(listed.filter((category) => category.id !== 'tools')).toEqual(
      DEFAULT_CATEGORIES.filter((category) => category.id !== 'tools'),
    );
  });

  it('reorders the categories: the list follows the new orders', async () => {
    const categories = createCategoryRepository(await openFreshDB());
    const reversed = [...DEFAULT_CATEGORIES].reverse().map((category, order) => ({ ...category, order }));
    await categories.saveAll(reversed);
    expect((await categories.list()).map((category) => category.id)).toEqual([
      'books',
      'events',
      'release-notes',
      'tools',
      'notable-articles',
    ]);
  });

  it('adds, renames and reorders in one call', async () => {
    const categories = createCategoryRepository(await openFreshDB());
    await categories.saveAll([
      { id: 'podcasts', label: '🎙️ Podcasts', order: 0.5 },
      { id: 'books', label: '📚 本', order: -1 },
      { id: 'notable-articles', label: '👀 Notable Articles', order: 2.5 },
    ]);
    expect((await categories.list()).map((category) => `${category.id}:${category.label}`)).toEqual([
      'books:📚 本',
      'podcasts:🎙️ Podcasts',
      'tools:🛠️ Tools, Frameworks, Libraries',
      'release-notes:✨ Release Notes',
      'notable-articles:👀 Notable Articles',
      'events:🤝 Events',
    ]);
  });

  it('keeps categories it was not given, and does nothing for an empty list', async () => {
    const categories = createCategoryRepository(await openFreshDB());
    await categories.saveAll([]);
    await categories.saveAll([{ id: 'podcasts', label: 'Podcasts', order: 9 }]);
    expect(await categories.list()).toHaveLength(DEFAULT_CATEGORIES.length + 1);
  });

  it('saves all or none: one category that cannot be stored keeps the others from being saved', async () => {
    const db = await openFreshDB();
    const categories = createCategoryRepository(db);
    const broken = { id: 'broken', label: (() => 'x') as unknown as string, order: 7 };
    await expect(
      categories.saveAll([{ id: 'tools', label: '🧰 ツール', order: 1 }, broken]),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await categories.list()).toEqual([...DEFAULT_CATEGORIES]);
  });

  it('stores copies of the categories it was given', async () => {
    const db = await openFreshDB();
    const category: Category = { id: 'podcasts', label: 'Podcasts', order: 9 };
    await createCategoryRepository(db).saveAll([category]);
    category.label = 'changed afterwards';
    expect(await db.get('categories', 'podcasts')).toEqual({ id: 'podcasts', label: 'Podcasts', order: 9 });
  });
});

describe('category repository: remove', () => {
  const inTools = [
    makeClipping({
      id: 'tool-1',
      url: 'https://example.com/a_b?x=%E3%81%82#top',
      categoryId: 'tools',
      updatedAt: 100,
    }),
    makeClipping({ id: 'tool-2', url: 'https://example.com/c', categoryId: 'tools', updatedAt: 200 }),
  ];
  const inBooks = makeClipping({
    id: 'book-1',
    url: 'https://example.com/book',
    categoryId: 'books',
    updatedAt: 300,
  });

  async function seeded() {
    const db = await openFreshDB();
    await createClippingRepository(db).saveMany([...inTools, inBooks]);
    return { db, categories: createCategoryRepository(db), clippings: createClippingRepository(db) };
  }

  it('moves the clippings to the other category, moves their updatedAt on, and deletes the category', async () => {
    const { db, categories, clippings } = await seeded();
    const before = Date.now();
    await categories.remove('tools', 'books');
    const after = Date.now();

    expect((await categories.list()).map((category) => category.id)).not.toContain('tools');
    expect(await db.get('categories', 'tools')).toBeUndefined();
    for (const original of inTools) {
      const moved = await clippings.get(original.id);
      expect(moved).toStrictEqual({ ...original, categoryId: 'books', updatedAt: moved?.updatedAt });
      expect(moved?.updatedAt).toBeGreaterThanOrEqual(before);
      expect(moved?.updatedAt).toBeLessThanOrEqual(after);
    }
    expect(await clippings.get('book-1')).toStrictEqual(inBooks);
  });

  it('keeps moved clippings findable by URL', async () => {
    const { categories, clippings } = await seeded();
    await categories.remove('tools', 'books');
    expect((await editableFor(clippings, 'https://example.com/a_b?x=%E3%81%82#top'))?.id).toBe('tool-1');
  });

  it('moves updatedAt forward even when the clock is behind the last edit', async () => {
    const { categories, clippings } = await seeded();
    const future = Date.now() + 86_400_000;
    await clippings.save({ ...inBooks, id: 'future', categoryId: 'events', updatedAt: future });
    await categories.remove('events', 'tools');
    expect(await clippings.get('future')).toMatchObject({ categoryId: 'tools', updatedAt: future + 1 });
  });

  it('removes a category without clippings when there is nowhere to move them', async () => {
    const { db, categories } = await seeded();
    const before = await db.getAll('clippings');
    await categories.remove('events', null);
    expect((await categories.list()).map((category) => category.id)).toEqual([
      'notable-articles',
      'tools',
      'release-notes',
      'books',
    ]);
    expect(await db.getAll('clippings')).toStrictEqual(before);
  });

  it('removes a category without clippings whatever moveTo names', async () => {
    const { categories } = await seeded();
    await categories.remove('events', 'no-such-category');
    await categories.remove('release-notes', 'release-notes');
    expect((await categories.list()).map((category) => category.id)).toEqual([
      'notable-articles',
      'tools',
      'books',
    ]);
  });

  it('does nothing for a category that does not exist', async () => {
    const { db, categories } = await seeded();
    const before = await snapshot(db);
    await categories.remove('no-such-category', null);
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it.each([
    ['no category', null],
    ['an unknown category', 'no-such-category'],
    ['the category itself', 'tools'],
  ])('rejects removing a category with clippings into %s, and changes nothing', async (_, moveTo) => {
    const { db, categories } = await seeded();
    const before = await snapshot(db);
    await expect(categories.remove('tools', moveTo)).rejects.toThrow(
      'Category tools still has 2 clippings and no other category to move them to.',
    );
    expect(await snapshot(db)).toStrictEqual(before);
  });
});
