import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkCardLine } from '../../../src/core/render/link-card';
import {
  type EmbedKind,
  embedsIn,
  embedTarget,
  isLinkCardHtml,
  renderZenn,
  visibleBlocks,
} from '../../support/zenn';

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
