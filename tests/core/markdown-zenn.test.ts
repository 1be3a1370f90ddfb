import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  confineNote,
  escapeHeadingText,
  linkCardLine,
  normalizeNote,
  singleLineTitle,
} from '../../src/core/markdown-zenn';
import {
  blocksIn,
  type EmbedKind,
  embedsIn,
  embedTarget,
  isLinkCardHtml,
  renderZenn,
  visibleBlocks,
} from '../support/zenn';

/** The blocks a heading of `title` followed by a paragraph must render to: the heading, then `after`. */
function headingThenAfter(tag: string, title: string) {
  const text = singleLineTitle(title);
  return [
    { tag, text, heading: { tag, text, markup: [] } },
    { tag: 'p', text: 'after' },
  ];
}

async function renderHeading(marker: string, title: string) {
  return blocksIn(await renderZenn(`${marker} ${escapeHeadingText(title)}\n\nafter`));
}

describe('singleLineTitle', () => {
  it.each([
    ['keeps a plain title', 'Introducing Ambient Mesh', 'Introducing Ambient Mesh'],
    ['joins lines with one space', 'first line\n  second line', 'first line second line'],
    [
      'treats CRLF, CR and Unicode separators as line breaks',
      'a\r\nb\rc\u2028d\u2029e\u0085f',
      'a b c d e f',
    ],
    ['turns a tab into a space', 'tab\there', 'tab here'],
    ['removes C0 and C1 controls', 'N\u0000U\u0007L\u001BL\u007F\u009F', 'NULL'],
    ['trims, ideographic spaces included', ' \u3000タイトル\u3000 ', 'タイトル'],
    ['keeps inner ideographic and no-break spaces', 'a\u3000b\u00A0c', 'a\u3000b\u00A0c'],
    [
      'keeps zero-width joiners and marks',
      '👨\u200D👩\u200D👧 \u200Bx\u200F',
      '👨\u200D👩\u200D👧 \u200Bx\u200F',
    ],
    ['replaces a lone surrogate', 'a\uD800b', 'a\uFFFDb'],
  ])('%s', (_, title, expected) => {
    expect(singleLineTitle(title)).toBe(expected);
  });

  it('removes only whitespace and control characters, and leaves no line break or tab', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    const invisible = /[\s\u0000-\u001F\u007F-\u009F]/gu;
    const wellFormed = (s: string) =>
      Array.from(s, (c) => (c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : c)).join('');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (title) => {
        const line = singleLineTitle(title);
        expect(line).not.toMatch(/[\n\v\f\r\t\u0085\u2028\u2029]/);
        expect(line.replace(invisible, '')).toBe(wellFormed(title).replace(invisible, ''));
      }),
    );
  });
});

