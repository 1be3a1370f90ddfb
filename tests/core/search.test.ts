import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { searchClippings } from '../../src/core/search';
import { makeClipping } from '../support/factories';

const CLIPPINGS = [
  makeClipping({
    id: 'k8s',
    title: 'Kubernetes 1.28 リリース',
    note: 'サイドカーが正式に',
    url: 'https://kubernetes.io/blog/2023/08/15/',
    createdAt: 3,
  }),
  makeClipping({
    id: 'go',
    title: 'Go 1.21',
    note: '`slices` パッケージが標準に',
    url: 'https://go.dev/blog/go1.21',
    createdAt: 2,
  }),
  makeClipping({
    id: 'sched',
    title: 'SRE NEXT',
    note: '',
    url: 'https://sched.com/event?w=100%&q=a_b',
    createdAt: 1,
  }),
  makeClipping({
    id: 'kana',
    title: 'カタカナの記事',
    note: 'ﾃｽﾄ',
    url: 'https://example.com/kana',
    createdAt: 4,
  }),
];

const ids = (found: Clipping[]) => found.map((clipping) => clipping.id);

describe('searchClippings', () => {
  it.each<[string, string, string[]]>([
    ['a word of a title', 'kubernetes', ['k8s']],
    ['ignores case', 'KUBERNETES', ['k8s']],
    ['full-width Latin finds half-width', 'ｋｕｂｅ', ['k8s']],
    ['half-width kana finds full-width', 'ｶﾀｶﾅ', ['kana']],
    ['full-width kana finds half-width', 'テスト', ['kana']],
    ['a word of a note', 'サイドカー', ['k8s']],
    ['inline code in a note', '`slices`', ['go']],
    ['URL characters', 'w=100%&q=a_b', ['sched']],
    ['every word must match, in any field', 'go slices', ['go']],
    ['words in any order', 'slices go', ['go']],
    ['a full-width space separates words', 'go\u3000slices', ['go']],
    ['a word matching nothing empties the result', 'go rust', []],
    ['a shared word lists newest first', 'https', ['kana', 'k8s', 'go', 'sched']],
    ['an empty query finds nothing', '', []],
    ['a blank query finds nothing', ' \t\u3000 ', []],
    ['a word never spans two fields', 'リリースサイドカー', []],
  ])('%s: %j', (_, query, expected) => {
    expect(ids(searchClippings(CLIPPINGS, query))).toEqual(expected);
  });

  const clipping = fc
    .record({
      id: fc.uuid(),
      title: fc.string({ maxLength: 12 }),
      note: fc.string({ maxLength: 12 }),
      path: fc.string({ maxLength: 6 }),
      createdAt: fc.integer({ min: 0, max: 20 }),
    })
    .map(({ path, ...fields }) => makeClipping({ ...fields, url: `https://example.com/${path}` }));
  const fold = (text: string) => text.normalize('NFKC').toLowerCase();

  it('finds exactly the clippings where each word is in the title, the note or the URL', () => {
    fc.assert(
      fc.property(fc.array(clipping, { maxLength: 8 }), fc.string({ maxLength: 6 }), (list, query) => {
        const words = fold(query).split(/\s+/).filter(Boolean);
        const expected =
          words.length === 0
            ? []
            : list.filter((c) =>
                words.every((word) => [c.title, c.note, c.url].some((field) => fold(field).includes(word))),
              );
        expect(new Set(ids(searchClippings(list, query)))).toEqual(new Set(ids(expected)));
      }),
    );
  });

  it('finds every clipping by any piece of its title, and lists results newest first whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.array(clipping, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (list, pick, cut) => {
          const target = list[pick % list.length] as Clipping;
          const word = fold(target.title).split(/\s+/).filter(Boolean)[0];
          const query = word ? word.slice(cut % word.length) : target.id;
          const found = searchClippings(list, query);
          if (word) expect(ids(found)).toContain(target.id);
          const reversed = searchClippings([...list].reverse(), query);
          expect(ids(reversed)).toEqual(ids(found));
          for (let i = 1; i < found.length; i++) {
            expect((found[i - 1] as Clipping).createdAt).toBeGreaterThanOrEqual(
              (found[i] as Clipping).createdAt,
            );
          }
        },
      ),
    );
  });

  it('leaves its input as it was', () => {
    const before = structuredClone(CLIPPINGS);
    searchClippings(CLIPPINGS, 'https');
    expect(CLIPPINGS).toEqual(before);
  });
});

describe('searchClippings: searching again', () => {
  it('finds an edited clipping by its new text and no longer by its old', () => {
    const before = makeClipping({ id: 'e', title: '古いタイトル', note: '', url: '' });
    expect(searchClippings([before], '古い').map((c) => c.id)).toEqual(['e']);
    const after = { ...before, title: '新しいタイトル' };
    expect(searchClippings([after], '古い')).toEqual([]);
    expect(searchClippings([after], '新しい').map((c) => c.id)).toEqual(['e']);
  });
});
