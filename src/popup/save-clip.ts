import { localIsoDate } from '../core/calendar';
import {
  type Clipping,
  type ClippingFields,
  type ClippingOrigin,
  createClipping,
  PROBLEM_FIELD,
  PROBLEM_MESSAGES,
  validateClippingFields,
} from '../core/clipping';
import { fieldsOf } from '../core/draft';
import { newId as makeId } from '../core/id';
import { firstIssue, type Issue } from '../core/issue';
import type { MessageKey } from '../core/messages';
import type { PageFacts } from '../core/page-facts';
import { parseNewsletterSettings } from '../core/settings';
import type { PopupRepositories } from '../storage/popup-repositories';
import { AlreadyClippedError } from '../storage/refusals';
import { changedMeanwhile } from './form-changes';
import type { PopupState } from './state';

// The popup's repositories commit through this chunk too (main.tsx), so a save loads one chunk; and a
// failed storage call is described by it (state.ts), as it is loaded by then or loads at once.
export { storageErrorMessage } from '../core/storage-error';
export { commitClip, commitClipEdit } from '../storage/commit-clip';

/**
 * The popup's save path, in a chunk of its own that state.ts imports when the form is ready or first
 * used (issue 8: what the first paint does not run stays out of the popup's start-up bundle).
 */

export interface SaveRequest {
  fields: ClippingFields;
  /** The stored clipping being edited, or undefined for a new one. */
  existing: Clipping | undefined;
  /** The fields as the popup opened them (the base of an edit). */
  baseline: ClippingFields;
  draftKey: string;
  /** The published clipping this page is being clipped again after, if any. */
  reclipOf: string | null;
  /** What the page said of itself (a new clipping keeps its site name and language). */
  page?: PageFacts;
  /** The stored newsletter settings record's value, as read (parsed here: the member's name). */
  settings: unknown;
  now: number;
  /** Makes ids (tests pass their own); by default random UUIDs. */
  newId?: () => string;
}

/** A message per refused field. */
export type FieldProblems = Partial<Record<keyof ClippingFields, MessageKey>>;

export type SaveOutcome =
  /** What stops the save, by the field it is about (core/clipping.ts PROBLEM_FIELD). */
  | { kind: 'invalid'; problems: FieldProblems }
  /** Saved; a new clipping also tells the open issue it joined (perhaps opened by this save). */
  | { kind: 'saved'; clipping: Clipping; issue?: Issue }
  /** Changed (or deleted, `current` undefined) by another page since the popup read it. */
  | { kind: 'changed'; current: Clipping | undefined };

/** The site name and language a page gave, as clipping fields; none of either where it gave none. */
function said(page: PageFacts | undefined): Pick<ClippingOrigin, 'siteName' | 'language'> {
  return {
    ...(page?.siteName !== undefined && { siteName: page.siteName }),
    ...(page?.language !== undefined && { language: page.language }),
  };
}

export async function saveClip(repos: PopupRepositories, request: SaveRequest): Promise<SaveOutcome> {
  const { fields, existing, baseline, draftKey, now } = request;
  const problems = validateClippingFields(fields);
  if (problems.length > 0) {
    const byField: FieldProblems = {};
    // The first problem of a field is the one to fix first (validateClippingFields' order).
    for (const problem of problems.reverse()) byField[PROBLEM_FIELD[problem]] = PROBLEM_MESSAGES[problem];
    return { kind: 'invalid', problems: byField };
  }
  try {
    if (existing) {
      const outcome = await repos.commitClipEdit({ id: existing.id, base: baseline, fields, now }, draftKey);
      return outcome.ok
        ? { kind: 'saved', clipping: outcome.saved }
        : { kind: 'changed', current: outcome.current };
    }
    const settings = parseNewsletterSettings(request.settings);
    const { newId = makeId } = request;
    // A new clipping joins the open issue; on a fresh install that is 第1回, opened now.
    let issue: Issue | undefined;
    const clipping = await repos.commitClip(
      createClipping(
        fields,
        { issueId: null, clippedBy: settings.memberName, ...said(request.page) },
        newId(),
        now,
      ),
      draftKey,
      {
        reclipOf: request.reclipOf ?? undefined,
        firstIssue: firstIssue(newId(), localIsoDate(new Date(now)), settings.meetingWeekday, now),
        joined: (open) => {
          issue = open;
        },
      },
    );
    return { kind: 'saved', clipping, ...(issue && { issue }) };
  } catch (error) {
    // Another popup clipped this page meanwhile: edit that clipping (after asking), never add a second.
    if (error instanceof AlreadyClippedError) return { kind: 'changed', current: error.current };
    throw error;
  }
}

/**
 * Saves the form (state.ts save, once the database answered and this chunk loaded): a new clipping or
 * an edit of the stored one, refused fields marked at the field, a change made elsewhere meanwhile
 * merged or asked about. Storage errors are thrown to state.ts, which says them.
 */
export async function saveForm(state: PopupState): Promise<void> {
  const { form, status, services } = state;
  const repos = form.repositories;
  // No database (its failure is on screen), a published page (never edited) or a field changed both
  // here and elsewhere (saved only once the user said which to keep): nothing to save.
  if (!repos || status.value === 'loading' || status.value === 'published' || state.conflict.value) return;
  await form.draftWrites;
  const before = state.existing.value;
  const outcome = await saveClip(repos, {
    fields: state.fields.value,
    existing: before,
    baseline: form.baseline,
    draftKey: form.draftKey,
    reclipOf: form.reclipping,
    page: state.reading.value?.facts,
    settings: state.started.value?.newsletter,
    now: services.now(),
    newId: services.newId,
  });
  if (outcome.kind === 'invalid') {
    state.refused.value = outcome.problems;
    status.value = 'error';
    return;
  }
  if (outcome.kind === 'changed') {
    changedMeanwhile(state, outcome.current);
    return;
  }
  const { clipping, issue } = outcome;
  services.changes?.clippingSaved(clipping.id);
  // The line above the form says where the clipping is now: in an issue this save may have opened.
  const start = state.started.value;
  if (issue && start) state.started.value = { ...start, openIssue: issue };
  state.existing.value = clipping;
  form.baseline = fieldsOf(clipping);
  state.fields.value = form.baseline;
  state.oldNote.value = null;
  form.reclipping = null;
  state.conflict.value = null;
  state.notices.value = [{ tone: 'success', text: state.t(before ? 'savedUpdate' : 'savedNew') }];
  status.value = 'saved';
  void state.around.value?.closeAfterSave(state);
}
