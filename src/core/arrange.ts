import type { Clipping } from './clipping';
import { compareItemOrder } from './issue';
import { nextUpdatedAt } from './updated-at';

/**
 * Reordering within an issue. Each function takes the items it needs and returns only the clippings
 * whose position changed, ready to be saved together; positions are renumbered 0..n-1 per section.
 */

function renumber(section: readonly Clipping[], now: number): Clipping[] {
  return section.flatMap((item, index) =>
    item.order === index ? [] : [{ ...item, order: index, updatedAt: nextUpdatedAt(item, now) }],
  );
}

/** The items of one issue section (same issue, same category) in order. */
export function sectionItems(items: readonly Clipping[], issueId: string, categoryId: string): Clipping[] {
  return items
    .filter((item) => item.issueId === issueId && item.categoryId === categoryId)
    .sort(compareItemOrder);
}

/** Moves an item to `toIndex` within its section (clamped to the section). */
export function moveWithinSection(
  section: readonly Clipping[],
  id: string,
  toIndex: number,
  now: number,
): Clipping[] {
  const from = section.findIndex((item) => item.id === id);
  if (from === -1) return [];
  const reordered = [...section];
  const [moved] = reordered.splice(from, 1);
  if (!moved) return [];
  reordered.splice(Math.max(0, Math.min(toIndex, reordered.length)), 0, moved);
  return renumber(reordered, now);
}

/** Moves an item up (-1) or down (+1) by one place; nothing changes at either end. */
export function nudge(section: readonly Clipping[], id: string, by: -1 | 1, now: number): Clipping[] {
  const from = section.findIndex((item) => item.id === id);
  if (from === -1 || from + by < 0 || from + by >= section.length) return [];
  return moveWithinSection(section, id, from + by, now);
}

/**
 * Moves an item into another section (category) of the same issue, at `toIndex` (default: the end).
 * The target section is renumbered around it; the source keeps its relative order.
 */
export function moveToSection(
  item: Clipping,
  target: readonly Clipping[],
  categoryId: string,
  now: number,
  toIndex: number = target.length,
): Clipping[] {
  // order -1 is never an index, so renumbering always includes the moved item.
  const moved: Clipping = { ...item, categoryId, order: -1 };
  const others = target.filter((other) => other.id !== item.id);
  others.splice(Math.max(0, Math.min(toIndex, others.length)), 0, moved);
  return renumber(others, now);
}
