import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHeadingText, singleLineTitle } from '../../../src/core/render/heading';
import { blocksIn, renderZenn } from '../../support/zenn';

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
