import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import { toClippingRecord } from './clippings';
import type { ClipperDatabase } from './db';
import { commitWrites, STRICT } from './db';
import { resolveOpenIssue } from './issues';
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
    // An issue opened here and a clipping that then fails to store must roll back together:
    // commitWrites aborts the whole transaction, the issue's put included.
    const open = await resolveOpenIssue(tx.objectStore('issues'), firstIssue);
    saved = { ...clipping, issueId: open.id };
  }
  await commitWrites(tx, (write) => {
    write(tx.objectStore('clippings').put(toClippingRecord(saved)));
    write(tx.objectStore('drafts').delete(draftKey));
    write(tx.objectStore('settings').put({ key: LAST_CATEGORY_KEY, value: saved.categoryId }));
  });
  return saved;
}