describe('escapeHeadingText', () => {
  describe('escapes only what needs it, so the Markdown stays readable', () => {
    it.each([
      [
        'a plain Japanese title',
        'NGINXの運用をちょっとだけ楽にするKubernetes Controllerを実装してみた',
        null,
      ],
      [
        'colons, parentheses and an ampersand',
        'ArgoCon 2022: Attacking Argo CD with Argo CD (and then Defending)',
        null,
      ],
      ['an emoji title', '🛠️ Tools, Frameworks, Libraries', null],
      ['snake_case', 'Use snake_case_names in Python', null],
      ['C#', 'C# と F#', null],
      ['AT&T', 'AT&T と 〜 & ＆', null],
      ['a single tilde and a backslash before a letter', '~/.bashrc と C:\\Users', null],
      [
        'block syntax, which a heading line cannot start',
        '> - 1. :::message | ! ( ) :smile: www.example.com',
        null,
      ],
      [
        'square brackets',
        '[Kubernetes 1.25] Alpha: Pod内でのUser Namespaceを試してみた',
        '\\[Kubernetes 1.25\\] Alpha: Pod内でのUser Namespaceを試してみた',
      ],
      [
        'a Markdown link in a title',
        '[#127](https://github.com/kubernetes/enhancements/issues/127) Add support',
        '\\[#127\\](https:/\\/github.com/kubernetes/enhancements/issues/127) Add support',
      ],
      ['emphasis', '**bold** _em_ *it*', '\\*\\*bold\\*\\* \\_em\\_ \\*it\\*'],
      ['code and math', '`code` costs $5', '\\`code\\` costs \\$5'],
      ['HTML and entities', '<script> &amp; &#60;', '\\<script> \\&amp; \\&#60;'],
      ['strikethrough', '~~old~~', '\\~\\~old\\~\\~'],
      ['a closing sequence', 'trailing ##', 'trailing \\##'],
      ['a title that is only #', '#', '\\#'],
      [
        'URLs and mailto',
        'https://example.com mailto:a@example.com',
        'https:/\\/example.com mailto\\:a@example.com',
      ],
      ['a backslash escape', '\\*', '\\\\\\*'],
    ])('%s', (_, title, expected) => {
      expect(escapeHeadingText(title)).toBe(expected ?? title);
    });
  });

  const TITLES: readonly string[] = [
    // From the reference issues.
    '[Kubernetes 1.25] Alpha: Pod内でのUser Namespaceを試してみた',
    '[client-go] add function ...',
    '[#127](https://github.com/kubernetes/enhancements/issues/127) Add support for user namespaces',
    '[#5](https://github.com/kubernetes/enhancements/issues/5) PodSecurityPolicy + [#2579](https://github.com/kubernetes/enhancements/issues/2579) PodSecurity admission',
    'サイボウズサマーインターン2022 報告 〜 Kubernetes基盤開発コース&ストレージコース',
    'ArgoCon 2022: Attacking Argo CD with Argo CD (and then Defending)',
    'Cilium BGP Control Plane の話題など: Neco Weekly (2023-09-15号)',
    '🛠️ Tools, Frameworks, Libraries',
    // HTML.
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<span>x</span>',
    'line<br>break',
    'hidden <!-- comment --> text',
    '<https://example.com>',
    '&lt;script&gt;',
    '&amp;',
    '&#60;',
    '&#x41;',
    '&nbsp;',
    'AT&T',
    // Inline Markdown.
    '**bold**',
    '__bold__',
    '_em_',
    '「_強調_」',
    '*it* and snake_case_name',
    '`code`',
    '``double``',
    '~~strike~~',
    'H~2~O',
    '![img](x)',
    '[link](javascript:alert(1))',
    '[link][ref]',
    '\\*not emphasis\\*',
    'a\\b',
    'a\\',
    'a\\\\',
    // Zenn.
    '$x$',
    '$$x$$',
    '$5 and $10',
    '@[card](https://evil)',
    '@[youtube](dQw4w9WgXcQ)',
    ':::message',
    ':::details タイトル',
    '^[footnote]',
    '[^1]',
    ':smile:',
    // Autolinks.
    'https://example.com',
    'see https://example.com/a_b_(c)',
    'HTTPS://EXAMPLE.COM',
    'ftp://example.com/file',
    '//example.com/path',
    'mailto:a@example.com',
    'a@example.com',
    'www.example.com',
    // Headings and blocks.
    '# leading',
    'trailing #',
    'trailing ##',
    'trailing \\#',
    'C#',
    'C# and F#',
    '#',
    '##',
    '# ',
    '> quote',
    '- [ ] task',
    '1. item',
    '---',
    '```js',
    '|table|',
    'a|b|c',
    '{#id .class}',
    '==mark== ++ins++ 29^th^',
    // Whitespace and invisible characters.
    'line\nbreak',
    'CRLF\r\nbreak',
    'tab\there',
    'NUL\u0000bell\u0007',
    'C1\u0085next',
    'ls\u2028ps\u2029end',
    'zero\u200Bwidth',
    'ZWJ 👨\u200D👩\u200D👧',
    'RTL \u202Eevil\u202C done',
    '\u200Fmark',
    '\uFEFFBOM',
    '\u3000全角スペース\u3000',
    'lone \uD800 surrogate',
    '',
    '   ',
  ];

  describe.each([
    ['#', 'h1'],
    ['##', 'h2'],
    ['###', 'h3'],
  ])('after "%s " renders as the exact text, with no markup', (marker, tag) => {
    it.each(TITLES.map((title) => [JSON.stringify(title), title]))('%s', async (_, title) => {
      expect(await renderHeading(marker, title)).toEqual(headingThenAfter(tag, title));
    });
  });

  /** Pieces of Markdown, Zenn and HTML syntax, so that random titles hit the interesting cases. */
  const SPECIAL_PIECES = [
    ...'*_`[]()<>&#;\\~|!$^@:/.-+="\'{}% \n\t',
    'a',
    '1',
    'あ',
    '😀',
    '\u200B',
    'http',
    'https://x.y',
    'mailto:',
    'amp',
    '#x41',
    'br',
    '<!--',
    '-->',
    ':::',
    '@[card](',
    'www.',
    '$$',
  ];
  const markdownishTitle = fc.string({ unit: fc.constantFrom(...SPECIAL_PIECES), maxLength: 30 });

  it.each([
    ['Markdown-special pieces', markdownishTitle],
    ['any code points', fc.string({ unit: 'binary', maxLength: 40 })],
    ['graphemes', fc.string({ unit: 'grapheme', maxLength: 40 })],
  ])(
    'keeps any title (%s) inside its heading, as exactly its text',
    async (_, title) => {
      await fc.assert(
        fc.asyncProperty(title, async (t) => {
          expect(await renderHeading('###', t)).toEqual(headingThenAfter('h3', t));
        }),
        { numRuns: 300 },
      );
    },
    30_000,
  );
});

