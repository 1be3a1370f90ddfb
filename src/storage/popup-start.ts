import { type Category, sortCategories } from '../core/category';
import type { Draft } from '../core/draft';
import type { Issue } from '../core/issue';
import type { ClipperDatabase } from './db';
import { type PageClippings, readPageClippings } from './page-clippings';
import { LAST_CATEGORY_KEY, lastCategoryIdOf, NEWSLETTER_KEY } from './setting-keys';

/** Everything the popup reads when it opens, for the tab's URL. */
export interface PopupStart {
  categories: Category[];
  lastCategoryId: string | undefined;
  /** The newsletter settings record's value as stored, unparsed: only a save needs it (save-clip.ts). */
  newsletter: unknown;
  page: PageClippings;
  draft: Draft | undefined;
  /** The open issue a new clipping joins; none before the first clipping or after a publish. */
  openIssue: Issue | undefined;
}

/**
 * Reads what the popup shows in one read-only transaction, every request queued at once: the page's
 * clippings (and their issues), the open issue, the draft, the categories and the two settings. Issue 8: one round trip
 * instead of five transactions, so the database's answer follows its opening by a few milliseconds.
 */
export async function readPopupStart(
  db: ClipperDatabase,
  url: string,
  draftKey: string,
): Promise<PopupStart> {
  const tx = db.transaction(['clippings', 'issues', 'categories', 'settings', 'drafts'], 'readonly');
  const settings = tx.objectStore('settings');
  const issues = tx.objectStore('issues');
  const [page, openIssue, draft, categories, last, newsletter] = await Promise.all([
    readPageClippings(tx.objectStore('clippings'), issues, url),
    issues.index('byStatus').get('open'),
    tx.objectStore('drafts').get(draftKey),
    tx.objectStore('categories').getAll(),
    settings.get(LAST_CATEGORY_KEY),
    settings.get(NEWSLETTER_KEY),
    tx.done,
  ]);
  return {
    page,
    draft,
    openIssue,
    categories: sortCategories(categories),
    lastCategoryId: lastCategoryIdOf(last),
    newsletter: newsletter?.value,
  };
}
