import { describe, expect, it } from 'vitest';
import {
  type Clipping,
  type ClippingFields,
  compareNewestFirst,
  createClipping,
  normalizeFields,
  reviseClipping,
  validateClippingFields,
} from '../../src/core/clipping';
import { makeClipping } from '../support/factories';

const fields = (overrides: Partial<ClippingFields> = {}): ClippingFields => ({
  url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
  title: 'Go の context を理解する',
  note: '**良い記事**です。\n\n- 読む価値あり',
  categoryId: 'notable-articles',
  ...overrides,
});

const clipping = (id: string, createdAt: number, updatedAt = createdAt): Clipping =>
  makeClipping({ id, ...fields(), createdAt, updatedAt });
const ORIGIN = { issueId: 'issue-1', clippedBy: 'ねこ' };

describe('validateClippingFields', () => {
  it('accepts complete fields', () => {
    expect(validateClippingFields(fields())).toEqual([]);
  });

  it('accepts http and an untrimmed URL', () => {
    expect(validateClippingFields(fields({ url: '  http://example.com/  ' }))).toEqual([]);
  });

  it.each([[''], ['   '], ['\n\t']])('reports a missing URL for %j', (url) => {
    expect(validateClippingFields(fields({ url }))).toEqual(['url-missing']);
  });

  it.each([
    ['about:blank'],
    ['chrome://extensions/'],
    ['javascript:alert(1)'],
    ['example.com'],
    ['ftp://example.com/'],
  ])('reports a non-http URL for %s', (url) => {
    expect(validateClippingFields(fields({ url }))).toEqual(['url-not-http']);
  });

  it('reports a missing category', () => {
    expect(validateClippingFields(fields({ categoryId: '' }))).toEqual(['category-missing']);
  });

  it('reports every problem, in form order', () => {
    expect(validateClippingFields(fields({ url: '', categoryId: '' }))).toEqual([
      'url-missing',
      'category-missing',
    ]);
    expect(validateClippingFields(fields({ url: 'file:///x', categoryId: '' }))).toEqual([
      'url-not-http',
      'category-missing',
    ]);
  });

  it('does not require a title or a note', () => {
    expect(validateClippingFields(fields({ title: '', note: '' }))).toEqual([]);
  });
});

describe('normalizeFields', () => {
  it('cleans tracking parameters from the URL and trims it, keeping the fragment', () => {
    const normalized = normalizeFields(fields({ url: '  https://example.com/a?utm_source=x&id=1#L10 \n' }));
    expect(normalized.url).toBe('https://example.com/a?id=1#L10');
  });

  it('keeps a clean URL byte for byte', () => {
    const url = 'https://kccncna2022.sched.com/event/182K0/run-as-root?iframe=no&w=100%&sidebar=yes&bg=no';
    expect(normalizeFields(fields({ url })).url).toBe(url);
  });

  it.each([
    ['a newline', 'Part one\nPart two', 'Part one Part two'],
    ['CRLF with surrounding spaces', 'Part one  \r\n  Part two', 'Part one Part two'],
    ['several blank lines', 'A\n\n\nB', 'A B'],
    ['leading and trailing newlines', '\n  Title  \n', 'Title'],
    ['Japanese lines', '週刊\nクリッパー', '週刊 クリッパー'],
  ])('puts a title with %s on one line', (_label, title, expected) => {
    expect(normalizeFields(fields({ title })).title).toBe(expected);
  });

  it('keeps spaces and tabs inside a one-line title', () => {
    expect(normalizeFields(fields({ title: 'a  b\tc' })).title).toBe('a  b\tc');
  });

  it.each([[''], ['   '], ['\n\r\n']])('uses the cleaned URL when the title is %j', (title) => {
    const normalized = normalizeFields(fields({ title, url: 'https://example.com/a?fbclid=1' }));
    expect(normalized.title).toBe('https://example.com/a');
  });

  it('keeps the note exactly as typed, Markdown and newlines included', () => {
    const note = '  先頭の空白\n\n```ts\nconst a = 1;\n```\n';
    expect(normalizeFields(fields({ note })).note).toBe(note);
  });

  it('keeps the category and returns only the four fields', () => {
    const normalized = normalizeFields({ ...fields({ categoryId: 'books' }), extra: 1 } as ClippingFields);
    expect(normalized.categoryId).toBe('books');
    expect(Object.keys(normalized).sort()).toEqual(['categoryId', 'note', 'title', 'url']);
  });
});

