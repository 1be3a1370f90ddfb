import MarkdownIt, {
  type MarkdownIt as Markdown,
  type StateBlock,
  type StateCore,
  type Token,
} from 'markdown-it';

/**
 * Markdown parsing for the issue preview, close to what Zenn shows (zenn-markdown-html) but made safe for
 * notes written by anyone: raw HTML stays text, images never load, links go only to http(s).
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

/** True for an absolute http(s) URL: the only links the preview and the copied HTML keep. */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
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

// Zenn's `@[card](url)` block (zenn-markdown-html src/utils/md-custom-block.ts); only http(s) URLs count,
// anything else stays a paragraph of literal text.
const CARD_EMBED = /^@\[card\]\((.+)\)\s*$/;

function cardEmbed(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const match = CARD_EMBED.exec(state.src.slice(start, state.eMarks[startLine]));
  const url = match?.[1]?.trim() ?? '';
  if (url === '' || /\s/.test(url)) return false;
  const href = state.md.normalizeLink(url);
  if (!state.md.validateLink(href)) return false;
  if (silent) return true;
  const token = fillLinkCard(
    state.md,
    state.push(LINK_CARD, 'div', 0),
    href,
    state.md.normalizeLinkText(href),
  );
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
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
 * line of a top-level paragraph into a card, even mid-paragraph; in lists and quotes it stays a link
 * (zenn-markdown-html src/utils/md-linkify-to-card.ts).
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
  for (const token of state.tokens) {
    if (skipClose) {
      skipClose = false; // the paragraph_close of a paragraph just split
      continue;
    }
    const open = tokens.at(-1);
    const split =
      token.type === 'inline' && open?.type === 'paragraph_open' && open.level === 0
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

/** The markdown-it the preview and the copied HTML share. */
export function createPreviewMarkdown(): Markdown {
  // As zenn-markdown-html: single newlines are line breaks, and only URLs with a scheme become links.
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.validateLink = isHttpUrl;
  md.block.ruler.before('fence', LINK_CARD, cardEmbed, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.core.ruler.push('images_as_text', imagesAsText);
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
  md.renderer.rules.fence = (tokens, idx) =>
    `<pre><code>${md.utils.escapeHtml(tokens[idx]?.content ?? '')}</code></pre>\n`;
  return md;
}

let shared: Markdown | undefined;

/** The issue as HTML for the clipboard's text/html: safe to paste anywhere, never put into this page. */
export function renderPreviewHtml(markdown: string): string {
  shared ??= createPreviewMarkdown();
  return shared.render(markdown);
}
