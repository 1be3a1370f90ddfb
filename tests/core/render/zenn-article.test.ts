import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import { type IssueSource, renderZenn, renderZennTitle } from '../../../src/core/render/zenn';
import { articleSlug, zennArticleFile } from '../../../src/core/render/zenn-article';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { makeClipping, makeIssue } from '../../support/factories';
import { ISSUE, NOTABLE, SOURCE } from '../fixtures/issue-2023-09-15';

/** Zenn's slug rule: 12–50 characters of a-z, 0-9, `-` and `_`. */
const ZENN_SLUG = /^[a-z0-9_-]{12,50}$/;

describe('articleSlug', () => {
  it.each([
    ['Neco Weekly', 'neco-weekly-2023-09-15'],
    ['  Neco   Weekly!! ', 'neco-weekly-2023-09-15'],
    ['ＮＥＣＯ　Ｗｅｅｋｌｙ', 'neco-weekly-2023-09-15'],
    ['週刊 Neco', 'neco-2023-09-15'],
    ['ネコ週報', 'weekly-2023-09-15'],
    ['', 'weekly-2023-09-15'],
    ['🐈', 'weekly-2023-09-15'],
    ['Kubernetes_1.28 Notes', 'kubernetes-1-28-notes-2023-09-15'],
  ])('%j → %s', (name, slug) => {
    expect(articleSlug(name, { date: '2023-09-15' })).toBe(slug);
  });

  it('cuts a long name to fit 50 characters, leaving no `-` before the date', () => {
    // 38 letters, then a space that lands on the 39th character, the last one the name may use.
    const slug = articleSlug(`${'a'.repeat(38)} bcd efg`, { date: '2023-09-15' });
    expect(slug).toBe(`${'a'.repeat(38)}-2023-09-15`);
    expect(articleSlug('x'.repeat(80), { date: '2023-09-15' })).toBe(`${'x'.repeat(39)}-2023-09-15`);
    expect(articleSlug('x'.repeat(80), { date: '2023-09-15' })).toHaveLength(50);
  });

  it('always makes a slug Zenn accepts, ending in the date', () => {
    const date = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const name = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...'aZ9 -_.!あ漢Ａ😀'), maxLength: 80 }),
    );
    fc.assert(
      fc.property(name, date, (n, d) => {
        const slug = articleSlug(n, { date: d });
        expect(slug).toMatch(ZENN_SLUG);
        expect(slug.endsWith(`-${d}`)).toBe(true);
        expect(slug).not.toMatch(/^-|--\d{4}-\d\d-\d\d$/);
      }),
      { numRuns: 200 },
    );
  });
});

/** The front matter's `key: value` lines and the body after it, as zenn-cli reads the file. */
function splitArticle(content: string) {
  const match = /^---\n([\s\S]*?)\n---\n\n/.exec(content);
  if (!match?.[1]) throw new Error(`No front matter in ${JSON.stringify(content.slice(0, 80))}`);
  const fields = match[1].split(/\r\n?|\n/).map((line) => {
    const colon = line.indexOf(': ');
    return [line.slice(0, colon), line.slice(colon + 2)] as const;
  });
  return { fields, body: content.slice(match[0].length) };
}

const withHeadline = (title: string): IssueSource => ({
  ...SOURCE,
  clippings: [makeClipping({ id: 'headline', issueId: ISSUE.id, categoryId: NOTABLE, title })],
  issue: { ...ISSUE, headlineId: 'headline' },
});

describe('zennArticleFile', () => {
  it('is articles/{slug}.md: front matter, a blank line, then the issue', () => {
    const file = zennArticleFile(SOURCE);
    expect(file.filename).toBe('neco-weekly-2023-09-15.md');
    expect(file.content).toBe(
      [
        '---',
        'title: "Cilium BGP Control Plane 使ってみましたの話題など: Neco Weekly (2023-09-15号)"',
        'emoji: "😺"',
        'type: "idea"',
        'topics: ["kubernetes", "go"]',
        'published: false',
        '---',
        '',
        renderZenn(SOURCE),
      ].join('\n'),
    );
  });

  it('lowercases and trims topics, drops blank ones and keeps at most five', () => {
    const file = zennArticleFile({
      ...SOURCE,
      settings: {
        ...SOURCE.settings,
        topics: [' Kubernetes ', 'GO', '', '  ', 'CloudNative', 'eBPF', 'Cilium', 'Grafana'],
      },
    });
    expect(splitArticle(file.content).fields).toContainEqual([
      'topics',
      '["kubernetes", "go", "cloudnative", "ebpf", "cilium"]',
    ]);
  });

  it('writes `topics: []` when there are none', () => {
    const file = zennArticleFile({ ...SOURCE, settings: { ...SOURCE.settings, topics: [] } });
    expect(splitArticle(file.content).fields).toContainEqual(['topics', '[]']);
  });

  it('falls back to 📰 when no emoji is set', () => {
    const file = zennArticleFile({ ...SOURCE, settings: { ...SOURCE.settings, emoji: '' } });
    expect(splitArticle(file.content).fields).toContainEqual(['emoji', '"📰"']);
  });

  it.each([
    ['quotes', 'He said "hi"'],
    ['a backslash', 'C:\\Users\\neco'],
    ['a colon and a hash', 'Go: the #1 language'],
    ['a line break', 'first\nsecond'],
    ['YAML syntax', '- [a]: {b} & *c | >d'],
  ])('keeps a title with %s to one line that reads back as the title', (_, title) => {
    const source = withHeadline(title);
    const { fields, body } = splitArticle(zennArticleFile(source).content);
    expect(fields.map(([key]) => key)).toEqual(['title', 'emoji', 'type', 'topics', 'published']);
    const [, value] = fields[0] ?? [];
    expect(JSON.parse(value ?? '')).toBe(renderZennTitle(source));
    expect(body).toBe(renderZenn(source));
  });

  it('keeps any headline to one title line that reads back as the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (title) => {
        const source = withHeadline(title);
        const { fields } = splitArticle(zennArticleFile(source).content);
        expect(fields.map(([key]) => key)).toEqual(['title', 'emoji', 'type', 'topics', 'published']);
        expect(JSON.parse(fields[0]?.[1] ?? '')).toBe(renderZennTitle(source));
      }),
      { numRuns: 200 },
    );
  });
});

describe('zenn article edge cases', () => {
  it('drops accents from the slug instead of letters', () => {
    expect(articleSlug('Café Weekly', { date: '2023-09-15' })).toBe('cafe-weekly-2023-09-15');
  });

  it('escapes characters YAML forbids in the title', () => {
    const file = zennArticleFile({
      issue: makeIssue(),
      clippings: [makeClipping({ issueId: 'issue-1', title: 'a\u0080b\u009fc\u007fd\uffff' })],
      categories: DEFAULT_CATEGORIES,
      settings: DEFAULT_SETTINGS,
    });
    const titleLine = file.content.split('\n').find((line) => line.startsWith('title: ')) ?? '';
    expect(titleLine).not.toMatch(/[\u007f-\u009f\uffff]/);
    expect(JSON.parse(titleLine.slice('title: '.length))).toContain('a\u0080b\u009fc\u007fd\uffff');
  });
});
