import { captureFromSearch, withQuote } from '../core/capture';
import type { PopupState } from './state';

/**
 * A popup opened from the context menu (src/background/) finds what to clip in its own address: a
 * link's URL and text, or the page with the selection to quote. A chunk of its own, loaded only then
 * (issue 8: the toolbar popup carries none of it).
 */

/**
 * Loads the popup for the captured URL and title instead of the tab's, then adds the quote below the
 * note, as if typed, once the form can take it: at once for a new or clipped page, and for a page of a
 * published issue when the user chooses to clip it again. An address with no readable capture (edited
 * by hand) loads the tab as the toolbar button does.
 */
export async function loadCaptured(
  state: PopupState,
  search: string,
  tabId: number | undefined,
): Promise<void> {
  const capture = captureFromSearch(search);
  await state.load(tabId, capture && { url: capture.url, title: capture.title });
  const quote = capture?.quote;
  if (!quote) return;
  const add = (): boolean => {
    const status = state.status.value;
    if (status !== 'new' && status !== 'existing') return status === 'error';
    const note = state.fields.value.note;
    const quoted = withQuote(note, quote);
    if (quoted !== note) state.edit({ note: quoted });
    return true;
  };
  if (add()) return;
  const stop = state.store.subscribe(() => {
    if (add()) stop();
  });
}
