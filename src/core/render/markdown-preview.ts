import type { MarkdownIt as Markdown, StateCore, Token } from 'markdown-it';
import { isHttpUrl } from '../url';
import { bareUrlCards, embedsAsCards, LINK_CARD, readLinkCard } from './link-card-token';
import { createZennMarkdown, DETAILS } from './zenn-markdown';

/**
 * Markdown parsing for the issue preview and the copied HTML: Zenn's own parse (zenn-markdown.ts: KaTeX,
 * footnotes, `@[...]` embeds, `:::` containers), so both show the structure Zenn shows, but made safe for
 * notes written by anyone: raw HTML stays text, images never load, links go only to http(s), math and
 * footnotes show as text.
 *
 * Link cards become one block token, `link_card`; `readLinkCard` gives what it shows.
 */

export { LINK_CARD, type LinkCard, readLinkCard } from './link-card-token';
export { isHttpUrl };

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
