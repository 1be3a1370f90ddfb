import type { Clipping } from '../core/clipping';
import { fieldsOf, mergeEdit, reclipBaseline } from '../core/draft';
import type { Notice } from '../core/messages';
import type { PopupState } from './state';

/**
 * The form's turns that not every popup takes, out of the popup's first bundle (issue 8: it carries
 * only what the first frame runs). The published panel and the conflict question
 * (components/occasional.ts) bring the first two; the save path (save-clip.ts) brings the third.
 */

/** Clips a page of a published issue again, as a new item of the open issue. */
export function reclip(state: PopupState): void {
  const { form, t } = state;
  const previous = state.published.value;
  if (state.status.value !== 'published' || !previous) return;
  const { clipping } = previous;
  const said: Notice[] = [];
  if (form.pendingDraft) said.push({ tone: 'info', text: t('draftRestored') });
  form.baseline = state.keepCategory(reclipBaseline(clipping), []);
  state.fields.value = state.keepCategory(form.pendingDraft ?? form.baseline, said);
  state.oldNote.value = clipping.note === '' ? null : clipping.note;
  form.reclipping = clipping.id;
  state.notices.value = said;
  state.status.value = 'new';
}

/**
 * Resolves a conflict: with what was typed (the stored version becomes the base, so a save keeps mine),
 * or with the stored version of each conflicting field (other own edits stay).
 */
export function resolveConflict(state: PopupState, take: 'mine' | 'stored'): void {
  const open = state.conflict.value;
  if (!open) return;
  if (take === 'stored') {
    const taken = { ...state.fields.value };
    for (const name of open.fields) taken[name] = open.stored[name];
    state.fields.value = taken;
  }
  state.form.baseline = open.stored;
  state.conflict.value = null;
  state.persistDraft();
}

/** A save found the clipping changed (or deleted, `current` undefined) by another page since it was read. */
export function changedMeanwhile(state: PopupState, current: Clipping | undefined): void {
  const { form, t, notices, status } = state;
  if (!current) {
    // Deleted elsewhere: the next save clips the page anew, with what was typed.
    state.existing.value = undefined;
    notices.value = [{ tone: 'info', text: t('deletedMeanwhile') }];
    status.value = 'new';
    return;
  }
  // Show their changes to fields not typed here at once; a field changed on both sides waits for
  // the answer, and until then nothing is saved.
  const stored = fieldsOf(current);
  const merge = mergeEdit(form.baseline, state.fields.value, stored);
  state.existing.value = current;
  form.baseline = stored;
  state.fields.value = merge.fields;
  const conflict =
    merge.conflicts.length > 0 ? { found: 'save' as const, fields: merge.conflicts, stored } : null;
  state.conflict.value = conflict;
  if (conflict) state.needParts();
  notices.value = conflict ? [] : [{ tone: 'info', text: t('alreadyClipped') }];
  status.value = 'existing';
}
