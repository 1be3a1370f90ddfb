import { type Category, sortCategories } from './category';
import { type Clipping, compareNewestFirst } from './clipping';

export interface ClippingGroup {
  /** Undefined for clippings whose category no longer exists: they are shown, never hidden. */
  category: Category | undefined;
  clippings: Clipping[];
}

/**
 * Clippings grouped by category in the categories' order, newest first within each group; empty
 * categories are kept (so they can be shown as empty), unknown categories gathered last.
 */
export function groupByCategory(
  clippings: readonly Clipping[],
  categories: readonly Category[],
): ClippingGroup[] {
  const groups = sortCategories(categories).map((category): ClippingGroup => ({ category, clippings: [] }));
  const byId = new Map(groups.map((group) => [group.category?.id, group]));
  const orphans: Clipping[] = [];
  for (const clipping of [...clippings].sort(compareNewestFirst)) {
    const group = byId.get(clipping.categoryId);
    if (group) group.clippings.push(clipping);
    else orphans.push(clipping);
  }
  if (orphans.length > 0) groups.push({ category: undefined, clippings: orphans });
  return groups;
}
