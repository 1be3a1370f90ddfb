import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import markdownToHtml from 'zenn-markdown-html';
import {
  createPreviewMarkdown,
  isHttpUrl,
  readLinkCard,
  renderPreviewHtml,
} from '../../../src/core/render/markdown-preview';
import { HOSTILE_NOTES } from '../../support/hostile-notes';
import { OFFLINE } from '../../support/offline-dom';

// A detached happy-dom document to read the HTML string back; the Node environment itself is untouched.
const window = new Window({ settings: OFFLINE });
afterAll(() => window.happyDOM.close());

function parse(html: string) {
  const root = window.document.createElement('div');
  root.innerHTML = html;
  return root;
}

const ISSUE = `# Neco Weekly (2023-09-15号)

Neco Weekly は社内の有志が作っている週刊ニュースです。

今回は第41回目の記事となります。

## 👀 Notable Articles

### Cilium BGP Control Plane 使ってみました

https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html

BGP の設定を CRD で書ける
- [公式ドキュメント](https://docs.cilium.io/) も参照
  - nested item
and \`kubectl get bgp\`

### \\[Kubernetes 1.25\\] escaped title

@[card](https://example.com/some_url)

## あとがき

来週はお休みです。
`;

describe('renderPreviewHtml', () => {
  it('renders a whole issue as headings, paragraphs, cards and lists', () => {
    const root = parse(renderPreviewHtml(ISSUE));
    const blocks = Array.from(root.children, (block) => [
      block.tagName.toLowerCase(),
      block.textContent?.replace(/\s+/g, ' ').trim(),
    ]);
    expect(blocks).toEqual([
      ['h1', 'Neco Weekly (2023-09-15号)'],
      ['p', 'Neco Weekly は社内の有志が作っている週刊ニュースです。'],
      ['p', '今回は第41回目の記事となります。'],
      ['h2', '👀 Notable Articles'],
      ['h3', 'Cilium BGP Control Plane 使ってみました'],
      ['p', 'https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html'],
      ['p', 'BGP の設定を CRD で書ける'],
      ['ul', '公式ドキュメント も参照 nested item and kubectl get bgp'],
      ['h3', '[Kubernetes 1.25] escaped title'],
      ['p', 'https://example.com/some_url'],
      ['h2', 'あとがき'],
      ['p', '来週はお休みです。'],
    ]);
    expect(root.querySelector('ul')?.outerHTML).toBe(
      '<ul>\n<li><a href="https://docs.cilium.io/" rel="noopener noreferrer">公式ドキュメント</a> も参照\n' +
        '<ul>\n<li>nested item<br>\nand <code>kubectl get bgp</code></li>\n</ul>\n</li>\n</ul>',
    );
  });

  it('renders a link card as a paragraph holding one link', () => {
    expect(renderPreviewHtml('https://example.com/a?b=1&c=2')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.com/a?b=1&amp;c=2</a></p>\n',
    );
    expect(renderPreviewHtml('@[card](https://example.com/some_url)')).toBe(
      '<p><a href="https://example.com/some_url" rel="noopener noreferrer">https://example.com/some_url</a></p>\n',
    );
  });

  it('keeps links inside text as links with rel="noopener noreferrer" and nothing else', () => {
    const html = renderPreviewHtml(
      'see [docs](https://docs.example.com/ "Docs title") and https://a.example/x',
    );
    expect(html).toBe(
      '<p>see <a href="https://docs.example.com/" rel="noopener noreferrer">docs</a> and ' +
        '<a href="https://a.example/x" rel="noopener noreferrer">https://a.example/x</a></p>\n',
    );
  });

  it('nests lists', () => {
    const root = parse(renderPreviewHtml('- one\n  - one.a\n    1. deep\n- two'));
    expect(root.querySelectorAll('ul > li > ul > li > ol > li')).toHaveLength(1);
    expect(
      Array.from(root.querySelectorAll(':scope > ul > li'), (li) => li.firstChild?.textContent?.trim()),
    ).toEqual(['one', 'two']);
  });

  it('renders inline code and fences as escaped text', () => {
    expect(renderPreviewHtml('run `a <b> & c`')).toBe('<p>run <code>a &lt;b&gt; &amp; c</code></p>\n');
    expect(renderPreviewHtml('```ts\nconst a = "<b>";\n```')).toBe(
      '<pre><code>const a = &quot;&lt;b&gt;&quot;;\n</code></pre>\n',
    );
  });

  it('turns single newlines into line breaks, as Zenn does', () => {
    expect(renderPreviewHtml('一行目\n二行目')).toBe('<p>一行目<br>\n二行目</p>\n');
  });

  it('links only URLs with a scheme, as Zenn does', () => {
    expect(renderPreviewHtml('example.com and foo@example.com')).toBe(
      '<p>example.com and foo@example.com</p>\n',
    );
  });

  it('shows an image as its alt text, or its URL without one, and never as <img>', () => {
    expect(renderPreviewHtml('![diagram](https://example.com/d.png) ![](https://example.com/e.png)')).toBe(
      '<p>diagram https://example.com/e.png</p>\n',
    );
  });

  it('renders an empty issue as nothing', () => {
    expect(renderPreviewHtml('')).toBe('');
  });
});

