/**
 * URL cleaning and matching for clippings.
 *
 * Cleaning removes tracking parameters and leaves every other byte of the URL as it was: query text
 * that a URL parser would re-encode (`w=100%`, `a=b=c`, `;`) and the fragment (`#L83-L89`) survive.
 * That is why this works on the raw string instead of round-tripping through `URL`/`URLSearchParams`,
 * which percent-encode and reorder.
 */

/** Query parameter names removed by exact (case-insensitive) match. */
export const TRACKING_PARAMS: readonly string[] = [
  // Google Ads / Analytics
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  '_ga',
  '_gl',
  // Meta, Microsoft, Yahoo! JAPAN, X, TikTok, LinkedIn, Instagram
  'fbclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  // Mailchimp
  'mc_cid',
  'mc_eid',
  // HubSpot
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  // Marketo, Oracle Eloqua, Vero
  'mkt_tok',
  'elqtrackid',
  'elqtrack',
  'vero_id',
  'vero_conv',
];

/** Query parameter name prefixes removed (case-insensitive): `utm_source`, `utm_medium`, ... */
export const TRACKING_PARAM_PREFIXES: readonly string[] = ['utm_'];

const trackingNames = new Set(TRACKING_PARAMS);

export function isTrackingParam(rawName: string): boolean {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName.replaceAll('+', ' '));
  } catch {
    // A malformed escape is not a tracking parameter we know; compare it as written.
  }
  const lower = name.toLowerCase();
  return trackingNames.has(lower) || TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

interface UrlParts {
  base: string;
  query: string | null;
  fragment: string | null;
}

function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? null : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return { base: beforeHash, query: null, fragment };
  return { base: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), fragment };
}

/** Removes tracking parameters; everything else stays byte for byte, the fragment included. */
export function removeTrackingParams(url: string): string {
  const { base, query, fragment } = splitUrl(url);
  let result = base;
  if (query !== null) {
    const parts = query.split('&');
    const kept = parts.filter((part) => {
      const eq = part.indexOf('=');
      return !isTrackingParam(eq === -1 ? part : part.slice(0, eq));
    });
    if (kept.length === parts.length) result += `?${query}`;
    else {
      // Once the query is rewritten, empty parts (`a&&b`, a trailing `&`) carry nothing; dropping them
      // keeps `?utm_source=x&` from leaving a bare `?` behind.
      const rest = kept.filter((part) => part !== '');
      if (rest.length > 0) result += `?${rest.join('&')}`;
    }
  }
  if (fragment !== null) result += `#${fragment}`;
  return result;
}

/**
 * The key two URLs are compared by to find an existing clipping: tracking parameters and fragment
 * removed, then normalised by the URL parser so that `HTTPS://Example.COM` matches `https://example.com/`
 * and a Japanese path matches its percent-encoded form. Only used for comparison, never saved as the URL.
 */
export function urlMatchKey(url: string): string {
  const { base, query } = splitUrl(removeTrackingParams(url.trim()));
  const withoutFragment = query === null ? base : `${base}?${query}`;
  try {
    // Hex digits in percent-escapes are case-insensitive (RFC 3986 §6.2.2.1), but the URL parser keeps
    // them as written: `%e7%8c%ab` and `%E7%8C%AB` must still match.
    return new URL(withoutFragment).href.replace(/%[0-9a-f]{2}/gi, (percent) => percent.toUpperCase());
  } catch {
    return withoutFragment;
  }
}

export type UnclippableReason = 'invalid' | 'scheme' | 'store';

/** Browser stores whose pages no extension may touch. */
const STORE_PAGES: readonly { host: string; path: string }[] = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org', path: '/' },
];

/** Why a tab's URL cannot be clipped, or null when it can. Only http(s) pages can be clipped. */
export function unclippableReason(url: string | undefined): UnclippableReason | null {
  if (!url) return 'invalid';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'scheme';
  const host = parsed.hostname.toLowerCase();
  const inStore = (store: { host: string; path: string }) =>
    store.host === host &&
    (store.path === '/' || parsed.pathname === store.path || parsed.pathname.startsWith(`${store.path}/`));
  if (STORE_PAGES.some(inStore)) return 'store';
  return null;
}

/** True for a URL that may be saved on a clipping and shown as a link: absolute http(s) only. */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
