import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import type { NewsletterSettings } from '../core/settings';
import type { Repositories } from '../storage/repositories';

/** What the options page shows, as read from the database in one go. */
export interface ShownRead {
  categories: Category[];
  issues: Issue[];
  settings: NewsletterSettings;
  /** Every clipping, or only the open issue's (`everything` says which). */
  clippings: Clipping[];
  everything: boolean;
}

/**
 * Reads what the page shows: with `everything`, every clipping, for a view that lists beyond the open
 * issue (archive, backlog, search); otherwise only the open issue's, by index and in one transaction,
 * which is all the issue view needs and at 10,000 clippings a small part of them (issue 8).
 */
export async function readShown(repos: Repositories, everything: boolean): Promise<ShownRead> {
  if (!everything) return { ...(await repos.readIssueStart()), everything };
  const [categories, issues, settings, clippings] = await Promise.all([
    repos.categories.list(),
    repos.issues.list(),
    repos.settings.getNewsletter(),
    repos.clippings.list(),
  ]);
  return { categories, issues, settings, clippings, everything };
}
