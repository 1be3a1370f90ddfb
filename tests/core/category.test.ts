import { describe, expect, it } from 'vitest';
import { type Category, pickCategory, sortCategories } from '../../src/core/category';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';

const category = (id: string, order: number, label = id): Category => ({ id, label, order });

describe('DEFAULT_CATEGORIES', () => {
  it('are the five newsletter sections, in order', () => {
    expect(DEFAULT_CATEGORIES.map((c) => c.id)).toEqual([
      'notable-articles',
      'tools',
      'release-notes',
      'events',
      'books',
    ]);
    expect(DEFAULT_CATEGORIES.map((c) => c.order)).toEqual([0, 1, 2, 3, 4]);
    expect(DEFAULT_CATEGORIES[0]?.label).toBe('👀 Notable Articles');
  });
});

describe('sortCategories', () => {
  it('sorts by order', () => {
    const sorted = sortCategories([category('c', 2), category('a', 0), category('b', 1)]);
    expect(sorted.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('breaks ties in order by label', () => {
    const sorted = sortCategories([
      category('e', 1, 'Events'),
      category('b', 1, 'Books'),
      category('z', 0, 'Zines'),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['z', 'b', 'e']);
  });

  it('handles negative and non-contiguous orders', () => {
    const sorted = sortCategories([category('b', 10), category('a', -1), category('c', 3)]);
    expect(sorted.map((c) => c.id)).toEqual(['a', 'c', 'b']);
  });

  it('returns a new array and leaves its argument alone', () => {
    const input = [category('b', 1), category('a', 0)];
    const sorted = sortCategories(input);
    expect(sorted).not.toBe(input);
    expect(input.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('returns an empty array for no categories', () => {
    expect(sortCategories([])).toEqual([]);
  });
});

describe('pickCategory', () => {
  const categories = [category('tools', 1), category('books', 4), category('notable-articles', 0)];

  it('picks the last used category when it still exists', () => {
    expect(pickCategory(categories, 'books')).toBe('books');
  });

  it('falls back to the first category when the last used one was deleted', () => {
    expect(pickCategory(categories, 'deleted-category')).toBe('notable-articles');
  });

  it('picks the first category when none was used yet', () => {
    expect(pickCategory(categories, undefined)).toBe('notable-articles');
    expect(pickCategory(categories, '')).toBe('notable-articles');
  });

  it('returns undefined when there are no categories', () => {
    expect(pickCategory([], undefined)).toBeUndefined();
    expect(pickCategory([], 'books')).toBeUndefined();
  });

  it('picks the first of the defaults on a fresh install', () => {
    expect(pickCategory(DEFAULT_CATEGORIES, undefined)).toBe('notable-articles');
  });
});
