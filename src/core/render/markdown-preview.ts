import type { MarkdownIt as Markdown, StateCore, Token } from 'markdown-it';
import { isHttpUrl } from '../url';
import { createZennMarkdown, DETAILS, EMBED, type EmbedRequest, MESSAGE } from './zenn-markdown';

/**
 * Markdown parsing for the issue preview and the copied HTML: Zenn's own parse (zenn-markdown.ts: KaTeX,
 * footnotes, `@[...]` embeds, `:::` containers), so both show the structure Zenn shows, but made safe for
 * notes written by anyone: raw HTML stays text, images never load, links go only to http(s), math and
 * footnotes show as text.
 *
 * Link cards become one block token, `link_card`; `readLinkCard` gives what it shows.
 */

export const LINK_CARD = 'link_card';

/** What a link card shows: the URL as a link, its host, and the URL as people read it. */
export interface LinkCard {
  href: string;
  host: string;
  text: string;
}

export { isHttpUrl };

/** The card a `link_card` token stands for; undefined for any other token. */
export function readLinkCard(token: Token): LinkCard | undefined {
  const href = String(token.attrGet('href') ?? '');
  if (token.type !== LINK_CARD || !isHttpUrl(href)) return undefined;
  return { href, host: typeof token.meta?.host === 'string' ? token.meta.host : '', text: token.content };
}

function fillLinkCard(md: Markdown, token: Token, href: string, text: string): Token {
  token.type = LINK_CARD;
  token.tag = 'div';
  token.block = true;
  token.attrSet('href', href);
  token.content = text;
  // The host decoded from punycode as markdown-it shows link text (it decodes hosts of http URLs only).
  token.meta = { host: md.normalizeLinkText(`http://${new URL(href).host}`).slice('http://'.length) };
  return token;
}

/** Zenn's embed tags (zenn-markdown-html src/embed.ts); `@[tag](...)` with any other tag renders nothing. */
const EMBED_TAGS = new Set([
  'youtube',
  'slideshare',
  'speakerdeck',
  'docswell',
  'jsfiddle',
  'codepen',
  'codesandbox',
  'stackblitz',
  'blueprintue',
  'figma',
  'card',
  'tweet',
  'gist',
  'github',
  'mermaid',
]);

/**
 * A `@[tag](arg)` line as the preview shows it: a card when `arg` is an http(s) URL (Zenn shows a card or
 * embed; `@[card](url with a space)` included, as Zenn's `new URL` accepts it), the line as text when Zenn
 * would show an error or a non-URL embed, and nothing for a tag Zenn does not know.
 */
function embedsAsCards(state: StateCore): void {
  state.tokens = state.tokens.flatMap((token) => {
    if (token.type !== EMBED) return [token];
    const { tag, arg } = token.meta as unknown as EmbedRequest;
    if (!EMBED_TAGS.has(tag)) return [];
    if (isHttpUrl(arg)) {
      const href = new URL(arg).href;
      return [fillLinkCard(state.md, token, href, state.md.normalizeLinkText(href))];
    }
    const open = copyBlock(state, token, 'paragraph_open', 1);
    const text = new state.Token('inline', '', 0);
    text.content = token.markup;
    const child = new state.Token('text', '', 0);
    child.content = token.markup;
    text.children = [child];
    return [open, text, copyBlock(state, token, 'paragraph_close', -1)];
  });
}

/** The URL of a line of inline tokens that is one bare URL and nothing else. */
function bareUrl(line: Token[]): { href: string; text: string } | undefined {
  const [open, text, close] = line;
  const isBare =
    line.length === 3 &&
    open?.type === 'link_open' &&
    open.markup === 'linkify' &&
    text?.type === 'text' &&
    close?.type === 'link_close';
  return isBare ? { href: String(open.attrGet('href') ?? ''), text: text.content } : undefined;
}

interface Line {
  /** The softbreak or hardbreak before the line; none for the first. */
  lineBreak?: Token;
  tokens: Token[];
}

