import { type Category, sortCategories } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import { type NewsletterSettings, parseNewsletterSettings } from '../core/settings';
import { toClipping } from './clipping-record';
import type { ClipperDatabase } from './db';
import { newestFirst } from './issues';
import { NEWSLETTER_KEY } from './settings';

/** What the options page shows when it opens on the open issue. */
export interface IssueStart {
  categories: Category[];
  /** Every issue, the newest first. */
  issues: Issue[];
  settings: NewsletterSettings;
  /** The open issue's clippings (none when no issue is open). */
  clippings: Clipping[];
}

/**
 * Reads what the options page shows of the open issue in one read-only transaction: the categories,
 * the issues, the newsletter settings and, by index, the open issue's clippings (asked as soon as the
 * open issue is known, in the same transaction). Issue 8: one transaction instead of five, as the
 * popup's start-up does (popup-start.ts).
 */
export async function readIssueStart(db: ClipperDatabase): Promise<IssueStart> {
  const tx = db.transaction(['categories', 'issues', 'settings', 'clippings'], 'readonly');
  const clippings = tx
    .objectStore('issues')
    .index('byStatus')
    .get('open')
    .then((open) => (open ? tx.objectStore('clippings').index('byIssueId').getAll(open.id) : []));
  const [categories, issues, settings, records] = await Promise.all([
    tx.objectStore('categories').getAll(),
    tx.objectStore('issues').getAll(),
    tx.objectStore('settings').get(NEWSLETTER_KEY),
    clippings,
    tx.done,
  ]);
  return {
    categories: sortCategories(categories),
    issues: newestFirst(issues),
    settings: parseNewsletterSettings(settings?.value),
    clippings: records.map(toClipping),
  };
}
