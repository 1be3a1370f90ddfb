import type { Clipping } from './clipping';
import { compareItemOrder, type Issue } from './issue';
import { compareCodeUnits } from './transfer/json-file';
import { urlMatchKey } from './url';

/**
 * Links that already went out. This Week in Rust lints each draft against its last 25 issues for
 * repeated links (https://github.com/rust-lang/this-week-in-rust); here it is a warning on the item,
 * never a refusal: a page worth a second look may be featured again (issue 10).
 */

/** How many of the latest published issues a link is looked for in. */
export const REPEATED_LINK_ISSUES = 25;

/** One published item with the same URL (compared by `urlMatchKey`), and the issue it went out in. */
export interface RepeatedLink {
  issue: Issue;
  clipping: Clipping;
}

export interface RepeatedLinkIndex {
  /** The published issues looked in, newest first. */
  issues: readonly Issue[];
  /** Where each URL match key went out, newest issue first, then in the issue's order. */
  byKey: ReadonlyMap<string, readonly RepeatedLink[]>;
}

const NONE: readonly RepeatedLink[] = [];

/** Newest first: by number, then date, then id, so that the order never depends on the input's. */
function compareNewestIssue(a: Issue, b: Issue): number {
  return b.number - a.number || compareCodeUnits(b.date, a.date) || compareCodeUnits(a.id, b.id);
}

/** The last `count` published issues, newest first. */
export function recentPublishedIssues(
  issues: readonly Issue[],
  count: number = REPEATED_LINK_ISSUES,
): Issue[] {
  return issues
    .filter((issue) => issue.status === 'published')
    .sort(compareNewestIssue)
    .slice(0, Math.max(0, count));
}

/** The key an item's URL is looked up by; null for an item without one (a Q&A, an announcement). */
export function repeatedLinkKey(clipping: Clipping): string | null {
  return clipping.url.trim() === '' ? null : urlMatchKey(clipping.url);
}

/**
 * Indexes the clippings of the last `count` published issues by URL match key, in one pass over the
 * clippings (each URL keyed once) and one sort of the issues: built once per change of the published
 * data, then asked in O(1) per item (`repeatedLinksOf`). Clippings of any other issue, or of none, are
 * left out.
 */
export function buildRepeatedLinkIndex(
  issues: readonly Issue[],
  clippings: readonly Clipping[],
  count: number = REPEATED_LINK_ISSUES,
): RepeatedLinkIndex {
  const recent = recentPublishedIssues(issues, count);
  const itemsOf = new Map<string, Clipping[]>(recent.map((issue) => [issue.id, []]));
  for (const clipping of clippings) {
    if (clipping.issueId !== null) itemsOf.get(clipping.issueId)?.push(clipping);
  }
  const byKey = new Map<string, RepeatedLink[]>();
  // Issues newest first, each in its own order: every key's list comes out sorted without a sort.
  for (const issue of recent) {
    for (const clipping of (itemsOf.get(issue.id) ?? []).sort(compareItemOrder)) {
      const key = repeatedLinkKey(clipping);
      if (key === null) continue;
      const links = byKey.get(key);
      if (links) links.push({ issue, clipping });
      else byKey.set(key, [{ issue, clipping }]);
    }
  }
  return { issues: recent, byKey };
}

/**
 * Where this item's link already went out, newest issue first; empty for an item without a URL. An
 * issue's own items are never repeats of each other (nor is an item of itself): duplicates within one
 * issue are the team merge's business. `key` is the item's `repeatedLinkKey`, for a caller that keeps
 * it per clipping instead of parsing the URL again on every lookup.
 */
export function repeatedLinksOf(
  index: RepeatedLinkIndex,
  item: Clipping,
  key: string | null = repeatedLinkKey(item),
): readonly RepeatedLink[] {
  const links = key === null ? undefined : index.byKey.get(key);
  if (!links) return NONE;
  const others = links.filter((link) => link.issue.id !== item.issueId && link.clipping.id !== item.id);
  return others.length === links.length ? links : others.length === 0 ? NONE : others;
}
