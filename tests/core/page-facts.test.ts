import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CANONICAL_LIMIT,
  canonicalOffer,
  captureTitle,
  hostOf,
  PAGE_TEXT_LIMIT,
  type PageFacts,
  pageFactsOf,
  siteIconOf,
  siteOf,
  titleRulesOf,
} from '../../src/core/page-facts';
import { DEFAULT_TITLE_RULES } from '../../src/core/title-cleanup';

const PAGE = 'https://example.com/blog/2023/09/article?id=7';

describe('pageFactsOf', () => {
  it('keeps what a well-formed head says', () => {
    expect(
      pageFactsOf(
        {
          canonical: 'https://example.com/blog/article',
          ogTitle: 'Kubernetes 1.28 の新機能',
          siteName: 'サンプル技術ブログ',
          language: 'ja',
        },
        PAGE,
      ),
    ).toEqual({
      canonical: 'https://example.com/blog/article',
      ogTitle: 'Kubernetes 1.28 の新機能',
      siteName: 'サンプル技術ブログ',
      language: 'ja',
    });
  });

  it('resolves a relative canonical against the page and drops its tracking parameters', () => {
    expect(pageFactsOf({ canonical: '/blog/article?utm_source=feed' }, PAGE).canonical).toBe(
      'https://example.com/blog/article',
    );
  });

  it.each([
    ['javascript:alert(1)'],
    ['mailto:team@example.com'],
    ['data:text/html,<h1>x</h1>'],
    ['https://exa mple.com/'],
    [`https://example.com/${'a'.repeat(CANONICAL_LIMIT)}`],
    [42],
    [null],
  ])('ignores the canonical %j', (canonical) => {
    expect(pageFactsOf({ canonical }, PAGE)).toEqual({});
  });

  it('puts a title or site name on one line and trims it', () => {
    const facts = pageFactsOf({ ogTitle: '  記事の\n\tタイトル\u0000 ', siteName: '\u2028ブログ\r\n' }, PAGE);
    expect(facts).toEqual({ ogTitle: '記事の タイトル', siteName: 'ブログ' });
  });

  it('cuts a very long text at the limit, never inside a surrogate pair', () => {
    const long = '🐈'.repeat(PAGE_TEXT_LIMIT + 10);
    expect(Array.from(pageFactsOf({ ogTitle: long }, PAGE).ogTitle ?? '')).toHaveLength(PAGE_TEXT_LIMIT);
  });

  it.each([
    ['ja', 'ja'],
    ['en-US', 'en-US'],
    [' ja_JP ', 'ja-JP'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
  ])('reads the language %j as %j', (language, expected) => {
    expect(pageFactsOf({ language }, PAGE).language).toBe(expected);
  });

  it.each([[''], ['日本語'], ['en US'], ['<script>'], ['x'.repeat(40)], [1]])(
    'ignores the language %j',
    (language) => {
      expect(pageFactsOf({ language }, PAGE)).toEqual({});
    },
  );

  it.each([[undefined], [null], ['text'], [7], [[]]])('reads nothing from %j', (raw) => {
    expect(pageFactsOf(raw, PAGE)).toEqual({});
  });

  it('never throws and keeps only checked strings, whatever the page returns', () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.string(), fc.anything()), (raw, record) => {
        for (const input of [raw, record]) {
          const facts = pageFactsOf(input, PAGE);
          for (const value of Object.values(facts)) {
            expect(typeof value).toBe('string');
            expect(value).not.toMatch(/[\r\n]/);
          }
        }
      }),
    );
  });
});

