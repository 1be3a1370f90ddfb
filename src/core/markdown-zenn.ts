import { isHttpUrl } from './url';

/**
 * The pieces of Zenn Markdown that carry user text: a heading made from an article title, the line that
 * makes Zenn show a link card for an item's URL, and the user's own note.
 *
 * Every rule here was checked against zenn-markdown-html, Zenn's own renderer (markdown-it 14 with
 * `breaks` and `linkify` on, `html` off, plus KaTeX, footnotes, `@[...]` embeds, `:::` containers and
 * link cards); tests/core/markdown-zenn.test.ts renders through it.
 */

const WHITESPACE_RUN = /[\s\u0085]+/g;
/** Line breaks of every kind; a title must never leave its heading line. */
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
/** A surrogate without its other half cannot be encoded as UTF-8: the HTML would show U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * The title as one line, which is the text its heading shows:
 * - a run of whitespace containing a line break (LF, CR, VT, FF, NEL, U+2028, U+2029) becomes one space,
 *   and a tab becomes a space;
 * - other C0 and C1 control characters are removed (markdown-it would turn NUL into U+FFFD; the rest are
 *   invisible or break the line);
 * - a lone surrogate becomes U+FFFD, as any UTF-8 encoder would make it;
 * - leading and trailing whitespace is trimmed, as markdown-it trims heading content (`String#trim`).
 * Everything else is kept, format characters included: the zero-width joiner holds emoji sequences
 * together, and bidirectional marks cannot reach past the heading's block.
 */
export function singleLineTitle(title: string): string {
  return title
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(WHITESPACE_RUN, (run) => (LINE_BREAK.test(run) ? ' ' : run))
    .replaceAll('\t', ' ')
    .replace(CONTROL, '')
    .trim();
}

/**
 * Characters that would make a heading render something other than its text, each escaped with a
 * backslash (CommonMark allows one before any ASCII punctuation). All matches are single characters
 * tested against the original string, so one escape never changes whether another is needed.
 */
const HEADING_SPECIAL = new RegExp(
  [
    // Emphasis (`*`), code spans, links, images, footnotes (`^[...]`, `[^1]`), `@[card](...)`,
    // autolinks and Zenn's `<br>` (`<`; markdown-it runs with `html` off, so other tags are text
    // already), KaTeX (`$x$`, `$$x$$`).
    '[*`[\\]<$]',
    // A backslash that would escape the next character.
    '\\\\(?=[!-/:-@[-`{-~])',
    // `_` only emphasises when it is not between two letters or digits (`snake_case` stays as it is).
    '(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])',
    // Strikethrough needs two tildes; a single `~` (`~/.bashrc`) is text.
    '~(?=~)|(?<=~)~',
    // Entity and numeric character references (`&amp;`, `&#60;`); `AT&T` is text.
    '&(?=#?[0-9A-Za-z]+;)',
    // Linkify: `https://`, `ftp://` and `//host` need `//`, and `mailto:` its colon.
    '(?<=/)/',
    '(?<=mailto):',
    // An ATX closing sequence (`trailing #`, `#`): escaping its first `#` keeps it as text. `C#` has
    // no space before the `#`, so it never was one.
    '(?<=^| )#(?=#*$)',
  ].join('|'),
  'giu',
);

/**
 * Makes an article title safe to write after `# `, `## ` or `### `: Zenn renders it as exactly the text
 * of {@link singleLineTitle}, with no link, emphasis, code, image, embed, math or footnote in it.
 * Plain titles come back unchanged: `[Kubernetes 1.25] Alpha: Pod内でのUser Namespaceを試してみた`
 * becomes `\[Kubernetes 1.25\] Alpha: Pod内でのUser Namespaceを試してみた`.
 *
 * Characters left alone because they cannot do anything inside a heading line: `>`, `|`, `!`, `(`,
 * `)`, `:`, `-`, `+`, `.`, digits, a leading `#`, `:::` and other block syntax (a heading is one block),
 * `"`, `'` (typographer is off), `:emoji:` (Zenn has no shortcodes), `www.` and bare domains (Zenn's
 * linkify only matches URLs with a scheme).
 */
export function escapeHeadingText(title: string): string {
  return singleLineTitle(title).replace(HEADING_SPECIAL, '\\$&');
}

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

/**
 * The user's note as Markdown to emit: line endings made LF, trailing spaces and tabs removed from every
 * line (so no line ends in a two-space hard break), and blank lines at the start and end dropped, a line
 * of ideographic spaces included. A note of nothing but whitespace becomes ''.
 */
