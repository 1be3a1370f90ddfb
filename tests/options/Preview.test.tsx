// Scripts and inline handlers run in this file's happy-dom (off by default), so a note that became markup
// and ran would set globalThis.pwned. Only this file's own fixtures run here.
// @vitest-environment-options {"settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true}}
import { render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isHttpUrl } from '../../src/core/render/markdown-preview';
import { Preview } from '../../src/options/components/Preview';
import { loadPreviewRenderer } from '../../src/options/preview-loader';
import { HOSTILE_NOTES } from '../support/hostile-notes';

const ISSUE = `# Neco Weekly (2023-09-15号)

今回は第41回目の記事となります。

## 👀 Notable Articles

### Cilium BGP Control Plane 使ってみました

https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html

BGP の設定を CRD で書ける
- [公式ドキュメント](https://docs.cilium.io/) も参照
  - nested item
and \`kubectl get bgp\`

### \\[Kubernetes 1.25\\] escaped title

@[card](https://kubernetes.io/blog/2022/08/23/kubernetes-v1-25-release/)

## あとがき

来週は
お休みです。
`;

const preview = () => screen.getByTestId('issue-preview');

// The renderer is a chunk loaded on demand; once loaded, a preview with no delay draws at once.
beforeAll(async () => {
  await loadPreviewRenderer();
});

describe('Preview', () => {
  it('renders headings in order', () => {
    render(<Preview markdown={ISSUE} />);
    const headings = within(preview()).getAllByRole('heading');
    expect(headings.map((heading) => [heading.tagName, heading.textContent])).toEqual([
      ['H1', 'Neco Weekly (2023-09-15号)'],
      ['H2', '👀 Notable Articles'],
      ['H3', 'Cilium BGP Control Plane 使ってみました'],
      ['H3', '[Kubernetes 1.25] escaped title'],
      ['H2', 'あとがき'],
    ]);
  });

  it('renders link cards with host and URL', () => {
    render(<Preview markdown={ISSUE} />);
    const cards = screen.getAllByTestId('preview-card');
    expect(
      cards.map((card) => {
        const link = within(card).getByRole('link');
        return {
          href: link.getAttribute('href'),
          target: link.getAttribute('target'),
          rel: link.getAttribute('rel'),
          host: card.querySelector('.link-card-host')?.textContent,
          url: card.querySelector('.link-card-url')?.textContent,
        };
      }),
    ).toEqual([
      {
        href: 'https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html',
        target: '_blank',
        rel: 'noopener noreferrer',
        host: 'terassyi.net',
        url: 'https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html',
      },
      {
        href: 'https://kubernetes.io/blog/2022/08/23/kubernetes-v1-25-release/',
        target: '_blank',
        rel: 'noopener noreferrer',
        host: 'kubernetes.io',
        url: 'https://kubernetes.io/blog/2022/08/23/kubernetes-v1-25-release/',
      },
    ]);
    expect(cards[0]?.className).toBe('link-card');
  });

  it('renders nested lists with links, line breaks and inline code', () => {
    render(<Preview markdown={ISSUE} />);
    const list = preview().querySelector(':scope > ul') as HTMLElement;
    expect(list.outerHTML).toBe(
      '<ul><li><a href="https://docs.cilium.io/" target="_blank" rel="noopener noreferrer">公式ドキュメント</a>' +
        ' も参照<ul><li>nested item<br>and <code>kubectl get bgp</code></li></ul></li></ul>',
    );
  });

  it('turns single newlines into <br>', () => {
    render(<Preview markdown={ISSUE} />);
    expect(preview().lastElementChild?.outerHTML).toBe('<p>来週は<br>お休みです。</p>');
  });

  it('splits a paragraph around a URL alone on its line, as Zenn does', () => {
    render(<Preview markdown={'参考:\nhttps://example.com/a\nその後'} />);
    expect(Array.from(preview().children, (child) => child.className || child.textContent)).toEqual([
      '参考:',
      'link-card',
      'その後',
    ]);
  });

  it('renders the other block and inline elements', () => {
    const markdown = [
      '*em* **strong** ~~gone~~',
      '> quoted',
      '---',
      '```ts\nconst a = 1;\n```',
      '3. three\n4. four',
      '1) one',
      '| a | b |\n|:--|--:|\n| 1 | 2 |',
      '#### h4',
    ].join('\n\n');
    render(<Preview markdown={markdown} />);
    expect(preview().innerHTML).toBe(
      '<p><em>em</em> <strong>strong</strong> <s>gone</s></p>' +
        '<blockquote><p>quoted</p></blockquote>' +
        '<hr>' +
        '<pre><code>const a = 1;\n</code></pre>' +
        '<ol start="3"><li>three</li><li>four</li></ol>' +
        '<ol><li>one</li></ol>' +
        '<table><thead><tr><th style="text-align: left;">a</th><th style="text-align: right;">b</th></tr></thead>' +
        '<tbody><tr><td style="text-align: left;">1</td><td style="text-align: right;">2</td></tr></tbody></table>' +
        '<h4>h4</h4>',
    );
  });

  it('shows images as text and never loads them', () => {
    render(<Preview markdown={'![diagram](https://example.com/d.png)'} />);
    expect(preview().innerHTML).toBe('<p>diagram</p>');
  });

  it('follows a new markdown', () => {
    const { rerender } = render(<Preview markdown="# One" />);
    rerender(<Preview markdown="# Two" />);
    expect(preview().textContent).toBe('Two');
  });

  it('renders nothing for an empty issue', () => {
    render(<Preview markdown="" />);
    expect(preview().childNodes).toHaveLength(0);
  });
});