describe('link cards', () => {
  const md = createPreviewMarkdown();
  const cardsOf = (markdown: string) =>
    md
      .parse(markdown, {})
      .map(readLinkCard)
      .filter((card) => card !== undefined);

  it('reads the URL, its host and the URL as shown', () => {
    expect(cardsOf('https://例え.jp/パス')).toEqual([
      { href: 'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9', host: '例え.jp', text: 'https://例え.jp/パス' },
    ]);
    expect(cardsOf('@[card](https://example.com:8080/a)')).toEqual([
      { href: 'https://example.com:8080/a', host: 'example.com:8080', text: 'https://example.com:8080/a' },
    ]);
  });

  it('splits a paragraph around a URL alone on its line', () => {
    const root = parse(renderPreviewHtml('参考:\nhttps://example.com/a\nその後'));
    expect(Array.from(root.children, (block) => block.outerHTML)).toEqual([
      '<p>参考:</p>',
      '<p><a href="https://example.com/a" rel="noopener noreferrer">https://example.com/a</a></p>',
      '<p>その後</p>',
    ]);
  });

  it('keeps a non-http @[card] as literal text', () => {
    expect(renderPreviewHtml('@[card](ftp://example.com/a)')).toBe('<p>@[card](ftp://example.com/a)</p>\n');
    expect(cardsOf('@[card](not a url)')).toEqual([]);
  });

  // Zenn with an embed origin renders every card as an iframe whose data-content is the URL.
  async function zennCards(markdown: string): Promise<string[]> {
    const html = await markdownToHtml(markdown, { embedOrigin: 'https://embed.zenn.studio' });
    return Array.from(parse(html).querySelectorAll('.zenn-embedded-card iframe'), (frame) =>
      decodeURIComponent(frame.getAttribute('data-content') ?? ''),
    );
  }

  it.each([
    ['a bare URL paragraph', 'https://example.com/a'],
    ['a URL alone on a line mid-paragraph', 'before\nhttps://example.com/a\nafter'],
    ['two URL lines', 'https://example.com/a\nhttps://example.com/b'],
    ['a URL with text on its line', 'see https://example.com/a'],
    ['a URL in a list item', '- https://example.com/a'],
    ['a URL in a quote', '> https://example.com/a'],
    ['an angle-bracket autolink', '<https://example.com/a>'],
    ['a Markdown link', '[https://example.com/a](https://example.com/a)'],
    ['@[card]', '@[card](https://example.com/a)'],
    ['@[card] after a paragraph line', 'text\n@[card](https://example.com/a)'],
    ['a whole issue', ISSUE],
  ])('finds the same cards as Zenn in %s', async (_name, markdown) => {
    expect(cardsOf(markdown).map((card) => card.text)).toEqual(await zennCards(markdown));
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://example.com/', true],
    ['HTTP://EXAMPLE.COM', true],
    ['http://', false],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['//example.com', false],
    ['/relative', false],
    ['mailto:a@example.com', false],
  ])('%s → %s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });
});

const ALLOWED_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'p',
  'a',
  'ul',
  'ol',
  'li',
  'code',
  'pre',
  'em',
  'strong',
  's',
  'br',
]);

describe('hostile notes', () => {
  it.each(HOSTILE_NOTES)('$name: nothing from the note becomes markup', ({ note, visible }) => {
    const root = parse(renderPreviewHtml(`## Tools\n\n### Title\n\nhttps://example.com/item\n\n${note}\n`));
    for (const element of root.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      expect(ALLOWED_TAGS, tag).toContain(tag);
      const allowed = tag === 'a' ? ['href', 'rel'] : tag === 'ol' ? ['start'] : [];
      for (const name of element.getAttributeNames()) expect(allowed, element.outerHTML).toContain(name);
      if (tag === 'a') expect(isHttpUrl(element.getAttribute('href') ?? ''), element.outerHTML).toBe(true);
    }
    for (const text of visible) expect(root.textContent).toContain(text);
  });
});
