import { localIsoDate } from '../core/calendar';
import {
  type Clipping,
  type ClippingFields,
  type ClippingOrigin,
  createClipping,
  PROBLEM_MESSAGES,
  validateClippingFields,
} from '../core/clipping';
import { newId as makeId } from '../core/id';
import { firstIssue } from '../core/issue';
import type { MessageKey } from '../core/messages';
import type { PageFacts } from '../core/page-facts';
import { parseNewsletterSettings } from '../core/settings';
import type { PopupRepositories } from '../storage/popup-repositories';
import { AlreadyClippedError } from '../storage/refusals';

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

export type SaveOutcome =
  | { kind: 'invalid'; problems: MessageKey[] }
  | { kind: 'saved'; clipping: Clipping }
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
  if (problems.length > 0) return { kind: 'invalid', problems: problems.map((p) => PROBLEM_MESSAGES[p]) };
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
      },
    );
    return { kind: 'saved', clipping };
  } catch (error) {
    // Another popup clipped this page meanwhile: edit that clipping (after asking), never add a second.
    if (error instanceof AlreadyClippedError) return { kind: 'changed', current: error.current };
    throw error;
  }
}
