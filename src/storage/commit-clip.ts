import type { Clipping } from '../core/clipping';
import { followingIssue, type Issue, openIssue } from '../core/issue';
import { toClippingRecord } from './clippings';
import type { ClipperDatabase } from './db';
import { STRICT } from './db';
import { LAST_CATEGORY_KEY } from './settings';

export interface CommitOptions {
  /**
   * For a new clipping: the issue to open when none is open (a fresh install's 第1回). When one is
   * open the clipping joins it; when only published ones exist, the one after the latest opens.
   */
  firstIssue?: Issue;
}

/**
 * Saves a clipping from the popup in one transaction: the clipping (joining the open issue if it is
 * new), the end of its draft and the remembered category land together or not at all, so a failed
 * save never loses the draft. Returns the clipping as saved.
 */
export async function commitClip(
  db: ClipperDatabase,
  clipping: Clipping,
  draftKey: string,
  { firstIssue }: CommitOptions = {},
): Promise<Clipping> {
  const tx = db.transaction(['clippings', 'drafts', 'settings', 'issues'], 'readwrite', STRICT);
  let saved = clipping;
  if (firstIssue) {
    const issues = tx.objectStore('issues');
    let open = await issues.index('byStatus').get('open');
    if (!open) {
      const latest = (await issues.getAll()).sort((a, b) => b.number - a.number)[0];
      open = latest ? openIssue(firstIssue.id, followingIssue(latest), firstIssue.createdAt) : firstIssue;
      await issues.put(open);
    }
    saved = { ...clipping, issueId: open.id };
  }
  await Promise.all([
    tx.objectStore('clippings').put(toClippingRecord(saved)),
    tx.objectStore('drafts').delete(draftKey),
    tx.objectStore('settings').put({ key: LAST_CATEGORY_KEY, value: saved.categoryId }),
    tx.done,
  ]);
  return saved;
}
