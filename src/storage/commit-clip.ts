import type { Clipping } from '../core/clipping';
import { toClippingRecord } from './clippings';
import type { ClipperDatabase } from './db';
import { STRICT } from './db';
import { LAST_CATEGORY_KEY } from './settings';

/**
 * Saves a clipping from the popup in one transaction: the clipping, the end of its draft and the
 * remembered category land together or not at all, so a failed save never loses the draft.
 */
export async function commitClip(db: ClipperDatabase, clipping: Clipping, draftKey: string): Promise<void> {
  const tx = db.transaction(['clippings', 'drafts', 'settings'], 'readwrite', STRICT);
  await Promise.all([
    tx.objectStore('clippings').put(toClippingRecord(clipping)),
    tx.objectStore('drafts').delete(draftKey),
    tx.objectStore('settings').put({ key: LAST_CATEGORY_KEY, value: clipping.categoryId }),
    tx.done,
  ]);
}