const GITHUB_LINES =
  'https://github.com/kubernetes-sigs/controller-runtime/blob/1449c365465511e047333f9bc504e47cb0fae1ae/pkg/cache/internal/cache_reader.go#L83-L89';
const SCHED =
  'https://kccncna2022.sched.com/event/182K0/run-as-root-not-root-user-namespaces-in-k8s-marga-manterola-isovalent-rodrigo-campos-catelin-microsoft?iframe=no&w=100%&sidebar=yes&bg=no';
const LONG_TWEET = `https://twitter.com/ChenKeinan/status/1570432959525834752?${'a=b&'.repeat(70)}c=d`;

function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

async function renderCardLine(line: string) {
  return renderZenn(`before\n\n${line}\n\nafter`);
}

describe('linkCardLine', () => {
  describe.each<[string, string, 'bare' | '@[card]', EmbedKind]>([
    ['GitHub file with a line range', GITHUB_LINES, 'bare', 'github'],
    [
      'GitHub file with a heading anchor',
      'https://github.com/kubernetes/community/blob/master/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      'bare',
      'card',
    ],
    [
      'GitHub pull request',
      'https://github.com/kubernetes-sigs/controller-runtime/pull/1833',
      'bare',
      'card',
    ],
    ['tweet', 'https://twitter.com/ChenKeinan/status/1570432959525834752', 'bare', 'tweet'],
    ['post on x.com', 'https://x.com/ChenKeinan/status/1570432959525834752', 'bare', 'tweet'],
    ['YouTube', 'https://www.youtube.com/watch?v=bRNMI29F2fI', 'bare', 'youtube'],
    ['youtu.be with a start time', 'https://youtu.be/bRNMI29F2fI?t=42', 'bare', 'youtube'],
    ['gist', 'https://gist.github.com/ymmt2005/d2c152bb7179d07015f336b1a0582679', 'bare', 'card'],
    ['Speaker Deck', 'https://speakerdeck.com/bells17/kubernetessosukotoriteinkuru-men', 'bare', 'card'],
    ['underscore in the path', 'https://zenn.dev/team_soda/articles/0b57bba3a3665f', 'bare', 'card'],
    ['underscores around a segment', 'https://example.com/_private_/__init__.py', 'bare', 'card'],
    ['trailing underscore', 'https://example.com/a_', 'bare', 'card'],
    ['Wikipedia parentheses', 'https://en.wikipedia.org/wiki/Go_(programming_language)', 'bare', 'card'],
    ['percent-encoded Japanese path', 'https://ja.wikipedia.org/wiki/%E7%8C%AB', 'bare', 'card'],
    ['query and fragment', 'https://example.com/search?q=a+b&lang=ja#results', 'bare', 'card'],
    ['query only', 'https://example.com?q=1', 'bare', 'card'],
    ['fragment only', 'https://example.com#top', 'bare', 'card'],
    ['localhost with a port', 'http://localhost:3000/x', 'bare', 'card'],
    ['IPv4 address', 'http://192.168.0.1:8080/', 'bare', 'card'],
    ['punycode host', 'https://xn--wgv71a.jp/', 'bare', 'card'],
    ['very long URL', `https://example.com/${'a'.repeat(3000)}`, 'bare', 'card'],
    ['sched.com with w=100%', SCHED, '@[card]', 'card'],
    ['raw Japanese path', 'https://ja.wikipedia.org/wiki/猫', '@[card]', 'card'],
    ['raw Japanese query', 'https://www.google.com/search?q=猫&hl=ja', '@[card]', 'card'],
    ['IDN host', 'https://日本.jp/', '@[card]', 'card'],
    ['trailing period', 'https://example.com/a.', '@[card]', 'card'],
    ['trailing parenthesis', 'https://example.com/a)', '@[card]', 'card'],
    ['trailing comma', 'https://example.com/a,', '@[card]', 'card'],
    ['trailing exclamation mark', 'https://example.com/a!!', '@[card]', 'card'],
    ['trailing question mark', 'https://example.com/?', '@[card]', 'card'],
    ['trailing asterisk', 'https://example.com/a*', '@[card]', 'card'],
    ['space', 'https://example.com/a b', '@[card]', 'card'],
    ['pipe', 'https://example.com/a|b', '@[card]', 'card'],
    ['angle brackets', 'https://example.com/a<b>', '@[card]', 'card'],
    ['square brackets', 'https://example.com/?a[]=1', '@[card]', 'card'],
    ['quotes', 'https://example.com/"a"', '@[card]', 'card'],
    ['backslash', 'https://example.com/a\\b', '@[card]', 'card'],
    ['backtick', 'https://example.com/a`b', '@[card]', 'card'],
    ['IPv6 host', 'http://[::1]:8080/', '@[card]', 'card'],
    ['@ in a query right after the host', 'https://example.com?by=@neco#', '@[card]', 'card'],
    ['tweet over 300 characters', LONG_TWEET, '@[card]', 'card'],
    ['YouTube without a video ID', 'https://www.youtube.com/watch?list=PL1234', '@[card]', 'card'],
  ])('%s', (_, url, form, kind) => {
    it(`is written ${form === 'bare' ? 'bare' : 'as @[card](...)'}`, () => {
      expect(linkCardLine(url)).toBe(form === 'bare' ? url : `@[card](${url})`);
    });

    it(`renders as a ${kind} for exactly this URL, between its neighbours`, async () => {
      const html = await renderCardLine(linkCardLine(url));
      expect(embedsIn(html)).toEqual([{ kind, target: embedTarget(url, kind) }]);
      expect(visibleBlocks(html)).toEqual(['before', 'after']);
    });

    if (form === '@[card]') {
      it('would not render as a card for exactly this URL if written bare', async () => {
        expect(isLinkCardHtml(await renderZenn(`\n${url}\n`), url)).toBe(false);
      });
    }
  });

  it.each([
    // Bare, these would render as cards; the @[card] form is chosen to keep the rule simple.
    ['userinfo', 'https://user@example.com/'],
    ['uppercase scheme', 'HTTPS://EXAMPLE.COM/'],
    ['a single quote', "https://example.com/it's"],
  ])('uses @[card] for %s, conservatively', async (_, url) => {
    expect(linkCardLine(url)).toBe(`@[card](${url})`);
    expect(isLinkCardHtml(await renderZenn(linkCardLine(url)), url)).toBe(true);
  });

  it.each([
    ['LF and CR, which the URL parser removes', 'https://example.com/a\nb\r\nc', 'https://example.com/abc'],
    [
      'NUL, U+2028 and U+2029',
      'https://example.com/a\u0000b\u2028c\u2029',
      'https://example.com/a%00b%E2%80%A8c%E2%80%A9',
    ],
  ])('keeps the card on its line with %s in the URL', async (_, url, target) => {
    const line = linkCardLine(url);
    expect(line).toBe(`@[card](${target})`);
    const html = await renderCardLine(line);
    expect(embedsIn(html)).toEqual([{ kind: 'card', target }]);
    expect(visibleBlocks(html)).toEqual(['before', 'after']);
    expect(new URL(target).href).toBe(new URL(url).href);
  });

  it('lets Zenn report a string that is not an http(s) URL, with no link', async () => {
    const html = await renderCardLine(linkCardLine('javascript:alert(1)'));
    expect(embedsIn(html)).toEqual([]);
    expect(visibleBlocks(html)).toEqual(['before', 'URLが不正です', 'after']);
    expect(html).not.toContain('javascript');
  });

  /** URLs made of pieces that trip linkify, markdown-it's link normalisation and Zenn's embeds. */
  const awkwardUrl = fc
    .tuple(
      fc.constantFrom(
        'https://example.com',
        'http://a-b.example.jp:8080',
        'http://127.0.0.1',
        'http://localhost',
        'https://xn--wgv71a.jp',
        'https://日本.jp',
        'http://[::1]',
        'https://user:pw@example.com',
        'HTTPS://EXAMPLE.COM',
        'https://www.youtube.com/watch?v=bRNMI29F2fI',
        'https://youtu.be/bRNMI29F2fI',
        'https://x.com/neco/status/1570432959525834752',
        'https://github.com/cybozu-go/cke/blob/main/op/reboot.go',
      ),
      fc.string({
        unit: fc.constantFrom(
          ...'/?#&=.,;:!*()[]{}\'"<>|\\^`~_-+$@% ',
          '%E7%8C%AB',
          '%zz',
          '猫',
          'a',
          '0',
          '#L83-L89',
          '?v=dQw4w9WgXcQ',
          '&t=42',
        ),
        maxLength: 12,
      }),
    )
    .map(([start, rest]) => start + rest);

  it.each([
    ['web URLs', fc.webUrl({ withQueryParameters: true, withFragments: true })],
    [
      'web URLs with IP hosts, ports and userinfo',
      fc.webUrl({
        authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
        withQueryParameters: true,
        withFragments: true,
      }),
    ],
    ['awkward URLs', awkwardUrl],
  ])(
    'renders %s as a card or embed for exactly that URL',
    async (_, url) => {
      await fc.assert(
        fc.asyncProperty(url, async (u) => {
          fc.pre(isHttpUrl(u));
          expect(isLinkCardHtml(await renderZenn(`\n${linkCardLine(u)}\n`), u)).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
    30_000,
  );

  it('writes plain URLs bare', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,12}$/);
    const plainUrl = fc
      .tuple(fc.domain(), fc.array(segment, { maxLength: 4 }), fc.option(segment), fc.option(segment))
      .map(
        ([host, path, query, fragment]) =>
          `https://${host}/${path.join('/')}${query === null ? '' : `?q=${query}`}${fragment === null ? '' : `#${fragment}`}`,
      );
    fc.assert(
      fc.property(plainUrl, (u) => {
        expect(linkCardLine(u)).toBe(u);
      }),
    );
  });

  it('always returns one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(linkCardLine(`https://example.com/${s}`)).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
    );
  });
});

