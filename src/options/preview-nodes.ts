import type { Token } from 'markdown-it';
import { type ComponentChildren, h } from 'preact';
import {
  containerSummary,
  footnoteCaption,
  isHttpUrl,
  LINK_CARD,
  readLinkCard,
} from '../core/render/markdown-preview';

/**
 * markdown-it tokens as Preact nodes, so the preview never goes through innerHTML: text stays text, and
 * only the elements below (with only the attributes set here) are ever made.
 */

const ELEMENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'em',
  'strong',
  's',
]);

interface Frame {
  open: Token;
  children: ComponentChildren[];
}

/** What the issue knows of a card's page: its clipping's title and site name. */
export interface KnownPage {
  title: string;
  site?: string;
}

/** The known page for a card's URL (by match key), if the issue has a clipping of it. */
export type PageLookup = (href: string) => KnownPage | undefined;

const NO_PAGES: PageLookup = () => undefined;

/** A GitHub file link with lines (`…/blob/<ref>/<path>#L3-L9`), which Zenn embeds as code. */
const GITHUB_LINES = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/blob\/[^/]+\/([^#?]+)#L(\d+)(?:-L(\d+))?$/;

const EXTERNAL = { target: '_blank', rel: 'noopener noreferrer' } as const;

function attributes(open: Token): Record<string, unknown> | null {
  const start = open.attrGet('start');
  if (open.tag === 'ol' && start !== null) return { start: Number(start) };
  const align = /^text-align:(left|right|center)$/.exec(String(open.attrGet('style') ?? ''))?.[1];
  if ((open.tag === 'th' || open.tag === 'td') && align) return { style: { textAlign: align } };
  return null;
}

/** Blocks of Zenn's plugins, as the copied HTML writes them (markdown-preview.ts). */
function pluginElement(open: Token, children: ComponentChildren[]): ComponentChildren | undefined {
  switch (open.type) {
    case 'container_details_open':
      return h('details', null, h('summary', null, containerSummary(open)), ...children);
    case 'container_message_open':
      return h('blockquote', null, ...children);
    case 'math_block':
    case 'math_block_eqno':
      return h('pre', null, h('code', null, open.content));
    case 'footnote_block_open':
      return [h('hr', null), h('ol', null, ...children)];
    case 'footnote_open':
      return h('li', null, ...children);
    default:
      return undefined;
  }
}

function element(open: Token, children: ComponentChildren[]): ComponentChildren {
  // Paragraphs in tight lists are hidden: their text goes straight into the list item.
  if (open.hidden) return children;
  const plugin = pluginElement(open, children);
  if (plugin !== undefined) return plugin;
  if (open.type === 'link_open') {
    const href = String(open.attrGet('href') ?? '');
    return isHttpUrl(href) ? h('a', { href, ...EXTERNAL }, ...children) : children;
  }
  if (!ELEMENTS.has(open.tag)) return children;
  return h(open.tag, attributes(open), ...children);
}

/**
 * A link card as Zenn draws one: the page's title, then its site and address. Zenn fetches the title;
 * the preview knows it when the issue holds a clipping of the page, and shows the host alone otherwise.
 * A GitHub file link with lines is Zenn's code embed: the repository, the file and the lines (the code
 * itself is fetched by Zenn, which the preview never does).
 */
function linkCard(token: Token, pages: PageLookup): ComponentChildren {
  const card = readLinkCard(token);
  if (!card) return h('p', null, token.content);
  const code = GITHUB_LINES.exec(card.href);
  if (code) {
    const [, owner, repo, path, from, to] = code;
    let file = path ?? '';
    try {
      file = decodeURIComponent(file);
    } catch {
      // A malformed escape stays as written.
    }
    return h(
      'div',
      { class: 'link-card code-embed', 'data-testid': 'preview-code-embed' },
      h(
        'a',
        { href: card.href, ...EXTERNAL },
        h('span', { class: 'link-card-title' }, file),
        h('span', { class: 'link-card-host' }, `${owner}/${repo} · L${from}${to ? `–L${to}` : ''}`),
      ),
    );
  }
  const known = pages(card.href);
  return h(
    'div',
    { class: 'link-card', 'data-testid': 'preview-card' },
    h(
      'a',
      { href: card.href, ...EXTERNAL },
      known && h('span', { class: 'link-card-title' }, known.title),
      h('span', { class: 'link-card-host' }, known?.site ?? card.host),
      h('span', { class: 'link-card-url' }, card.text),
    ),
  );
}

function leaf(token: Token, pages: PageLookup): ComponentChildren {
  switch (token.type) {
    case 'inline':
      return tokensToNodes(token.children ?? [], pages);
    case 'softbreak':
    case 'hardbreak':
      return h('br', null);
    case 'code_inline':
      return h('code', null, token.content);
    case 'fence':
    case 'code_block':
      return h('pre', null, h('code', null, token.content));
    case 'hr':
      return h('hr', null);
    case 'html_block':
      return h('p', null, token.content);
    case LINK_CARD:
      return linkCard(token, pages);
    case 'math_inline':
    case 'math_inline_double':
      return h('code', null, token.content);
    case 'footnote_ref':
      return h('sup', null, footnoteCaption(token));
    case 'footnote_anchor':
      return null;
    default:
      // text, html_inline, and whatever a rule adds later: its text, never markup.
      return token.children ? tokensToNodes(token.children, pages) : token.content;
  }
}

/** The nodes for a token stream from `md.parse`, or for an inline token's children. */
export function tokensToNodes(tokens: readonly Token[], pages: PageLookup = NO_PAGES): ComponentChildren[] {
  const root: ComponentChildren[] = [];
  const open: Frame[] = [];
  const close = () => {
    const frame = open.pop();
    if (frame) (open.at(-1)?.children ?? root).push(element(frame.open, frame.children));
  };
  for (const token of tokens) {
    if (token.nesting === 1) open.push({ open: token, children: [] });
    else if (token.nesting === -1) close();
    else (open.at(-1)?.children ?? root).push(leaf(token, pages));
  }
  // markdown-it closes what it opens; anything left open still shows.
  while (open.length > 0) close();
  return root;
}
