import { type Capture, type CaptureSources, captureFromMenu, type MenuClick } from '../core/capture';
import { unclippableReason } from '../core/url';

/** What became of a menu click when the popup could not open and the background saved it instead. */
export type CaptureOutcome =
  | { kind: 'saved' | 'updated' | 'unchanged'; title: string }
  | { kind: 'unclippable' }
  | { kind: 'failed'; reason?: string };

/** The browser, as the menu handler needs it; src/platform/context-menus.ts passes the real one. */
export interface MenuPorts {
  /**
   * Whether the click's `selectionText` keeps the selection's line breaks. Firefox's does; Chrome's
   * joins the lines, so there the selection is read from the page itself.
   */
  selectionKeepsLines: boolean;
  /** The selection and the clicked link's text, read from the page; {} where it cannot be scripted. */
  readPage(tabId: number, frameId: number | undefined, linkUrl: string | undefined): Promise<CaptureSources>;
  /** Opens the popup on the tab with the capture in its address; false where the browser refuses. */
  openPopup(tabId: number, capture: Capture): Promise<boolean>;
  /** Saves the capture without the popup. */
  save(capture: Capture): Promise<CaptureOutcome>;
  /** Says on the toolbar button (badge and tooltip) what became of a click. */
  tell(tabId: number | undefined, outcome: CaptureOutcome): Promise<void>;
}

export interface MenuTab {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * One click on a context-menu entry: the popup opens prefilled where the browser allows it
 * (`action.openPopup`), so the user can write the note; otherwise the clipping is saved and the badge
 * says so. Firefox lets a menu click open the popup only while the click is being handled: nothing is
 * awaited before `openPopup` unless the page must be read (Chrome, which needs no user gesture for it).
 */
export async function clipFromMenu(
  click: MenuClick,
  tab: MenuTab | undefined,
  ports: MenuPorts,
): Promise<'popup' | CaptureOutcome> {
  const needsPage =
    tab?.id !== undefined &&
    ((click.menuItemId === 'clip-link' && click.linkText === undefined) ||
      (click.menuItemId === 'clip-selection' && !ports.selectionKeepsLines));
  const sources: CaptureSources = needsPage
    ? await ports.readPage(tab.id as number, click.frameId, click.linkUrl)
    : {};
  const capture = captureFromMenu(click, { ...sources, tab });
  if (!capture || unclippableReason(capture.url)) {
    const outcome: CaptureOutcome = { kind: 'unclippable' };
    await ports.tell(tab?.id, outcome);
    return outcome;
  }
  if (tab?.id !== undefined && (await ports.openPopup(tab.id, capture))) return 'popup';
  let outcome: CaptureOutcome;
  try {
    outcome = await ports.save(capture);
  } catch (error) {
    outcome = { kind: 'failed', reason: error instanceof Error ? error.name : String(error) };
  }
  await ports.tell(tab?.id, outcome);
  return outcome;
}
