import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import { abortTransaction } from './transactions';

/**
 * Writes storage refuses inside the write's own transaction, so no page (and no race between pages)
 * can get past them. Each has its own `name`, which `describeStorageError` turns into words.
 */

/** A write to a clipping or issue of a published issue, which stays as it was published. */
export class PublishedIssueError extends Error {
  override name = 'PublishedIssueError';
  constructor(readonly issueId: string) {
    super(`Issue ${issueId} is published; its items can only be changed by an edit after publishing.`);
  }
}

/** A clipping saved under a category that does not exist: it would appear in no section. */
export class UnknownCategoryError extends Error {
  override name = 'UnknownCategoryError';
  constructor(readonly categoryId: string) {
    super(`Category ${categoryId} does not exist.`);
  }
}

/** A new clipping of a page that already has one: the popup edits that one, or re-clips only on request. */
export class AlreadyClippedError extends Error {
  override name = 'AlreadyClippedError';
  constructor(readonly current: Clipping) {
    super(`The page is already clipped as ${current.id}.`);
  }
}

interface IssueReader {
  get(id: string): Promise<Issue | undefined>;
}

/** Throws PublishedIssueError when any of these issues is published; null is the backlog. */
export async function refusePublished(
  issues: IssueReader,
  issueIds: Iterable<string | null | undefined>,
): Promise<void> {
  for (const id of new Set(issueIds)) {
    if (!id) continue;
    if ((await issues.get(id))?.status === 'published') throw new PublishedIssueError(id);
  }
}

/** Runs `check` on the open transaction; if it throws, the transaction is aborted and nothing lands. */
export async function guardTransaction(
  tx: Parameters<typeof abortTransaction>[0],
  check: () => Promise<void>,
): Promise<void> {
  try {
    await check();
  } catch (error) {
    abortTransaction(tx);
    throw error;
  }
}