describe('normalizeNote', () => {
  it.each([
    ['turns CRLF and CR into LF', 'a\r\nb\rc\n', 'a\nb\nc'],
    ['removes trailing spaces and tabs, hard-break spaces included', 'a  \nb\t\nc \t ', 'a\nb\nc'],
    ['drops blank lines at the start and end', '\n \n\t\nbody\n\n  \n', 'body'],
    ['keeps blank lines between paragraphs', 'one\n\n\ntwo', 'one\n\n\ntwo'],
    ['keeps leading indentation', '  - nested\n    code', '  - nested\n    code'],
    [
      'keeps the text as written',
      '- [title](https://example.com) `x`  \n**太字**',
      '- [title](https://example.com) `x`\n**太字**',
    ],
    ['returns "" for an empty note', '', ''],
    ['returns "" for a whitespace-only note', ' \r\n\t\n  ', ''],
    ['drops lines of ideographic spaces at the ends', '\u3000\n本文\n\u3000 ', '本文'],
    ['returns "" for a note of ideographic spaces', '\u3000\u3000', ''],
  ])('%s', (_, note, expected) => {
    expect(normalizeNote(note)).toBe(expected);
  });

  it('leaves paragraphs, lists, links and inline code working in Zenn', async () => {
    const note =
      '\r\n  \r\nCilium は MetalLB というソフトウェアを利用して  \r\nいます。\r\n' +
      '- [Quality-of-Service for Memory Resources](https://kubernetes.io/blog/2021/11/26/qos-memory-resources/)   \r\n' +
      '- `controller-runtime` の `Client.Update`\t\r\n\r\n';
    const html = await renderZenn(normalizeNote(note));
    expect(blocksIn(html)).toEqual([
      { tag: 'p', text: 'Cilium は MetalLB というソフトウェアを利用して\nいます。' },
      {
        tag: 'ul',
        text: '\nQuality-of-Service for Memory Resources\ncontroller-runtime の Client.Update\n',
      },
    ]);
    expect(html).toContain(
      '<a href="https://kubernetes.io/blog/2021/11/26/qos-memory-resources/" target="_blank" rel="nofollow noopener noreferrer">Quality-of-Service for Memory Resources</a>',
    );
    expect(html).toContain('<code>controller-runtime</code> の <code>Client.Update</code>');
  });

  it('never leaves a line that ends in whitespace or a blank line at either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\r', '\n', 'a', '-', '`') }), (note) => {
        const normalized = normalizeNote(note);
        expect(normalized).not.toMatch(/[ \t]$|[ \t]\n|\r|^\n|\n$/);
        expect(normalized.replace(/\s/g, '')).toBe(note.replace(/\s/g, ''));
      }),
    );
  });
});

