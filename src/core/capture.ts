/**
 * What a context-menu entry clips, before any browser is asked: the page, a link on it, or the page with
 * the selected text quoted in the note. Pure: the background (src/background/) reads the menu click and
 * the page, this decides what the clipping is, and the popup reads it back from its own address.
 */

/** The context-menu entries, by their menu item id. */
export const MENU_ENTRIES = ['clip-page', 'clip-link', 'clip-selection'] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];

/** What a clip from the context menu starts from: the popup's fields before the note is typed. */
export interface Capture {
  url: string;
  title: string;
  /** The selection as a Markdown quote, for the note; absent when nothing was selected. */
  quote?: string;
}

/** The parts of a menu click and its tab this reads (`contextMenus.OnClickData`, `tabs.Tab`). */
export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  linkUrl?: string;
  /** Firefox only; Chrome gives no link text (the background reads it from the page instead). */
  linkText?: string;
  selectionText?: string;
  /** The frame the click was in (0 for the top frame). */
  frameId?: number;
}

export interface CaptureSources {
  tab?: { url?: string; title?: string };
  /** The selection as the page has it, line breaks kept (Chrome's selectionText loses them). */
  selection?: string;
  /** The clicked link's text, read from the page where the browser does not say it. */
  linkText?: string;
}

const isMenuEntry = (id: unknown): id is MenuEntry => MENU_ENTRIES.includes(id as MenuEntry);

/** Text with its lines trimmed at the end and blank lines at either end dropped; '' if only whitespace. */
function trimLines(text: string): string {
  const lines = text.split(/\r\n?|\n/).map((line) => line.trimEnd());
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return '';
  const last = lines.findLastIndex((line) => line.trim() !== '');
  return lines.slice(first, last + 1).join('\n');
}

/**
 * The selection as a Markdown blockquote: every line behind `> `, an empty line as `>` so the quote
 * stays one block, line breaks kept. '' for a selection of only whitespace.
 */
export function quoteSelection(selection: string): string {
  const text = trimLines(selection);
  if (text === '') return '';
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** The note with the quote added below it, once: a note that already holds the quote is kept as it is. */
export function withQuote(note: string, quote: string | undefined): string {
  if (!quote || note.includes(quote)) return note;
  return note.trim() === '' ? quote : `${note.trimEnd()}\n\n${quote}`;
}

/** What a click on one of the menu entries clips, or undefined for a click this cannot clip (no URL). */
export function captureFromMenu(click: MenuClick, sources: CaptureSources = {}): Capture | undefined {
  if (!isMenuEntry(click.menuItemId)) return undefined;
  const pageUrl = sources.tab?.url ?? click.pageUrl;
  const pageTitle = sources.tab?.title?.trim() || pageUrl || '';
  if (click.menuItemId === 'clip-link') {
    if (!click.linkUrl) return undefined;
    const title = (click.linkText ?? sources.linkText ?? '').replace(/\s+/g, ' ').trim();
    return { url: click.linkUrl, title: title || click.linkUrl };
  }
  if (!pageUrl) return undefined;
  if (click.menuItemId === 'clip-page') return { url: pageUrl, title: pageTitle };
  const quote = quoteSelection(sources.selection || click.selectionText || '');
  return quote === '' ? { url: pageUrl, title: pageTitle } : { url: pageUrl, title: pageTitle, quote };
}

/** The query parameter a capture travels in to the popup (its address, set just before it opens). */
export const CAPTURE_PARAM = 'capture';

export function captureToSearch(capture: Capture): string {
  return new URLSearchParams({ [CAPTURE_PARAM]: JSON.stringify(capture) }).toString();
}

/** The capture in a popup address's query (`location.search`), or undefined if there is none or it is not one. */
export function captureFromSearch(search: string): Capture | undefined {
  const raw = new URLSearchParams(search).get(CAPTURE_PARAM);
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { url, title, quote } = value as Record<string, unknown>;
    if (typeof url !== 'string' || typeof title !== 'string') return undefined;
    if (quote !== undefined && typeof quote !== 'string') return undefined;
    return quote ? { url, title, quote } : { url, title };
  } catch {
    return undefined;
  }
}
