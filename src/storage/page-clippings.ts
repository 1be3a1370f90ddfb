import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import { urlMatchKey } from '../core/url';
import { toClipping } from './clipping-record';
import type { ClippingRecordV2 } from './schema';

/** What the popup needs to know of a page: the clipping it may edit, and where it was published. */
export interface PageClippings {
  editable?: Clipping;
  published?: { clipping: Clipping; issue: Issue };
}

interface ByUrlKey {
  index(name: 'byUrlKey'): { getAll(key: string): Promise<ClippingRecordV2[]> };
}

interface IssueReader {
  get(id: string): Promise<Issue | undefined>;
}

/**
 * The clippings of a page, its URL compared without tracking parameters and fragment, read inside the
 * caller's transaction: the one it edits (the most recently edited match not in a published issue) and
 * the newest match that was published, with its issue.
 */
export async function readPageClippings(
  clippings: ByUrlKey,
  issues: IssueReader,
  url: string,
): Promise<PageClippings> {
  const records = await clippings.index('byUrlKey').getAll(urlMatchKey(url));
  const sorted = records.sort((a, b) => b.updatedAt - a.updatedAt);
  // All issue reads are queued at once: one round trip however many clippings match.
  const owners = await Promise.all(
    sorted.map((record) => (record.issueId === null ? undefined : issues.get(record.issueId))),
  );
  const found: PageClippings = {};
  sorted.forEach((record, i) => {
    const issue = owners[i];
    if (issue?.status !== 'published') found.editable ??= toClipping(record);
    else if (!found.published || issue.number > found.published.issue.number) {
      found.published = { clipping: toClipping(record), issue };
    }
  });
  return found;
}
