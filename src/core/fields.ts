import { isHttpUrl } from './url';

/**
 * The rule for each field a person types and a file carries, once. The editor, the popup, backup import
 * and team import all ask these, so a value one of them takes is a value all of them take (defect: the
 * editor saved 第1e16回 and URLs that its own import then refused).
 */

/** 第N回: a whole number from 1 that a number field, JSON and IndexedDB all hold exactly. */
export function isIssueNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}

/**
 * Control characters and line breaks, which a URL parser drops without a word (a pasted `a\n# x` would
 * be saved as one thing and shown as another). Visible spaces are allowed: the parser encodes them.
 */
export function hasHiddenCharacters(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** A URL as typed: an absolute http(s) URL on one clean line (surrounding spaces are trimmed on save). */
export function isHttpUrlInput(url: string): boolean {
  const trimmed = url.trim();
  return isHttpUrl(trimmed) && !hasHiddenCharacters(trimmed);
}

/** A URL as stored: empty (an item added by hand), or an http(s) URL with nothing to trim or hide. */
export function isStoredUrl(url: string): boolean {
  return url === '' || (url === url.trim() && isHttpUrlInput(url));
}

/** An item needs something to show as its heading: its URL, or a title when it has none. */
export function hasUrlOrTitle({ url, title }: { url: string; title: string }): boolean {
  return url.trim() !== '' || title.trim() !== '';
}