function splitLines(children: Token[]): Line[] {
  let current: Line = { tokens: [] };
  const lines = [current];
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') {
      current = { lineBreak: child, tokens: [] };
      lines.push(current);
    } else {
      current.tokens.push(child);
    }
  }
  return lines;
}

/**
 * A paragraph whose lines include a bare URL, split into paragraphs and cards. Zenn turns a URL alone on a
 * line of a top-level paragraph (or one directly in `:::details` blocks) into a card, even mid-paragraph;
 * in lists, quotes and `:::message` it stays a link (zenn-markdown-html src/utils/md-linkify-to-card.ts).
 */
function splitParagraph(state: StateCore, open: Token, inline: Token): Token[] | undefined {
  const lines = splitLines(inline.children ?? []);
  if (!lines.some((line) => bareUrl(line.tokens))) return undefined;
  const out: Token[] = [];
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const paragraph = new state.Token('inline', '', 0);
    paragraph.children = pending;
    paragraph.content = pending.map((token) => token.content).join('');
    out.push(
      copyBlock(state, open, 'paragraph_open', 1),
      paragraph,
      copyBlock(state, open, 'paragraph_close', -1),
    );
    pending = [];
  };
  for (const { lineBreak, tokens } of lines) {
    const url = bareUrl(tokens);
    if (url) {
      flush();
      out.push(fillLinkCard(state.md, copyBlock(state, open, LINK_CARD, 0), url.href, url.text));
      continue;
    }
    if (pending.length > 0 && lineBreak) pending.push(lineBreak);
    pending.push(...tokens);
  }
  flush();
  return out;
}

function copyBlock(state: StateCore, like: Token, type: string, nesting: Token['nesting']): Token {
  const token = new state.Token(type, 'p', nesting);
  token.block = true;
  token.level = like.level;
  token.map = like.map;
  return token;
}

function bareUrlCards(state: StateCore): void {
  const tokens: Token[] = [];
  let skipClose = false;
  // As Zenn counts it: each open `:::details` lets cards one level deeper.
  let cardLevel = 0;
  for (const token of state.tokens) {
    if (skipClose) {
      skipClose = false; // the paragraph_close of a paragraph just split
      continue;
    }
    if (token.type === 'container_details_open') cardLevel++;
    if (token.type === 'container_details_close' && cardLevel > 0) cardLevel--;
    const open = tokens.at(-1);
    const split =
      token.type === 'inline' && open?.type === 'paragraph_open' && open.level === cardLevel
        ? splitParagraph(state, open, token)
        : undefined;
    if (!split) {
      tokens.push(token);
      continue;
    }
    tokens.pop(); // its paragraph_open
    tokens.push(...split);
    skipClose = true;
  }
  state.tokens = tokens;
}

/** Images never load in the preview or the copied HTML: each becomes its alt text, or its URL without one. */
function imagesAsText(state: StateCore): void {
  for (const token of state.tokens) {
    token.children =
      token.children?.map((child) => {
        if (child.type !== 'image') return child;
        const text = new state.Token('text', '', 0);
        text.content = child.content || String(child.attrGet('src') ?? '');
        return text;
      }) ?? null;
  }
}

/**
 * A link to anything but an absolute http(s) URL (`[x]()`, `[x](/relative)`, `[x](#top)`) becomes its
 * text: markdown-it keeps such links with `href=""`, and neither the preview nor the pasted newsletter
 * may hold a link that goes nowhere or somewhere other than the web.
 */
function webLinksOnly(state: StateCore): void {
  for (const token of state.tokens) {
    if (!token.children) continue;
    const dropped: boolean[] = [];
    token.children = token.children.filter((child) => {
      if (child.type === 'link_open') {
        const keep = isHttpUrl(String(child.attrGet('href') ?? ''));
        dropped.push(!keep);
        return keep;
      }
      if (child.type === 'link_close') return !dropped.pop();
      return true;
    });
  }
}

