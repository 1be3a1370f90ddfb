import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isHttpUrl,
  isTrackingParam,
  removeTrackingParams,
  TRACKING_PARAMS,
  unclippableReason,
  urlMatchKey,
} from '../../src/core/url';

const GITHUB_LINES =
  'https://github.com/kubernetes-sigs/controller-runtime/blob/1449c365465511e047333f9bc504e47cb0fae1ae/pkg/cache/internal/cache_reader.go#L83-L89';
const SCHED =
  'https://kccncna2022.sched.com/event/182K0/run-as-root-not-root-user-namespaces-in-k8s-marga-manterola-isovalent-rodrigo-campos-catelin-microsoft?iframe=no&w=100%&sidebar=yes&bg=no';
const ZENN = 'https://zenn.dev/team_soda/articles/0b57bba3a3665f';
const WIKIPEDIA_RAW = 'https://ja.wikipedia.org/wiki/猫';
const WIKIPEDIA_ENCODED = 'https://ja.wikipedia.org/wiki/%E7%8C%AB';

describe('removeTrackingParams', () => {
  describe('keeps URLs without tracking parameters byte for byte', () => {
    it.each([
      ['GitHub line anchor', GITHUB_LINES],
      [
        'GitHub blob with ?plain=1 and a line anchor',
        'https://github.com/vitest-dev/vitest/blob/main/README.md?plain=1#L10',
      ],
      ['sched.com with a bare % in the query', SCHED],
      ['underscore in the path', ZENN],
      ['Zenn scrap with underscores', 'https://zenn.dev/mizchi/scraps/b6f0a2d0e_2b9c3'],
      ['raw Japanese path', WIKIPEDIA_RAW],
      ['percent-encoded Japanese path', WIKIPEDIA_ENCODED],
      ['lowercase percent-encoding', 'https://ja.wikipedia.org/wiki/%e7%8c%ab'],
      ['Japanese fragment', 'https://developer.mozilla.org/ja/docs/Web/API/URL#インスタンスプロパティ'],
      ['raw Japanese query', 'https://www.google.com/search?q=猫&hl=ja'],
      ['encoded Japanese query', 'https://www.google.com/search?q=%E7%8C%AB+%E7%8A%AC&hl=ja'],
      ['YouTube with a time', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s'],
      ['value containing =', 'https://example.com/?a=b=c&d=e'],
      ['semicolon separators', 'https://example.com/?a=1;b=2'],
      ['repeated parameter', 'https://example.com/?tag=a&tag=b'],
      ['empty value and bare name', 'https://example.com/?q=&flag'],
      ['empty query', 'https://example.com/?'],
      ['empty query and empty fragment', 'https://example.com/?#'],
      ['doubled &', 'https://example.com/?a=1&&b=2'],
      ['value that mentions a tracking name', 'https://example.com/?redirect=utm_source&next=gclid'],
      ['tracking-looking text only in the fragment', 'https://example.com/page#utm_source=x&gclid=y'],
      ['? inside the fragment', 'https://example.com/page#section?utm_source=x'],
      ['host and scheme in capitals', 'HTTPS://Example.COM/Path'],
      ['port and credentials', 'http://user:pass@example.com:8080/a?b=c'],
      ['no path at all', 'https://example.com'],
      ['not a URL', 'just some text'],
      ['empty string', ''],
    ])('%s', (_label, url) => {
      expect(removeTrackingParams(url)).toBe(url);
    });
  });

  describe('removes only the tracking parameters from real URLs', () => {
    it.each([
      ['sched.com with utm_source at the end', `${SCHED}&utm_source=twitter`, SCHED],
      [
        'sched.com with utm_source at the start',
        SCHED.replace('?iframe=no', '?utm_source=twitter&iframe=no'),
        SCHED,
      ],
      [
        'sched.com with utm_medium in the middle',
        SCHED.replace('&sidebar=yes', '&utm_medium=social&sidebar=yes'),
        SCHED,
      ],
      ['Zenn shared on X', `${ZENN}?utm_source=x&utm_medium=social&utm_campaign=share`, ZENN],
      [
        'GitHub with utm and a line anchor',
        GITHUB_LINES.replace('#L83', '?utm_source=slack#L83'),
        GITHUB_LINES,
      ],
      ['raw Japanese path', `${WIKIPEDIA_RAW}?fbclid=IwAR0abc`, WIKIPEDIA_RAW],
      ['percent-encoded Japanese path', `${WIKIPEDIA_ENCODED}?gclid=EAIaIQ`, WIKIPEDIA_ENCODED],
      [
        'Japanese fragment',
        'https://developer.mozilla.org/ja/docs/Web/API/URL?utm_source=mdn#インスタンスプロパティ',
        'https://developer.mozilla.org/ja/docs/Web/API/URL#インスタンスプロパティ',
      ],
      [
        'YouTube keeps v and t',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ&utm_source=newsletter&t=42s',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
      ],
      [
        'non-tracking parameters keep their order and bytes',
        'https://example.com/search?q=a+b&utm_term=x&w=100%&a=b=c&_gl=1*abc',
        'https://example.com/search?q=a+b&w=100%&a=b=c',
      ],
    ])('%s', (_label, dirty, clean) => {
      expect(removeTrackingParams(dirty)).toBe(clean);
    });
  });

  describe.each(TRACKING_PARAMS)('%s', (name) => {
    it('is removed as the only parameter, and the ? goes with it', () => {
      expect(removeTrackingParams(`https://example.com/a?${name}=123`)).toBe('https://example.com/a');
    });

    it('is removed first, in the middle and last', () => {
      expect(removeTrackingParams(`https://example.com/a?${name}=1&x=2&y=3`)).toBe(
        'https://example.com/a?x=2&y=3',
      );
      expect(removeTrackingParams(`https://example.com/a?x=2&${name}=1&y=3`)).toBe(
        'https://example.com/a?x=2&y=3',
      );
      expect(removeTrackingParams(`https://example.com/a?x=2&y=3&${name}=1`)).toBe(
        'https://example.com/a?x=2&y=3',
      );
    });

    it('is removed in upper case', () => {
      expect(removeTrackingParams(`https://example.com/a?x=2&${name.toUpperCase()}=1`)).toBe(
        'https://example.com/a?x=2',
      );
    });

    it('is removed with an empty value and without =', () => {
      expect(removeTrackingParams(`https://example.com/a?${name}=&x=2&${name}`)).toBe(
        'https://example.com/a?x=2',
      );
    });
  });

  it.each([
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'utm_term',
    'utm_content',
    'utm_id',
    'utm_name',
    'utm_brand',
    'utm_social-type',
    'UTM_SOURCE',
    'Utm_Medium',
    'utm_',
  ])('removes %s (any utm_ prefix, any case)', (name) => {
    expect(removeTrackingParams(`https://example.com/?keep=1&${name}=x`)).toBe('https://example.com/?keep=1');
  });

  it('removes several tracking parameters at once, keeping the fragment', () => {
    expect(
      removeTrackingParams(
        'https://example.com/p?utm_source=a&id=7&fbclid=b&utm_medium=c&gclid=d&page=2#comments',
      ),
    ).toBe('https://example.com/p?id=7&page=2#comments');
  });

  it('drops the ? and keeps the fragment when every parameter was tracking', () => {
    expect(removeTrackingParams('https://example.com/p?utm_source=a&fbclid=b#top')).toBe(
      'https://example.com/p#top',
    );
    expect(removeTrackingParams('https://example.com/p?utm_source=a#')).toBe('https://example.com/p#');
  });

  it('leaves no bare ? or stray & behind once the query is rewritten', () => {
    expect(removeTrackingParams('https://example.com/p?utm_source=a&')).toBe('https://example.com/p');
    expect(removeTrackingParams('https://example.com/p?&utm_source=a')).toBe('https://example.com/p');
    expect(removeTrackingParams('https://example.com/p?a=1&&utm_source=x&b=2&')).toBe(
      'https://example.com/p?a=1&b=2',
    );
  });

  it('keeps + in values and removes names with + decoded as a space only when they are tracking', () => {
    expect(removeTrackingParams('https://example.com/?q=a+b&utm_campaign=spring+sale')).toBe(
      'https://example.com/?q=a+b',
    );
    // `utm+source` decodes to "utm source", which has no utm_ prefix.
    expect(removeTrackingParams('https://example.com/?utm+source=x')).toBe(
      'https://example.com/?utm+source=x',
    );
  });

  it('removes percent-encoded tracking names', () => {
    expect(removeTrackingParams('https://example.com/?utm%5Fsource=x&a=1')).toBe('https://example.com/?a=1');
    expect(removeTrackingParams('https://example.com/?%67clid=x&a=1')).toBe('https://example.com/?a=1');
    expect(removeTrackingParams('https://example.com/?%46%42%43%4C%49%44=x&a=1')).toBe(
      'https://example.com/?a=1',
    );
  });

  it('keeps encoded names that are not tracking, and malformed escapes', () => {
    expect(removeTrackingParams('https://example.com/?%E7%8C%AB=1&utm_source=x')).toBe(
      'https://example.com/?%E7%8C%AB=1',
    );
    expect(removeTrackingParams('https://example.com/?%E3%81=1&utm_source=x')).toBe(
      'https://example.com/?%E3%81=1',
    );
  });

  it('keeps look-alike names that are not tracking parameters', () => {
    const url = 'https://example.com/?utm=1&xutm_source=2&gclid_v=3&fbclid2=4&source=5&ref=6&si=7';
    expect(removeTrackingParams(url)).toBe(url);
    expect(removeTrackingParams(`${url}&gclid=8`)).toBe(url);
  });
});

describe('isTrackingParam', () => {
  it.each([
    ['gclid', true],
    ['GCLID', true],
    ['utm_source', true],
    ['UTM_Campaign', true],
    ['utm%5Fsource', true],
    ['utm_%ZZ', true],
    ['_ga', true],
    ['__hstc', true],
    ['ga', false],
    ['utm', false],
    ['q', false],
    ['', false],
    ['%E7%8C%AB', false],
    ['%E3%81', false],
  ])('%s → %s', (name, expected) => {
    expect(isTrackingParam(name)).toBe(expected);
  });

  it('lists every tracking name in lower case, once', () => {
    for (const name of TRACKING_PARAMS) expect(name).toBe(name.toLowerCase());
    expect(new Set(TRACKING_PARAMS).size).toBe(TRACKING_PARAMS.length);
  });
});

describe('removeTrackingParams properties', () => {
  const japanese = [...'猫犬日本語のテストがぱ'];
  const safe = [..."abcxyzABCXYZ0189-._~!$'()*,;:@/%+", ...japanese];
  const nameArb = fc
    .string({ unit: fc.constantFrom(...safe), minLength: 0, maxLength: 8 })
    .filter((name) => !isTrackingParam(name));
  const valueArb = fc.string({ unit: fc.constantFrom(...safe, '=', '?'), maxLength: 10 });
  const plainParamArb = fc.oneof(
    fc.tuple(nameArb, valueArb).map(([name, value]) => `${name}=${value}`),
    nameArb,
  );
  const trackingNameArb = fc.oneof(
    fc.constantFrom(...TRACKING_PARAMS),
    fc.constantFrom('utm_source', 'utm_medium', 'utm_campaign', 'UTM_Term', 'utm_content'),
  );
  const trackingParamArb = fc.oneof(
    fc.tuple(trackingNameArb, valueArb).map(([name, value]) => `${name}=${value}`),
    trackingNameArb,
  );
  const baseArb = fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://'),
      fc.constantFrom('example.com', 'zenn.dev', 'ja.wikipedia.org', 'Example.COM:8080'),
      fc.array(fc.string({ unit: fc.constantFrom(...safe.filter((c) => c !== '/')), maxLength: 8 }), {
        maxLength: 4,
      }),
    )
    .map(([scheme, host, segments]) => `${scheme}${host}/${segments.join('/')}`);
  const fragmentArb = fc.option(
    fc.string({ unit: fc.constantFrom(...safe, '#', '?', '&', '='), maxLength: 12 }),
    { nil: undefined },
  );
  const urlArb = (paramArb: fc.Arbitrary<string>) =>
    fc
      .tuple(baseArb, fc.option(fc.array(paramArb, { maxLength: 6 }), { nil: undefined }), fragmentArb)
      .map(
        ([base, params, fragment]) =>
          `${base}${params === undefined ? '' : `?${params.join('&')}`}${fragment === undefined ? '' : `#${fragment}`}`,
      );

  it('leaves a URL without tracking parameters unchanged, byte for byte', () => {
    fc.assert(
      fc.property(urlArb(plainParamArb), (url) => {
        expect(removeTrackingParams(url)).toBe(url);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(urlArb(fc.oneof(plainParamArb, trackingParamArb)), (url) => {
        const once = removeTrackingParams(url);
        expect(removeTrackingParams(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('removes every tracking parameter and keeps the others in order, fragment untouched', () => {
    fc.assert(
      fc.property(
        baseArb,
        fc.array(fc.tuple(fc.boolean(), plainParamArb, trackingParamArb), { minLength: 1, maxLength: 6 }),
        fragmentArb,
        (base, picks, fragment) => {
          const params = picks.map(([tracking, plain, tracker]) => (tracking ? tracker : plain));
          const kept = picks.filter(([tracking]) => !tracking).map(([, plain]) => plain);
          const hash = fragment === undefined ? '' : `#${fragment}`;
          const anyRemoved = kept.length < params.length;
          const nonEmpty = kept.filter((part) => part !== '');
          const expected = !anyRemoved
            ? `${base}?${params.join('&')}${hash}`
            : `${base}${nonEmpty.length > 0 ? `?${nonEmpty.join('&')}` : ''}${hash}`;
          expect(removeTrackingParams(`${base}?${params.join('&')}${hash}`)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('urlMatchKey', () => {
  it.each([
    [
      'utm parameters',
      'https://zenn.dev/team_soda/articles/0b57bba3a3665f?utm_source=x&utm_medium=social',
      ZENN,
    ],
    ['a fragment', `${ZENN}#section-1`, ZENN],
    ['tracking parameters and a fragment', `${ZENN}?fbclid=abc#comments`, ZENN],
    ['a GitHub line anchor', GITHUB_LINES, GITHUB_LINES.replace('#L83-L89', '')],
    ['host and scheme case', 'HTTPS://Zenn.DEV/team_soda/articles/0b57bba3a3665f', ZENN],
    ['a missing root slash', 'https://example.com', 'https://example.com/'],
    ['a default port', 'https://example.com:443/a', 'https://example.com/a'],
    ['surrounding spaces', `  ${ZENN}  `, ZENN],
    ['raw vs percent-encoded Japanese path', WIKIPEDIA_RAW, WIKIPEDIA_ENCODED],
    ['lowercase vs uppercase percent-encoding', 'https://ja.wikipedia.org/wiki/%e7%8c%ab', WIKIPEDIA_ENCODED],
    [
      'raw vs percent-encoded Japanese query',
      'https://www.google.com/search?q=猫',
      'https://www.google.com/search?q=%E7%8C%AB',
    ],
    ['sched.com with and without utm', `${SCHED}&utm_source=twitter`, SCHED],
    ['a bare ? left by a trailing &', `${ZENN}?utm_source=x&`, ZENN],
  ])('matches with and without %s', (_label, a, b) => {
    expect(urlMatchKey(a)).toBe(urlMatchKey(b));
  });

  it.each([
    [
      'different paths',
      'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
      'https://zenn.dev/team_soda/articles/other',
    ],
    ['different path case', 'https://example.com/Page', 'https://example.com/page'],
    ['different query values', 'https://www.youtube.com/watch?v=aaa', 'https://www.youtube.com/watch?v=bbb'],
    ['an extra non-tracking parameter', 'https://example.com/a?page=2', 'https://example.com/a'],
    ['different parameter order', 'https://example.com/a?x=1&y=2', 'https://example.com/a?y=2&x=1'],
    ['different hosts', 'https://zenn.dev/a', 'https://qiita.com/a'],
    ['different schemes', 'http://example.com/a', 'https://example.com/a'],
    ['different Japanese paths', 'https://ja.wikipedia.org/wiki/猫', 'https://ja.wikipedia.org/wiki/犬'],
  ])('does not match %s', (_label, a, b) => {
    expect(urlMatchKey(a)).not.toBe(urlMatchKey(b));
  });

  it('normalises to the parsed href without fragment or tracking', () => {
    expect(urlMatchKey('HTTPS://Example.COM/猫?utm_source=x&q=1#top')).toBe(
      'https://example.com/%E7%8C%AB?q=1',
    );
  });

  it('falls back to the cleaned string for something that is not a URL', () => {
    expect(urlMatchKey('not a url?utm_source=x#frag')).toBe('not a url');
  });
});

describe('unclippableReason', () => {
  it.each([
    ['https://example.com/'],
    ['http://example.com/a?b=c'],
    [SCHED],
    [WIKIPEDIA_RAW],
    ['https://chrome.google.com/search'],
    ['https://google.com/webstore'],
    ['https://developer.chrome.com/docs/webstore/'],
    ['https://mozilla.org/addons'],
  ])('allows %s', (url) => {
    expect(unclippableReason(url)).toBeNull();
  });

  it.each([
    ['chrome://extensions/'],
    ['chrome://newtab/'],
    ['about:blank'],
    ['about:newtab'],
    ['file:///home/me/notes.html'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html'],
    ['moz-extension://0f3c1e0a-0000-4000-8000-000000000000/options.html'],
    ['view-source:https://example.com/'],
    ['data:text/html,<h1>hi</h1>'],
    ['javascript:alert(1)'],
    ['edge://settings'],
    ['ftp://example.com/file.txt'],
  ])('refuses the scheme of %s', (url) => {
    expect(unclippableReason(url)).toBe('scheme');
  });

  it.each([
    ['https://chromewebstore.google.com/'],
    ['https://chromewebstore.google.com/detail/ublock-origin/cjpalhdlnbpafiamejdnhcphjbkeiagm'],
    ['https://CHROMEWEBSTORE.google.com/detail/x'],
    ['https://chrome.google.com/webstore/detail/ublock-origin/cjpalhdlnbpafiamejdnhcphjbkeiagm'],
    ['https://chrome.google.com/webstore'],
    ['https://addons.mozilla.org/ja/firefox/addon/ublock-origin/'],
    ['https://microsoftedge.microsoft.com/addons/detail/x'],
  ])('refuses the store page %s', (url) => {
    expect(unclippableReason(url)).toBe('store');
  });

  it.each([
    ['https://chrome.google.com/webstorex'],
    ['https://chrome.google.com/search'],
    ['https://example.com/webstore'],
  ])('does not mistake %s for a store page', (url) => {
    expect(unclippableReason(url)).toBeNull();
  });

  it.each([[undefined], [''], ['not a url'], ['example.com'], ['http://[::1'], ['https://']])(
    'calls %s invalid',
    (url) => {
      expect(unclippableReason(url)).toBe('invalid');
    },
  );
});

describe('isHttpUrl', () => {
  it.each([
    ['https://example.com/'],
    ['http://example.com'],
    [WIKIPEDIA_RAW],
    [SCHED],
    ['HTTPS://EXAMPLE.COM'],
  ])('accepts %s', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    ['chrome://extensions/'],
    ['about:blank'],
    ['file:///etc/hosts'],
    ['chrome-extension://abc/popup.html'],
    ['view-source:https://example.com/'],
    ['data:text/plain,hi'],
    ['javascript:alert(1)'],
    ['mailto:someone@example.com'],
    ['example.com'],
    ['/relative/path'],
    [''],
    ['not a url'],
  ])('rejects %s', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});