export function normalizeNote(note: string): string {
  const lines = note.split(/\r\n?|\n/).map((line) => line.replace(/[ \t]+$/, ''));
  const hasText = (line: string) => line.trim() !== '';
  const first = lines.findIndex(hasText);
  if (first === -1) return '';
  return lines.slice(first, lines.findLastIndex(hasText) + 1).join('\n');
}

/** One block prefix a heading can hide behind: a blockquote marker or a list marker. */
const QUOTE_MARKER = /^ {0,3}>[ \t]?/;
const LIST_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/;
const HEADING_MARK = /^[ \t]{0,3}#{1,3}(?=[ \t]|$)/;

/**
 * Where a `#`–`###` heading mark starts in the line, behind any mix of quote and list markers, or -1.
 * The markers are peeled off one at a time: a single regex with nested repetition over the same spaces
 * backtracks exponentially on a line like `-   -   -   …` (a note from anyone could freeze the page).
 */
function headingMarkAt(line: string): number {
  let offset = 0;
  for (;;) {
    const rest = line.slice(offset);
    const marker = QUOTE_MARKER.exec(rest) ?? LIST_MARKER.exec(rest);
    if (!marker || marker[0].length === 0) break;
    offset += marker[0].length;
  }
  const heading = HEADING_MARK.exec(line.slice(offset));
  return heading ? offset + heading[0].indexOf('#') : -1;
}

/**
 * Footnotes (`[^1]` and `[^1]: …`) are escaped in notes: their labels are shared across the whole
 * article, so two notes' `[^1]` would merge, and a definition can hold a heading. Code spans are left alone.
 */
function escapeFootnotes(line: string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/(^|[^\\])\[\^/g, '$1\\[^')))
    .join('');
}

/** A line that opens or closes a KaTeX `$$` block: it starts with `$$` and has an odd number of `$$`. */
function togglesMath(line: string): boolean {
  return /^ {0,3}\$\$/.test(line) && (line.match(/\$\$/g) ?? []).length % 2 === 1;
}
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_OPEN = /^ {0,3}(:{3,})\s*\S/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})\s*$/;

/**
 * A note made unable to break the issue around it, otherwise as written (run after `normalizeNote`):
 * - `#`, `##`, `###` headings (also inside quotes and lists) are escaped: a note never opens a section
 *   or an item of its own; `####` and deeper stay, they nest under the item.
 * - a `===`/`---` line right under text is escaped so it does not turn that text into a heading;
 * - an unclosed code fence, KaTeX `$$` block or Zenn `:::` block is closed at the end of the note, so it
 *   cannot swallow the items after it;
 * - footnotes are escaped (see `escapeFootnotes`).
 * Inside code fences nothing is touched.
 */
export function confineNote(note: string): string {
  const out: string[] = [];
  let fence: { char: string; length: number } | null = null;
  const containers: number[] = [];
  let previous = '';
  let math = false;
  for (const line of note.split('\n')) {
    if (math) {
      if (line.includes('$$')) math = false;
      out.push(line);
      previous = line;
      continue;
    }
    if (fence) {
      const close = new RegExp(`^ {0,3}\\${fence.char}{${fence.length},}[ \\t]*$`);
      if (close.test(line)) fence = null;
      out.push(line);
      previous = line;
      continue;
    }
    const opening = FENCE_OPEN.exec(line);
    let safe = escapeFootnotes(line);
    const headingAt = headingMarkAt(safe);
    if (togglesMath(line)) math = true;
    else if (opening?.[1]) {
      const marker = opening[1];
      // A backtick fence's info string may not contain backticks; such a line is inline code instead.
      const info = line.slice(line.indexOf(marker) + marker.length);
      if (!(marker[0] === '`' && info.includes('`')))
        fence = { char: marker[0] as string, length: marker.length };
    } else if (CONTAINER_OPEN.test(line)) containers.push(CONTAINER_OPEN.exec(line)?.[1]?.length ?? 3);
    else if (CONTAINER_CLOSE.test(line)) {
      // A close needs at least as many colons as its opening (markdown-it-container).
      const length = CONTAINER_CLOSE.exec(line)?.[1]?.length ?? 3;
      if (length >= (containers.at(-1) ?? Number.POSITIVE_INFINITY)) containers.pop();
    } else if (headingAt !== -1) safe = `${safe.slice(0, headingAt)}\\${safe.slice(headingAt)}`;
    else if (SETEXT_UNDERLINE.test(line) && previous.trim() !== '') safe = line.replace(/^( {0,3})/, '$1\\');
    out.push(safe);
    previous = line;
  }
  if (fence) out.push(fence.char.repeat(fence.length));
  if (math) out.push('$$');
  for (const length of containers.reverse()) out.push(':'.repeat(length));
  return out.join('\n');
}