/** What a `:::` container's opening token shows: a summary for details, nothing for a message. */
export function containerSummary(token: Token): string {
  return DETAILS.exec(token.info.trim())?.[1] ?? '';
}

/** True for a `:::message alert`. */
export function isAlert(token: Token): boolean {
  return MESSAGE.exec(token.info.trim())?.[1] === 'alert';
}

/** The footnote number a reference or definition shows, `[1]` or `[1:2]` as Zenn writes it. */
export function footnoteCaption(token: Token): string {
  const { id, subId } = (token.meta ?? {}) as { id?: number; subId?: number };
  return `[${(id ?? 0) + 1}${subId ? `:${subId}` : ''}]`;
}

/** The markdown-it the preview and the copied HTML share. */
export function createPreviewMarkdown(): Markdown {
  const md = createZennMarkdown();
  md.validateLink = isHttpUrl;
  md.core.ruler.push('embeds_as_cards', embedsAsCards);
  md.core.ruler.push('images_as_text', imagesAsText);
  md.core.ruler.push('web_links_only', webLinksOnly);
  md.core.ruler.push('bare_url_cards', bareUrlCards);
  md.renderer.rules[LINK_CARD] = (tokens, idx) => {
    const token = tokens[idx];
    const card = token && readLinkCard(token);
    if (!card) return '';
    const { escapeHtml } = md.utils;
    return `<p><a href="${escapeHtml(card.href)}" rel="noopener noreferrer">${escapeHtml(card.text)}</a></p>\n`;
  };
  // Only the href (already http(s)) is kept: a title, like a code block's language class, comes from the
  // note and has no use in a pasted newsletter.
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (token) {
      token.attrs = [
        ['href', String(token.attrGet('href') ?? '')],
        ['rel', 'noopener noreferrer'],
      ];
    }
    return self.renderToken(tokens, idx, options);
  };
  const { escapeHtml } = md.utils;
  const code = (tokens: Token[], idx: number) =>
    `<pre><code>${escapeHtml(tokens[idx]?.content ?? '')}</code></pre>\n`;
  md.renderer.rules.fence = code;
  // KaTeX is not loaded here: math shows as its TeX source.
  md.renderer.rules.math_block = code;
  md.renderer.rules.math_block_eqno = code;
  md.renderer.rules.math_block_end = () => '';
  md.renderer.rules.math_block_eqno_end = () => '';
  const inlineMath = (tokens: Token[], idx: number) =>
    `<code>${escapeHtml(tokens[idx]?.content ?? '')}</code>`;
  md.renderer.rules.math_inline = inlineMath;
  md.renderer.rules.math_inline_double = inlineMath;
  md.renderer.rules.container_details_open = (tokens, idx) =>
    `<details><summary>${escapeHtml(tokens[idx] ? containerSummary(tokens[idx]) : '')}</summary>\n`;
  md.renderer.rules.container_details_close = () => '</details>\n';
  md.renderer.rules.container_message_open = () => '<blockquote>\n';
  md.renderer.rules.container_message_close = () => '</blockquote>\n';
  // Footnotes without their in-page links (`#fn1` is no web link): the number, and the list at the end.
  md.renderer.rules.footnote_ref = (tokens, idx) =>
    `<sup>${tokens[idx] ? footnoteCaption(tokens[idx]) : ''}</sup>`;
  md.renderer.rules.footnote_block_open = () => '<hr>\n<ol>\n';
  md.renderer.rules.footnote_block_close = () => '</ol>\n';
  md.renderer.rules.footnote_open = () => '<li>';
  md.renderer.rules.footnote_close = () => '</li>\n';
  md.renderer.rules.footnote_anchor = () => '';
  return md;
}

let shared: Markdown | undefined;

/** The issue as HTML for the clipboard's text/html: safe to paste anywhere, never put into this page. */
export function renderPreviewHtml(markdown: string): string {
  shared ??= createPreviewMarkdown();
  return shared.render(markdown);
}
