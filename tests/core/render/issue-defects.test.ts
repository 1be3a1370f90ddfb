import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/core/category';
import { renderPreviewHtml } from '../../../src/core/render/markdown-preview';
import { renderZenn } from '../../../src/core/render/zenn';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { makeClipping, makeIssue } from '../../support/factories';
import { embedsIn, parseHtml, renderZenn as renderOnZenn } from '../../support/zenn';

/**
 * Issue 7, defects 2, 3 and 13, each as the issue reports it and as a table of its class: text that
 * Zenn's KaTeX, container, card and footnote rules read differently from a plain Markdown parser.
 * zenn-markdown-html is the judge; the preview's HTML must show the same headings and cards.
 */

const CATEGORIES: Category[] = [
  { id: 'a', label: '記事', order: 1 },
  { id: 'b', label: 'ツール', order: 2 },
];

interface Surfaces {
  name?: string;
  intro?: string;
  labels?: [string, string];
  notes?: [string, string];
  afterword?: string;
}

function issueMarkdown({ name, intro, labels, notes, afterword }: Surfaces): string {
  const issue = makeIssue({ id: 'i', number: 41, afterword: afterword ?? '' });
  return renderZenn({
    issue,
    clippings: [makClip('one', 'a', 1, notes?.[0] ?? 'メモ1'), makClip('two', 'b', 2, notes?.[1] ?? 'メモ2')],
    categories: CATEGORIES.map((category, index) => ({
      ...category,
      label: labels?.[index] ?? category.label,
    })),
    settings: {
      ...DEFAULT_SETTINGS,
      name: name ?? 'Weekly',
      introTemplate: intro ?? DEFAULT_SETTINGS.introTemplate,
    },
  });
}

function makClip(id: string, categoryId: string, order: number, note: string) {
  return makeClipping({
    id,
    issueId: 'i',
    categoryId,
    order,
    title: `記事 ${id}`,
    url: `https://example.com/${id}`,
    note,
  });
}

type Html = ReturnType<typeof parseHtml>;
function* elementsUnder(root: Html): Generator<Html> {
  for (const child of root.children) {
    yield child as Html;
    yield* elementsUnder(child as Html);
  }
}

/** h1–h3 anywhere, nested included, as `h2` tags: the structure a reader navigates. */
function majorHeadings(html: string): string[] {
  return Array.from(elementsUnder(parseHtml(html)))
    .filter((element) => /^H[1-3]$/.test(element.tagName))
    .map((element) => element.tagName.toLowerCase());
}

const STRUCTURE = ['h1', 'h2', 'h3', 'h2', 'h3'];
const WITH_AFTERWORD = [...STRUCTURE, 'h2'];

async function expectStructure(surfaces: Surfaces) {
  const markdown = issueMarkdown(surfaces);
  const html = await renderOnZenn(markdown);
  const expected = surfaces.afterword ? WITH_AFTERWORD : STRUCTURE;
  expect(majorHeadings(html), markdown).toEqual(expected);
  expect(embedsIn(html).map(({ target }) => target)).toEqual([
    'https://example.com/one',
    'https://example.com/two',
  ]);
  expect(majorHeadings(renderPreviewHtml(markdown)), markdown).toEqual(expected);
}

describe('defect 2: a $$ in any text surface never opens a KaTeX block past its own text', () => {
  it.each<[string, Surfaces]>([
    ['a list item note and the afterword (as reported)', { notes: ['- $$', 'メモ'], afterword: 'z$$' }],
    ['a quoted note and the next note', { notes: ['> $$', 'x $$ y'] }],
    ['a footnote definition and the afterword', { notes: ['a[^1]\n\n[^1]: $$', 'b'], afterword: 'z$$' }],
    ['a nested list', { notes: ['1. - > $$', '$$'] }],
    ['the intro template', { intro: '{{name}}\n\n- $$', afterword: '$$' }],
    ['the newsletter name in the intro', { name: '$$', intro: '{{name}}', notes: ['a$$', 'b'] }],
    ['category labels', { labels: ['$$', '$$'], notes: ['$$', 'x$$'] }],
    ['the afterword alone', { afterword: '- $$\n# 見出し' }],
    ['an unclosed top-level block', { notes: ['$$\n\\frac{1}{2}', 'x $$'] }],
    ['eqno right after', { notes: ['$$a$$', '(1)'] }],
    // Found by the property test in CI: with no later $$ the quote's open math ended and let `> #` in.
    ['a quoted $$ with no $$ after it', { notes: ['> $$:::message\n    > #', ''] }],
  ])('%s', async (_, surfaces) => {
    await expectStructure(surfaces);
  });

  it('keeps a closed math block a math block', async () => {
    const markdown = issueMarkdown({ notes: ['$$\nx^2\n$$', 'b'] });
    expect(await renderOnZenn(markdown)).toContain('embed-katex');
  });
});

