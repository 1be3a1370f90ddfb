import { type Clipping, type ClippingFields, reviseClipping } from '../core/clipping';
import { fieldsOf, mergeEdit } from '../core/draft';
import type { Issue } from '../core/issue';
import { toClipping, toClippingRecord } from './clipping-record';
import type { ClipperDatabase } from './db';
import { resolveOpenIssue } from './open-issue';
import { AlreadyClippedError, guardTransaction, refusePublished, UnknownCategoryError } from './refusals';
import { LAST_CATEGORY_KEY } from './setting-keys';
import { commitWrites, STRICT } from './transactions';

export interface CommitOptions {
  /**
   * For a new clipping: the issue to open when none is open (a fresh install's 第1回). When one is
   * open the clipping joins it; when only published ones exist, the one after the latest opens.
   */
  firstIssue?: Issue;
  /** Told the open issue the clipping joined (found, or opened here), once the save is stored. */
  joined?: (issue: Issue) => void;
  /**
   * The published clipping of this page the user chose to clip again. Without it, a page that has a
   * clipping already (even one saved by another popup a moment ago) is refused with AlreadyClippedError.
   */
  reclipOf?: string;
}

/** A popup edit of a stored clipping: the fields as the popup opened them (`base`) and as they are now. */
export interface ClipEdit {
  id: string;
  base: ClippingFields;
  fields: ClippingFields;
  now: number;
}

export type ClipEditOutcome =
  | { ok: true; saved: Clipping }
  /** Deleted meanwhile (`current` undefined), or a field this edit changed was changed elsewhere too. */
  | { ok: false; current: Clipping | undefined };

const POPUP_STORES = ['clippings', 'drafts', 'settings', 'issues', 'categories'] as const;

function popupTransaction(db: ClipperDatabase) {
  return db.transaction([...POPUP_STORES], 'readwrite', STRICT);
}
type PopupTransaction = ReturnType<typeof popupTransaction>;

/**
 * Refuses what must never be stored from the popup: an item of a published issue, or one in a category
 * that does not exist (a draft can name one deleted since; the item would be in no section).
 */
async function refuseUnstorable(tx: PopupTransaction, before: Clipping | undefined, after: Clipping) {
  await guardTransaction(tx, async () => {
    await refusePublished(tx.objectStore('issues'), [before?.issueId, after.issueId]);
    if (!(await tx.objectStore('categories').get(after.categoryId))) {
      throw new UnknownCategoryError(after.categoryId);
    }
  });
}

/**
 * Dedup across issues, checked where it cannot race: a page has at most one clipping outside published
 * issues, and a published one is clipped again only when the user chose that (`reclipOf`).
 */
async function refuseDuplicate(tx: PopupTransaction, clipping: Clipping, reclipOf: string | undefined) {
  await guardTransaction(tx, async () => {
    const matches = await tx
      .objectStore('clippings')
      .index('byUrlKey')
      .getAll(toClippingRecord(clipping).urlKey);
    const others = matches.filter((record) => record.id !== clipping.id).map(toClipping);
    for (const other of others) {
      const issue = other.issueId === null ? undefined : await tx.objectStore('issues').get(other.issueId);
      if (issue?.status !== 'published') throw new AlreadyClippedError(other);
    }
    const [first] = others;
    if (first && !others.some((other) => other.id === reclipOf)) throw new AlreadyClippedError(first);
  });
}

/** The clipping, the end of its draft and the remembered category land together or not at all. */
function writeClip(tx: PopupTransaction, saved: Clipping, draftKey: string): Promise<void> {
  return commitWrites(tx, (write) => {
    write(tx.objectStore('clippings').put(toClippingRecord(saved)));
    write(tx.objectStore('drafts').delete(draftKey));
    write(tx.objectStore('settings').put({ key: LAST_CATEGORY_KEY, value: saved.categoryId }));
  });
}

/**
 * Saves a new clipping from the popup in one transaction (joining the open issue), so a failed save
 * never loses the draft. Returns the clipping as saved.
 */
export async function commitClip(
  db: ClipperDatabase,
  clipping: Clipping,
  draftKey: string,
  { firstIssue, reclipOf, joined }: CommitOptions = {},
): Promise<Clipping> {
  const tx = popupTransaction(db);
  let saved = clipping;
  let open: Issue | undefined;
  if (firstIssue) {
    // An issue opened here and a clipping that then fails to store must roll back together:
    // commitWrites aborts the whole transaction, the issue's put included.
    open = await resolveOpenIssue(tx.objectStore('issues'), firstIssue);
    saved = { ...clipping, issueId: open.id };
  }
  await refuseUnstorable(tx, undefined, saved);
  await refuseDuplicate(tx, saved, reclipOf);
  await writeClip(tx, saved, draftKey);
  if (open) joined?.(open);
  return saved;
}

/**
 * Saves a popup edit of a stored clipping: only the four fields the popup edits, each only if the popup
 * changed it, applied to the record as stored now. Whatever else changed meanwhile (order, issue,
 * carry-over, other notes) is kept, and a field changed both here and elsewhere is refused, not overwritten.
 */
export async function commitClipEdit(
  db: ClipperDatabase,
  { id, base, fields, now }: ClipEdit,
  draftKey: string,
): Promise<ClipEditOutcome> {
  const tx = popupTransaction(db);
  const record = await tx.objectStore('clippings').get(id);
  const stored = record && toClipping(record);
  const merge = stored && mergeEdit(base, fields, fieldsOf(stored));
  if (!stored || !merge || merge.conflicts.length > 0) {
    await tx.done;
    return { ok: false, current: stored };
  }
  const saved = reviseClipping(stored, merge.fields, now);
  await refuseUnstorable(tx, stored, saved);
  await writeClip(tx, saved, draftKey);
  return { ok: true, saved };
}