describe('captureTitle', () => {
  const cases: [title: string, facts: PageFacts, expected: string][] = [
    // og:title plus a separated tail: the tail is the site's, whatever it says.
    [
      'Kubernetes 1.28 の新機能 | サンプル技術ブログ',
      { ogTitle: 'Kubernetes 1.28 の新機能' },
      'Kubernetes 1.28 の新機能',
    ],
    [
      'Kubernetes 1.28 の新機能 - Example Inc.',
      { ogTitle: 'Kubernetes 1.28 の新機能' },
      'Kubernetes 1.28 の新機能',
    ],
    ['記事のタイトル｜サンプル社', { ogTitle: '記事のタイトル' }, '記事のタイトル'],
    // Not separated: og:title is only the start of a longer title.
    ['Go-based tools', { ogTitle: 'Go' }, 'Go-based tools'],
    ['Release notes', { ogTitle: 'Release' }, 'Release notes'],
    // og:title different from the tab's title: the tab's title stays.
    ['Exciting news from our team', { ogTitle: 'Something else' }, 'Exciting news from our team'],
    // The site name at the end or the start, separated.
    ['Terraform 1.6 released · Example Blog', { siteName: 'Example Blog' }, 'Terraform 1.6 released'],
    ['Example Blog: Terraform 1.6 released', { siteName: 'Example Blog' }, 'Terraform 1.6 released'],
    ['新しい監視基盤の話 - 株式会社サンプル', { siteName: '株式会社サンプル' }, '新しい監視基盤の話'],
    // A site name that is the title, or part of a word, stays.
    ['Example Blog', { siteName: 'Example Blog' }, 'Example Blog'],
    ['The Example Blog', { siteName: 'Example Blog' }, 'The Example Blog'],
    // Nothing in the tab's title: og:title.
    ['', { ogTitle: 'Only the meta title' }, 'Only the meta title'],
    ['  ', {}, ''],
  ];

  it.each(cases)('%j with %j is %j', (title, facts, expected) => {
    expect(captureTitle(title, 'https://example.com/post', facts)).toBe(expected);
  });

  it('applies the table after the page’s own words', () => {
    // The og:title still carries a counter, which the table removes.
    expect(captureTitle('(3) 記事 | Zenn', 'https://zenn.dev/a/articles/b', { ogTitle: '(3) 記事' })).toBe(
      '記事',
    );
    expect(captureTitle('記事 | Zenn', 'https://zenn.dev/a/articles/b', {})).toBe('記事');
  });

  it('reads a long or spaced-out title in one pass', () => {
    const spaces = ' '.repeat(100_000);
    expect(captureTitle(`a${spaces}b`, 'https://example.com/', { siteName: 'c' })).toBe('a b');
    expect(
      captureTitle(`記事${spaces}|${spaces}ブログ`, 'https://example.com/', { siteName: 'ブログ' }),
    ).toBe('記事');
  });

  it('with no rules, only the page’s own words apply', () => {
    expect(captureTitle('記事 | Zenn', 'https://zenn.dev/a/articles/b', {}, [])).toBe('記事 | Zenn');
  });
});

describe('titleRulesOf', () => {
  it('is the built-in table when the settings name no rules of their own', () => {
    for (const settings of [undefined, null, {}, { titleRules: null }, { titleRules: 3 }]) {
      expect(titleRulesOf(settings)).toBe(DEFAULT_TITLE_RULES);
    }
  });

  it('reads the member’s text, skipping lines in error', () => {
    expect(titleRulesOf({ titleRules: 'example.com suffix | Ex\nnot a rule\n* counter' })).toEqual([
      { site: 'example.com', kind: 'suffix', text: '| Ex' },
      { kind: 'counter' },
    ]);
    expect(titleRulesOf({ titleRules: '' })).toEqual([]);
  });
});

describe('canonicalOffer', () => {
  it('offers a canonical URL that is another page', () => {
    const facts = { canonical: 'https://example.com/blog/article' };
    expect(canonicalOffer(PAGE, facts)).toBe('https://example.com/blog/article');
  });

  it('offers nothing when the canonical is the same page or absent', () => {
    expect(
      canonicalOffer('https://example.com/a?utm_source=x#top', { canonical: 'https://EXAMPLE.com/a' }),
    ).toBe(undefined);
    expect(canonicalOffer(PAGE, {})).toBe(undefined);
  });
});

describe('siteOf', () => {
  it('gives the host without www, and the page’s own name when it is more than the host', () => {
    expect(siteOf('https://www.publickey1.jp/blog/23/x.html', {})).toEqual({ host: 'publickey1.jp' });
    expect(siteOf('https://zenn.dev/a', { siteName: 'Zenn' })).toEqual({ name: 'Zenn', host: 'zenn.dev' });
    expect(siteOf('https://zenn.dev/a', { siteName: 'zenn.dev' })).toEqual({ host: 'zenn.dev' });
  });

  it('gives an empty host for what is not a URL', () => {
    expect(siteOf('not a url', {})).toEqual({ host: '' });
    expect(hostOf('')).toBe('');
  });
});

describe('siteIconOf', () => {
  const page = 'https://zenn.dev/cybozu_ept/articles/neco-weekly-2023-09-15?a=1&b=2';

  it('uses Chrome’s favicon store when there is one, whatever the tab says', () => {
    const icon = siteIconOf(page, 'https://evil.example/track.png', 'chrome-extension://id/_favicon/');
    expect(icon).toBeDefined();
    const parsed = new URL(icon as string);
    expect(icon?.split('?')[0]).toBe('chrome-extension://id/_favicon/');
    expect(parsed.searchParams.get('pageUrl')).toBe(page);
    expect(parsed.searchParams.get('size')).toBe('32');
  });

  it.each([
    ['data:image/png;base64,iVBORw0KGgo=', 'data:image/png;base64,iVBORw0KGgo='],
    ['https://zenn.dev/images/logo-transparent.png', 'https://zenn.dev/images/logo-transparent.png'],
    ['http://example.com/favicon.ico', undefined],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['chrome://favicon/https://zenn.dev', undefined],
    [undefined, undefined],
  ])(
    'otherwise takes the tab’s icon %s only as an image the browser already has: %s',
    (tabIcon, expected) => {
      expect(siteIconOf(page, tabIcon)).toBe(expected);
    },
  );
});