describe('defect 13: footnotes work, stay per item, and never swallow a heading', () => {
  it('renders a note footnote as a footnote on Zenn', async () => {
    const html = await renderOnZenn(issueMarkdown({ notes: ['本文[^1]\n\n[^1]: 補足', 'b'] }));
    expect(html).toContain('footnote-ref');
    expect(html).toContain('補足');
    expect(html).not.toContain('[^1]');
  });

  it('keeps two items’ [^1] apart', async () => {
    const html = await renderOnZenn(
      issueMarkdown({ notes: ['一[^1]\n\n[^1]: 一の注', '二[^1]\n\n[^1]: 二の注'] }),
    );
    const items = Array.from(elementsUnder(parseHtml(html))).filter((element) =>
      (element.getAttribute('class') ?? '').includes('footnote-item'),
    );
    expect(items.map((item) => item.textContent?.replace('↩︎', '').trim())).toEqual(['一の注', '二の注']);
  });

  it('writes the first [^1] as the team wrote it and renames only the later one', () => {
    const markdown = issueMarkdown({ notes: ['一[^1]\n\n[^1]: 一の注', '二[^1]\n\n[^1]: 二の注'] });
    expect(markdown).toContain('一[^1]\n\n[^1]: 一の注');
    expect(markdown).toMatch(/二\[\^(\w+)-1\]\n\n\[\^\1-1\]: 二の注/);
  });

  it.each([
    ['a reference without a definition', ['参照[^1]', 'b'], '[^1]'],
    ['a reference whose definition is in another item', ['参照[^x]', '[^x]: 別の注'], '[^x]'],
  ] as const)('leaves %s as literal text', async (_, notes, literal) => {
    const html = await renderOnZenn(issueMarkdown({ notes: [...notes] }));
    expect(parseHtml(html).textContent).toContain(literal);
    expect(html).not.toContain('footnote-ref');
  });

  it.each([
    ['a heading inside a definition', '本文[^1]\n\n[^1]: # 見出し'],
    ['a lazy continuation', '本文[^1]\n\n[^1]: 注\n## 見出し'],
    ['an indented continuation', '本文[^1]\n\n[^1]: 注\n\n    ### 見出し'],
    ['a definition as the afterword', '[^1]: 注'],
  ])('never lets %s swallow or make a heading', async (_, note) => {
    await expectStructure({ notes: [note, 'b'], afterword: note });
  });
});

describe('defect 3: the copied HTML and the preview show what Zenn shows', () => {
  it('renders :::details with a fence as a container, so later headings stay headings', async () => {
    const note = ':::details 詳細\n```\ncode\n```\n:::';
    await expectStructure({ notes: [note, 'b'] });
    expect(renderPreviewHtml(issueMarkdown({ notes: [note, 'b'] }))).toContain(
      '<details><summary>詳細</summary>',
    );
  });

  it('shows @[card](url with a space) as a card', () => {
    const html = renderPreviewHtml('@[card](https://example.com/a b)');
    expect(html).toBe(
      '<p><a href="https://example.com/a%20b" rel="noopener noreferrer">https://example.com/a b</a></p>\n',
    );
  });

  it.each(['[x]()', '[x](/relative)', '[x](#top)', '[x](mailto:a@example.com)', '<javascript:alert(1)>'])(
    'writes %s as text, never as a link that is not http(s)',
    (markdown) => {
      const html = renderPreviewHtml(markdown);
      expect(html).not.toContain('<a');
    },
  );
});
