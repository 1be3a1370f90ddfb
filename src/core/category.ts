/** A section of the newsletter. The label is the user's own text, emoji included, shown as-is. */
export interface Category {
  id: string;
  label: string;
  /** Position among the categories; lower comes first. */
  order: number;
}

export function sortCategories(categories: readonly Category[]): Category[] {
  return [...categories].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
}

/**
 * The category a new clipping starts in: the last one used if it still exists, else the first.
 * Returns undefined only when there are no categories at all.
 */
export function pickCategory(
  categories: readonly Category[],
  lastUsedId: string | undefined,
): string | undefined {
  if (lastUsedId && categories.some((category) => category.id === lastUsedId)) return lastUsedId;
  return sortCategories(categories)[0]?.id;
}
