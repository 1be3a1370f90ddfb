import type { Capture } from '../core/capture';
import { withQuote } from '../core/capture';
import { pickCategory } from '../core/category';
import { fieldsOf } from '../core/draft';
import { captureTitle, titleRulesOf } from '../core/page-facts';
import { urlMatchKey } from '../core/url';
import { saveClip } from '../popup/save-clip';
import type { PopupRepositories } from '../storage/popup-repositories';
import type { CaptureOutcome } from './menu';

/**
 * Ends no draft: a clip saved from the menu must leave the page's draft (what was typed in its popup)
 * for the popup to restore. No stored draft has this key, as every key is a URL's match key.
 */
const NO_DRAFT = '';

/**
 * Saves what a context-menu entry captured when the popup could not open: a new clipping of the open
 * issue (in the last used category), or, for a page already clipped, the quote added to its note. The
 * popup's own save path (save-clip.ts) does the writing, so its checks and refusals hold here too.
 */
export async function saveCapture(
  repos: PopupRepositories,
  capture: Capture,
  now: number,
  newId?: () => string,
): Promise<CaptureOutcome> {
  const start = await repos.readPopupStart(capture.url, urlMatchKey(capture.url));
  const existing = start.page.editable;
  const common = { draftKey: NO_DRAFT, settings: start.newsletter, now, newId };
  if (existing) {
    const baseline = fieldsOf(existing);
    const note = withQuote(existing.note, capture.quote);
    if (note === existing.note) return { kind: 'unchanged', title: existing.title };
    const outcome = await saveClip(repos, {
      ...common,
      fields: { ...baseline, note },
      existing,
      baseline,
      reclipOf: null,
    });
    return outcome.kind === 'saved' ? { kind: 'updated', title: existing.title } : { kind: 'failed' };
  }
  const fields = {
    url: capture.url,
    // Cleaned as the popup cleans it, by the member's rules; the page's head is the popup's to read.
    title: captureTitle(capture.title, capture.url, {}, titleRulesOf(start.newsletter)),
    note: capture.quote ?? '',
    categoryId: pickCategory(start.categories, start.lastCategoryId) ?? '',
  };
  const outcome = await saveClip(repos, {
    ...common,
    fields,
    existing: undefined,
    baseline: fields,
    // A page of a published issue is clipped again as a new item, as the popup's "clip again" does.
    reclipOf: start.page.published?.clipping.id ?? null,
  });
  return outcome.kind === 'saved' ? { kind: 'saved', title: outcome.clipping.title } : { kind: 'failed' };
}
