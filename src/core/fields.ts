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
  // One regular expression rather than a loop over code points: a backup checks 100,000 URLs.
  return HIDDEN_CHARACTERS.test(text);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

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