const FORBIDDEN =
  'img, script, iframe, svg, style, meta, base, object, embed, form, input, link, video, audio';

describe('Preview of hostile notes', () => {
  const scope = globalThis as { pwned?: unknown };
  afterEach(() => {
    delete scope.pwned;
  });

  it.each(HOSTILE_NOTES)('$name: shows the text and makes no markup of it', async ({ note, visible }) => {
    render(<Preview markdown={`## Tools\n\n### Title\n\nhttps://example.com/item\n\n${note}\n`} />);
    const root = preview();
    // Click everything so any onclick would run, without following links out of the test.
    root.addEventListener('click', (event) => event.preventDefault());
    for (const element of root.querySelectorAll<HTMLElement>('*')) element.click();
    expect(root.querySelectorAll(FORBIDDEN)).toHaveLength(0);
    for (const element of root.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) expect(name, element.outerHTML).not.toMatch(/^on/i);
      if (element.tagName === 'A')
        expect(isHttpUrl(element.getAttribute('href') ?? ''), element.outerHTML).toBe(true);
      else expect(element.hasAttribute('href'), element.outerHTML).toBe(false);
    }
    for (const text of visible) expect(root.textContent).toContain(text);
    // Give an onerror or onload a chance to fire had anything been made of the note.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(scope.pwned).toBeUndefined();
  });
});

describe('Preview of Zenn blocks (issue 7, defect 3)', () => {
  it('shows :::details as a details block, its fence inside, the headings after it outside', () => {
    render(<Preview markdown={':::details 詳細\n```\n### not a heading\n```\n:::\n\n### 次の記事\n'} />);
    const details = preview().querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('詳細');
    expect(details?.querySelector('pre')?.textContent).toBe('### not a heading\n');
    expect(
      within(preview())
        .getAllByRole('heading')
        .map((heading) => heading.textContent),
    ).toEqual(['次の記事']);
  });

  it('shows @[card](url with a space) as a card, and [x]() as text', () => {
    render(<Preview markdown={'@[card](https://example.com/a b)\n\n[x]() と [y](/relative)\n'} />);
    const card = within(preview()).getByTestId('preview-card');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('https://example.com/a%20b');
    expect(Array.from(preview().querySelectorAll('a'), (link) => link.getAttribute('href'))).toEqual([
      'https://example.com/a%20b',
    ]);
  });

  it('shows footnotes as numbers with their list at the end, and math as its source', () => {
    render(<Preview markdown={'本文[^a]と $x^2$\n\n[^a]: 注\n\n$$\n\\frac{1}{2}\n$$\n'} />);
    expect(preview().querySelector('sup')?.textContent).toBe('[1]');
    expect(preview().querySelector('ol li')?.textContent).toBe('注');
    expect(Array.from(preview().querySelectorAll('code'), (code) => code.textContent)).toEqual([
      'x^2',
      '\n\\frac{1}{2}\n',
    ]);
  });

  it('draws a card like Zenn’s with the clipped page’s title and site, the host when unknown', () => {
    const known = 'https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html';
    const pages = (href: string) =>
      href.startsWith(known)
        ? { title: 'Cilium BGP Control Plane 使ってみました', site: "terassyi's blog" }
        : undefined;
    render(<Preview markdown={ISSUE} pages={pages} />);
    const [first, second] = screen.getAllByTestId('preview-card');
    expect(first?.querySelector('.link-card-title')?.textContent).toBe(
      'Cilium BGP Control Plane 使ってみました',
    );
    expect(first?.querySelector('.link-card-host')?.textContent).toBe("terassyi's blog");
    expect(first?.querySelector('.link-card-url')?.textContent).toBe(known);
    expect(second?.querySelector('.link-card-title')).toBeNull();
    expect(second?.querySelector('.link-card-host')?.textContent).toBe('kubernetes.io');
  });

  it('shows a clipped title as text, never as markup', () => {
    const pages = () => ({ title: '<img src=x onerror=alert(1)>見出し', site: '<b>site</b>' });
    render(<Preview markdown={'https://example.com/a\n'} pages={pages} />);
    const card = screen.getByTestId('preview-card');
    expect(card.querySelector('img, b')).toBeNull();
    expect(card.querySelector('.link-card-title')?.textContent).toBe('<img src=x onerror=alert(1)>見出し');
  });

  it('draws a GitHub file link with lines as Zenn’s code embed: the file, the repository and the lines', () => {
    const url = 'https://github.com/cilium/cilium/blob/v1.14.0/pkg/bgpv1/manager/manager.go#L120-L135';
    render(<Preview markdown={`### BGP\n\n${url}\n`} />);
    const embed = screen.getByTestId('preview-code-embed');
    expect(embed.querySelector('.link-card-title')?.textContent).toBe('pkg/bgpv1/manager/manager.go');
    expect(embed.querySelector('.link-card-host')?.textContent).toBe('cilium/cilium · L120–L135');
    expect(within(embed).getByRole('link').getAttribute('href')).toBe(url);
    // A file link without lines is a plain card.
    render(<Preview markdown={'https://github.com/cilium/cilium/blob/main/README.md\n'} />);
    expect(screen.getAllByTestId('preview-card')).toHaveLength(1);
  });
});
