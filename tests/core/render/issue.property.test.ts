import fc from 'fast-check';
import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/core/category';
import { createPreviewMarkdown, renderPreviewHtml } from '../../../src/core/render/markdown-preview';
import { renderZenn } from '../../../src/core/render/zenn';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { isHttpUrl } from '../../../src/core/url';
import { tokensToNodes } from '../../../src/options/preview-nodes';
import { makeClipping, makeIssue } from '../../support/factories';
import { renderZenn as renderOnZenn } from '../../support/zenn';

/**
 * Every text surface of an issue at once (name, intro, category labels, titles, URLs, notes, afterword),
 * each built from the pieces of Markdown that Zenn's rules react to. Rendered through zenn-markdown-html,
 * the issue has exactly its h1/h2/h3 sequence and the items' cards in order; the preview tree and the
 * copied HTML have the same headings, and the preview the same item cards.
 *
 * FUZZ_RUNS sets the number of runs: a few hundred in `npm test`, 20,000 in `npm run fuzz`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const PIECES = [
  '#',
  '### ',
  ' ',
  '    ',
  '\n',
  '\n\n',
  '```',
  '~~~',
  ':::details 詳細\n',
  ':::message\n',
  ':::',
  '- ',
  '1. ',
  '> ',
  '---',
  '===',
  '$',
  '$$',
  '(1)',
  '[^1]',
  '[^1]: ',
  '^[注]',
  '@[card](',
  ')',
  'https://example.com/p',
  '[x]()',
  '<br>',
  '*',
  '`',
  '|',
  '\\',
  'a',
  '本文',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const url = fc.oneof(
  fc.constantFrom(
    'https://example.com/a',
    'https://example.com/a b',
    'https://example.com/$$',
    'https://example.com/(x)',
  ),
  text.map((path) => `https://example.com/${path}`),
);

interface Surfaces {
  name: string;
  intro: string;
  labels: [string, string];
  items: { title: string; url: string; note: string; category: 0 | 1 }[];
  afterword: string;
}

const surfaces: fc.Arbitrary<Surfaces> = fc.record({
  name: text,
  intro: text,
  labels: fc.tuple(text, text),
  items: fc.array(fc.record({ title: text, url, note: text, category: fc.constantFrom<0 | 1>(0, 1) }), {
    minLength: 1,
    maxLength: 4,
  }),
  afterword: text,
});

function markdownOf(input: Surfaces): string {
  const categories: Category[] = input.labels.map((label, index) => ({
    id: `c${index}`,
    label,
    order: index,
  }));
  return renderZenn({
    issue: makeIssue({ id: 'i', afterword: input.afterword }),
    clippings: input.items.map((item, index) =>
      makeClipping({ ...item, id: `k${index}`, issueId: 'i', order: index, categoryId: `c${item.category}` }),
    ),
    categories,
    settings: { ...DEFAULT_SETTINGS, name: input.name, introTemplate: input.intro },
  });
}

/** h1, then per non-empty category its h2 and an h3 per item, then the afterword's h2. */
function expectedHeadings(input: Surfaces): string[] {
  const tags = ['h1'];
  for (const category of [0, 1] as const) {
    const items = input.items.filter((item) => item.category === category);
    if (items.length > 0) tags.push('h2', ...items.map(() => 'h3'));
  }
  if (input.afterword.trim() !== '') tags.push('h2');
  return tags;
}

/**
 * `h2 text` for every h1–h3 anywhere in the HTML, nested ones included. Read with a regex rather than a
 * DOM: both renderers escape `<` in text, so every `<h1`–`<h3` is an element, and 20,000 runs stay fast.
 */
function htmlHeadings(html: string): string[] {
  return Array.from(html.matchAll(/<(h[1-3])\b[^>]*>([\s\S]*?)<\/\1>/g), ([, tag, inner]) => {
    const text = (inner ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ENTITIES[name] ?? '');
    return `${tag} ${text.trim()}`;
  });
}
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

/** The targets of Zenn's embed-server cards, decoded, in order. */
function embedTargets(html: string): string[] {
  return Array.from(html.matchAll(/data-content="([^"]*)"/g), ([, content]) =>
    decodeURIComponent((content ?? '').replace(/&amp;/g, '&')),
  );
}

function textOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node === null || typeof node !== 'object') return '';
  return textOf((node as VNode<{ children?: unknown }>).props.children);
}

/** Headings and card links of the preview's node tree, in document order. */
function previewOutline(nodes: unknown, out = { headings: [] as string[], cards: [] as string[] }) {
  if (Array.isArray(nodes)) {
    for (const node of nodes) previewOutline(node, out);
    return out;
  }
  if (nodes === null || typeof nodes !== 'object') return out;
  const { type, props } = nodes as VNode<Record<string, unknown>>;
  if (typeof type === 'string' && /^h[1-3]$/.test(type))
    out.headings.push(`${type} ${textOf(props.children).trim()}`);
  if (type === 'div' && props['data-testid'] === 'preview-card') {
    const link = (props.children as VNode<{ href: string }>[] | VNode<{ href: string }>) ?? [];
    out.cards.push((Array.isArray(link) ? link[0] : link)?.props.href ?? '');
  }
  previewOutline(props.children, out);
  return out;
}

const preview = createPreviewMarkdown();

describe('every text surface at once', () => {
  it(
    'renders on Zenn with exactly the issue’s headings and item cards, and the preview and copied HTML agree',
    async () => {
      await fc.assert(
        fc.asyncProperty(surfaces, async (input) => {
          const markdown = markdownOf(input);
          const zenn = await renderOnZenn(markdown);
          const headings = htmlHeadings(zenn);
          expect(
            headings.map((heading) => heading.split(' ')[0]),
            markdown,
          ).toEqual(expectedHeadings(input));

          // Items render by category, then in their order.
          const itemCards = [0, 1]
            .flatMap((category) => input.items.filter((item) => item.category === category))
            .map((item) => item.url.replace(/[\r\n]/g, ''))
            .filter((target) => isHttpUrl(target));
          const targets = embedTargets(zenn);
          expect(
            targets.filter((target) => itemCards.includes(target)),
            markdown,
          ).toEqual(itemCards);

          const outline = previewOutline(tokensToNodes(preview.parse(markdown, {})));
          expect(outline.headings, markdown).toEqual(htmlHeadings(renderPreviewHtml(markdown)));
          expect(
            outline.headings.map((heading) => heading.split(' ')[0]),
            markdown,
          ).toEqual(expectedHeadings(input));
          const previewCards = outline.cards.map((href) => decodeURI(href));
          expect(
            previewCards.filter((href) => itemCards.some((card) => decodeURI(new URL(card).href) === href))
              .length,
            markdown,
          ).toBeGreaterThanOrEqual(itemCards.length);
        }),
        { numRuns: RUNS },
      );
    },
    // A hang guard only: zenn-markdown-html takes up to ~100 ms per issue on a busy machine.
    Math.max(60_000, RUNS * 250),
  );
});