describe('createClipping', () => {
  it('stores normalized fields with the given id and time', () => {
    const created = createClipping(
      fields({ url: 'https://example.com/?utm_medium=x', title: 'A\nB' }),
      ORIGIN,
      'id-1',
      1_700_000_000_000,
    );
    expect(created).toEqual({
      id: 'id-1',
      url: 'https://example.com/',
      title: 'A B',
      note: fields().note,
      categoryId: 'notable-articles',
      issueId: 'issue-1',
      clippedBy: 'ねこ',
      order: 1_700_000_000_000,
      carryOver: false,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
  });
});

describe('reviseClipping', () => {
  const original = createClipping(fields(), ORIGIN, 'id-1', 1000);

  it('replaces the fields, keeps id and createdAt, sets updatedAt to now', () => {
    const revised = reviseClipping(
      original,
      fields({
        title: '新しい\nタイトル',
        note: 'edited',
        categoryId: 'tools',
        url: 'https://example.com/?gclid=1',
      }),
      5000,
    );
    expect(revised).toEqual({
      id: 'id-1',
      url: 'https://example.com/',
      title: '新しい タイトル',
      note: 'edited',
      categoryId: 'tools',
      issueId: 'issue-1',
      clippedBy: 'ねこ',
      order: 1000,
      carryOver: false,
      createdAt: 1000,
      updatedAt: 5000,
    });
  });

  it('does not change the clipping it was given', () => {
    reviseClipping(original, fields({ note: 'edited' }), 5000);
    expect(original.note).toBe(fields().note);
    expect(original.updatedAt).toBe(1000);
  });

  it('moves updatedAt forward even when the clock did not', () => {
    expect(reviseClipping(original, fields(), 1000).updatedAt).toBe(1001);
  });

  it('moves updatedAt forward even when the clock went backwards', () => {
    expect(reviseClipping(original, fields(), 10).updatedAt).toBe(1001);
  });

  it('increases updatedAt on every revision at a frozen clock', () => {
    let current = original;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      current = reviseClipping(current, fields({ note: `edit ${i}` }), 1000);
      seen.push(current.updatedAt);
    }
    expect(seen).toEqual([1001, 1002, 1003, 1004, 1005]);
  });
});

describe('compareNewestFirst', () => {
  it('puts newer clippings first', () => {
    const list = [clipping('a', 1), clipping('b', 3), clipping('c', 2)];
    expect(list.sort(compareNewestFirst).map((c) => c.id)).toEqual(['b', 'c', 'a']);
  });

  it('orders by createdAt, not updatedAt', () => {
    const list = [clipping('old-but-edited', 1, 100), clipping('new', 2, 2)];
    expect(list.sort(compareNewestFirst).map((c) => c.id)).toEqual(['new', 'old-but-edited']);
  });

  it('breaks ties by id ascending, whatever the input order', () => {
    const expected = ['a', 'b', 'c'];
    expect(
      [clipping('c', 5), clipping('a', 5), clipping('b', 5)].sort(compareNewestFirst).map((c) => c.id),
    ).toEqual(expected);
    expect(
      [clipping('b', 5), clipping('c', 5), clipping('a', 5)].sort(compareNewestFirst).map((c) => c.id),
    ).toEqual(expected);
  });

  it('returns 0 only for the same id and time', () => {
    expect(compareNewestFirst(clipping('a', 5), clipping('a', 5))).toBe(0);
    expect(compareNewestFirst(clipping('a', 5), clipping('b', 5))).toBeLessThan(0);
    expect(compareNewestFirst(clipping('b', 5), clipping('a', 5))).toBeGreaterThan(0);
    expect(compareNewestFirst(clipping('a', 6), clipping('b', 5))).toBeLessThan(0);
  });
});

describe('validateClippingFields on URLs with hidden line breaks', () => {
  it.each(['https://example.com/a\n# 注入', 'https://example.com/a\tb', 'https://example.com/a\u0000'])(
    'refuses %j',
    (url) => {
      expect(validateClippingFields(fields({ url }))).toContain('url-not-http');
    },
  );
});
