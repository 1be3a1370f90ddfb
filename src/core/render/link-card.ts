import { isHttpUrl } from '../url';

/**
 * The line that makes Zenn show a link card for an item's URL. Every rule here was checked against
 * zenn-markdown-html, Zenn's own renderer (markdown-it 14 with `breaks` and `linkify` on, `html` off,
 * plus KaTeX, footnotes, `@[...]` embeds, `:::` containers and link cards);
 * tests/core/render/link-card.test.ts renders through it.
 */

/** Zenn's embed patterns, from zenn-editor packages/zenn-markdown-html/src/utils/url-matcher.ts. */
const TWEET_URL = /^https:\/\/(twitter|x)\.com\/[a-zA-Z0-9_-]+\/status\/[a-zA-Z0-9?=&\-_]+$/;
const YOUTUBE_URLS = [
  /^https?:\/\/youtu\.be\/[\w-]+(?:\?[\w=&-]+)?$/,
  /^https?:\/\/(?:www\.)?youtube\.com\/watch\?[\w=&-]+$/,
];
/** Longer tweet and YouTube URLs render as an error message instead (`validateEmbedToken`). */
const EMBED_URL_MAX_LENGTH = 300;

const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** Scheme, an ASCII host and an optional port: what linkify matches and markdown-it leaves as it is. */
const PLAIN_ORIGIN = new RegExp(
  `^https?://${HOST_LABEL}(?:\\.${HOST_LABEL})*(?::(0|[1-9]\\d{0,4}))?(?=[/?#]|$)`,
);
/**
 * Characters markdown-it's link normalisation (mdurl.encode) keeps as they are; it percent-encodes the
 * rest (non-ASCII, `|`, `\`, `[`, `^`, `` ` ``, `{`, `"`, ...) and a `%` not followed by two hex digits.
 */
const UNENCODED_PATH = /^(?:[A-Za-z0-9\-._~!$&()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/;

/**
 * True when linkify-it (as markdown-it 14 calls it) takes all of `rest`, the part after the origin, into
 * the link. This is a conservative reading of linkify-it's `src_auth` and `src_path`: it leaves out a
 * trailing `.`, `,`, `;`, `!` or `?`, an unpaired `)` and quotes, and markdown-it drops a trailing `*`.
 * A URL this rejects may still autolink whole; it then gets the `@[card]` form, which works for any URL.
 */
function linkifyTakesWholePath(rest: string): boolean {
  if (rest.length === 1) return rest === '/';
  if (!UNENCODED_PATH.test(rest)) return false;
  // With no `/` after the host, linkify reads `host?a@b` as userinfo `host?a@` and host `b`.
  if (rest[0] !== '/' && rest.includes('@')) return false;
  let inParens = false;
  for (let i = 0; i < rest.length; i++) {
    const next = rest[i + 1];
    switch (rest[i]) {
      case '(':
        if (inParens) return false;
        inParens = true;
        break;
      case ')':
        if (!inParens) return false;
        inParens = false;
        break;
      case '.':
      case '?':
        if (next === undefined || next === rest[i]) return false;
        break;
      case ',':
      case ';':
      case '!':
      case '*':
        if (next === undefined) return false;
        break;
    }
  }
  return !inParens;
}

/** Zenn's `extractYoutubeVideoParameters`: the player needs an 11-character video ID. */
function hasYoutubeVideoId(url: string): boolean {
  const parsed = new URL(url);
  const videoId = new URLSearchParams(parsed.search).get('v') || parsed.pathname.split('/')[1];
  return videoId?.length === 11 && /^[\w-]+$/.test(videoId);
}

/**
 * True when Zenn turns the bare URL, alone on its line, into a card or embed for exactly this URL
 * (zenn-markdown-html `mdLinkifyToCard`): linkify must take the whole line as one link, markdown-it's
 * link normalisation must leave it byte for byte, and a tweet or YouTube URL must be one the embed
 * accepts. Tweets become a tweet embed, YouTube watch URLs the player, GitHub file URLs (`/blob/`,
 * with or without `#L83-L89`) a GitHub embed, and any other URL a link card.
 */
function rendersAsCardWhenBare(url: string): boolean {
  const origin = PLAIN_ORIGIN.exec(url);
  if (!origin || !isHttpUrl(url)) return false;
  if (origin[1] !== undefined && Number(origin[1]) > 65535) return false;
  if (!linkifyTakesWholePath(url.slice(origin[0].length))) return false;
  if (TWEET_URL.test(url)) return url.length <= EMBED_URL_MAX_LENGTH;
  if (YOUTUBE_URLS.some((pattern) => pattern.test(url))) {
    return url.length <= EMBED_URL_MAX_LENGTH && hasYoutubeVideoId(url);
  }
  return true;
}

/** Characters that would end the `@[card](...)` line or that markdown-it replaces (NUL → U+FFFD). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the point.
const CARD_LINE_BREAKERS = /[\n\r]|[\u0000\u2028\u2029]/g;

/**
 * The line that makes Zenn show a link card (or tweet, YouTube or GitHub embed) for `url`; write it
 * alone, with a blank line before and after.
 *
 * The bare URL, byte for byte, whenever Zenn turns it into a card or embed for exactly that URL;
 * otherwise Zenn's explicit `@[card](url)`, which shows a card for any http(s) URL as written: a
 * trailing `.`, `)`, `,`, `!` or `?`, a `%` that is no escape (sched.com's `w=100%`), non-ASCII paths
 * and hosts, spaces, quotes, `|`, `\`, `[`, `]`, IPv6 hosts, and tweet or YouTube URLs that their embed
 * would refuse. (Userinfo, uppercase schemes and `'` would work bare, but the rule above stays simpler
 * by leaving them to `@[card]`.) `@[card](...)` takes everything up to the last `)` of its
 * line, so `)` and spaces need no escaping. Only what would break that line changes: CR and LF are
 * removed (the URL parser removes them too) and NUL, U+2028 and U+2029 are percent-encoded (as the URL
 * parser encodes them in a path, query or fragment).
 *
 * A string that is not an http(s) URL also gets the `@[card]` form, which Zenn renders as
 * 「URLが不正です」, so the mistake shows in the preview instead of passing as a plain link.
 */
export function linkCardLine(url: string): string {
  if (rendersAsCardWhenBare(url)) return url;
  const oneLine = url.replace(CARD_LINE_BREAKERS, (char) =>
    char === '\n' || char === '\r' ? '' : encodeURIComponent(char),
  );
  return `@[card](${oneLine})`;
}