describe('confineNote', () => {
  // Each note sits between two items; whatever it holds, the rendered issue keeps exactly those two h3s.
  it.each([
    ['# heading', '\\# heading', ['h3', 'p', 'h3']],
    ['## あとがき', '\\## あとがき', ['h3', 'p', 'h3']],
    ['```js\ncode', '```js\ncode\n```', ['h3', 'div', 'h3']],
    ['~~~~\n# inside\n~~~', '~~~~\n# inside\n~~~\n~~~~', ['h3', 'div', 'h3']],
    [':::message\nhi', ':::message\nhi\n:::', ['h3', 'aside', 'h3']],
    ['text\n---', 'text\n\\---', ['h3', 'p', 'h3']],
    ['text\n===', 'text\n\\===', ['h3', 'p', 'h3']],
    ['> ## quoted', '> \\## quoted', ['h3', 'blockquote', 'h3']],
    ['- ### listed', '- \\### listed', ['h3', 'ul', 'h3']],
    ['1. # numbered', '1. \\# numbered', ['h3', 'ol', 'h3']],
    ['~~~\n# code\n~~~\n# after', '~~~\n# code\n~~~\n\\# after', ['h3', 'div', 'p', 'h3']],
    ['<h2>x</h2>', '<h2>x</h2>', ['h3', 'p', 'h3']],
    ['<!--', '<!--', ['h3', 'p', 'h3']],
    ['#### deeper', '#### deeper', ['h3', 'h4', 'h3']],
    ['C# と F#', 'C# と F#', ['h3', 'p', 'h3']],
    ['a `` ` `` b', 'a `` ` `` b', ['h3', 'p', 'h3']],
  ])('keeps %j inside its item', async (note, confined, tags) => {
    expect(confineNote(note)).toBe(confined);
    const html = await renderZenn(`### Before\n\n${confineNote(note)}\n\n### After\n`);
    expect(blocksIn(html).map((block) => block.tag)).toEqual(tags);
    expect(blocksIn(html).at(-1)?.text).toBe('After');
  });

  it.each([
    ['脚注[^1]\n\n[^1]: # 脚注の見出し', '脚注\\[^1]\n\n\\[^1]: # 脚注の見出し'],
    ['`[^1]` はコード', '`[^1]` はコード'],
    ['$$\n\\frac{1}{2}', '$$\n\\frac{1}{2}\n$$'],
    ['$$x$$ は閉じている', '$$x$$ は閉じている'],
  ])('escapes footnotes and closes math in %j', (note, confined) => {
    expect(confineNote(note)).toBe(confined);
  });

  it('handles a line of hundreds of list markers (no exponential backtracking)', () => {
    const line = `${'-   '.repeat(400)}# x`;
    expect(confineNote(line)).toBe(`${'-   '.repeat(400)}\\# x`);
  });

  it('leaves a note without structure-breaking lines exactly as it was', () => {
    const note =
      '- [記事](https://example.com/a_b)\n  - ネスト\n\n`inline` と **強調**\n\n```go\n# not a heading\n```';
    expect(confineNote(note)).toBe(note);
  });
});
