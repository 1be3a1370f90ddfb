import type { MarkdownIt as Markdown, StateCore, Token } from 'markdown-it';
import { isHttpUrl } from '../url';
import { EMBED, type EmbedRequest } from './zenn-markdown';

/**
 * Link cards in the preview's token stream: Zenn's `@[tag](url)` embeds and the bare URLs it turns into
 * cards both become one block token, `link_card`, which the preview draws as a card and the copied HTML
 * writes as a paragraph holding one link. `readLinkCard` gives what a card shows.
 */

export const LINK_CARD = 'link_card';

/** What a link card shows: the URL as a link, its host, and the URL as people read it. */
export interface LinkCard {
  href: string;
  host: string;
  text: string;
}

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
export function embedsAsCards(state: StateCore): void {
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

export function bareUrlCards(state: StateCore): void {
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
