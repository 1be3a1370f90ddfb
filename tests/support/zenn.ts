import { type Element as HappyElement, Window } from 'happy-dom';
import markdownToHtml from 'zenn-markdown-html';
import { OFFLINE } from './offline-dom';

/**
 * Renders Markdown as zenn.dev does. Without `embedOrigin` a link card renders as a plain `<a>`, which
 * could not be told apart from a link; with it, every card or embed served by Zenn's embed server is a
 * `<span class="embed-block zenn-embedded zenn-embedded-KIND">` with the URL in its iframe's
 * `data-content`.
 */
export function renderZenn(markdown: string): Promise<string> {
  return markdownToHtml(markdown, { embedOrigin: 'https://embed.zenn.studio' });
}

// Rendered embeds are iframes: without disableIframePageLoading happy-dom would try to load each one
// from embed.zenn.studio, and keeps a frame per iframe (40 kB each) alive after the element is gone.
const { document } = new Window({ settings: OFFLINE });

/** Parses rendered HTML into a detached element (happy-dom, so tests need no DOM environment). */
export function parseHtml(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

type ParsedElement = HappyElement;

/**
 * Every element under `root`, in document order. Tests walk the tree instead of calling
 * querySelector(All): in happy-dom 21 each query keeps about 60 kB alive after its elements are gone,
 * which runs a few thousand property-test renders out of memory.
 */
function* elementsUnder(root: ParsedElement): Generator<ParsedElement> {
  for (const child of root.children) {
    yield child;
    yield* elementsUnder(child);
  }
}

function hasClass(element: ParsedElement, name: string): boolean {
  return (element.getAttribute('class') ?? '').split(/\s+/).includes(name);
}

/** Cards and embeds: `<span class="embed-block ...">`, and the hidden link after a bare URL's card. */
function isHiddenFromReaders(element: ParsedElement): boolean {
  return (
    (element.tagName === 'SPAN' && hasClass(element, 'embed-block')) ||
    (element.tagName === 'A' && /display:\s*none/.test(element.getAttribute('style') ?? ''))
  );
}

export interface RenderedHeading {
  tag: string;
  /** Text after Zenn's header anchor (`<a class="header-anchor-link"></a>` and one space), entities decoded. */
  text: string;
  /** Tags of elements inside the heading other than the header anchor; [] for a heading of plain text. */
  markup: string[];
}

function readHeading(heading: ParsedElement): RenderedHeading {
  // Zenn gives an empty heading (`##### ` alone on its line) no header anchor: nothing to link to.
  if (heading.childNodes.length === 0) return { tag: heading.tagName.toLowerCase(), text: '', markup: [] };
  const anchor = heading.firstChild;
  const hasAnchor =
    anchor !== null &&
    anchor.nodeName === 'A' &&
    (anchor as ParsedElement).className === 'header-anchor-link' &&
    anchor.textContent === '';
  if (!hasAnchor) throw new Error(`Heading without Zenn's header anchor: ${heading.outerHTML}`);
  const copy = heading.cloneNode(true) as ParsedElement;
  if (copy.firstChild) copy.removeChild(copy.firstChild);
  const text = copy.textContent ?? '';
  if (!text.startsWith(' ')) throw new Error(`No space after the header anchor: ${heading.outerHTML}`);
  return {
    tag: heading.tagName.toLowerCase(),
    text: text.slice(1),
    markup: Array.from(elementsUnder(copy), (element) => element.tagName.toLowerCase()),
  };
}

export interface RenderedBlock {
  tag: string;
  /** Text content with entities decoded; for a heading, the text after the header anchor. */
  text: string;
  heading?: RenderedHeading;
}

/**
 * The top-level blocks of rendered HTML, in order. Text outside any element (Zenn writes an embed's
 * error message that way) is a block with the tag `#text`; whitespace between blocks is left out.
 */
export function blocksIn(html: string): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  for (const node of parseHtml(html).childNodes) {
    if (node.nodeType === node.TEXT_NODE) {
      const text = node.textContent?.trim() ?? '';
      if (text !== '') blocks.push({ tag: '#text', text });
      continue;
    }
    const block = node as ParsedElement;
    const tag = block.tagName.toLowerCase();
    if (!/^h[1-6]$/.test(tag)) blocks.push({ tag, text: block.textContent ?? '' });
    else {
      const heading = readHeading(block);
      blocks.push({ tag, text: heading.text, heading });
    }
  }
  return blocks;
}

export type EmbedKind = 'card' | 'tweet' | 'github' | 'gist' | 'youtube' | 'other';

export interface RenderedEmbed {
  kind: EmbedKind;
  /**
   * The URL the embed shows: the decoded `data-content` of an embed-server iframe; for the YouTube
   * player, `youtube:VIDEO_ID` (the player keeps only the video ID and start time).
   */
  target: string;
}

/** Every card or embed (`<span class="embed-block ...">`) in rendered HTML. */
export function embedsIn(html: string): RenderedEmbed[] {
  const spans = Array.from(elementsUnder(parseHtml(html))).filter(
    (element) => element.tagName === 'SPAN' && hasClass(element, 'embed-block'),
  );
  return spans.map((span) => {
    const iframe = Array.from(elementsUnder(span)).find((element) => element.tagName === 'IFRAME');
    const classes = (span.getAttribute('class') ?? '').split(/\s+/);
    const kindClass = classes.find((name) => name.startsWith('zenn-embedded-'));
    if (kindClass && iframe) {
      const kind = kindClass.slice('zenn-embedded-'.length);
      return {
        kind: (['card', 'tweet', 'github', 'gist'].includes(kind) ? kind : 'other') as EmbedKind,
        target: decodeURIComponent(iframe.getAttribute('data-content') ?? ''),
      };
    }
    if (classes.includes('embed-youtube') && iframe) {
      const videoId = /\/embed\/([\w-]+)/.exec(iframe.getAttribute('src') ?? '')?.[1] ?? '';
      return { kind: 'youtube', target: `youtube:${videoId}` };
    }
    return { kind: 'other', target: '' };
  });
}

/**
 * Trimmed texts of the visible top-level blocks of rendered HTML, empty ones left out: embeds are
 * dropped, and so is the hidden `<a style="display:none">` Zenn leaves after a card made from a bare URL.
 */
export function visibleBlocks(html: string): string[] {
  const root = parseHtml(html);
  for (const hidden of Array.from(elementsUnder(root)).filter(isHiddenFromReaders)) hidden.remove();
  return Array.from(root.childNodes, (node) => node.textContent?.trim() ?? '').filter((text) => text !== '');
}

/**
 * The target a card or embed of `kind` shows for `url`: the URL itself, except that YouTube's player
 * keeps only the video ID, which Zenn takes from `v=` or else the first path segment.
 */
export function embedTarget(url: string, kind: EmbedKind): string {
  if (kind !== 'youtube') return url;
  const parsed = new URL(url);
  return `youtube:${parsed.searchParams.get('v') || parsed.pathname.split('/')[1]}`;
}

/**
 * True when rendered HTML is a link card (or embed) for `url` and nothing else visible: exactly one
 * embed, pointing at `url`, and no stray text such as a `)` left behind or Zenn's 「URLが不正です」.
 * Give it the rendering of the card line alone.
 */
export function isLinkCardHtml(html: string, url: string): boolean {
  const embeds = embedsIn(html);
  const embed = embeds[0];
  return (
    embeds.length === 1 &&
    embed !== undefined &&
    embed.kind !== 'other' &&
    embed.target === embedTarget(url, embed.kind) &&
    visibleBlocks(html).length === 0
  );
}
