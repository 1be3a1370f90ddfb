import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import { type IssueSource, renderZenn, renderZennTitle } from '../../../src/core/render/zenn';
import {
  articleSlug,
  ZENN_TITLE_MAX,
  zennArticleFile,
  zennArticleProblems,
} from '../../../src/core/render/zenn-article';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { makeClipping, makeIssue } from '../../support/factories';
import { ISSUE, NOTABLE, SOURCE } from '../fixtures/issue-2023-09-15';

/** Zenn's slug rule: 12–50 characters of a-z, 0-9, `-` and `_`. */
const ZENN_SLUG = /^[a-z0-9_-]{12,50}$/;

/** The slug with the default pattern, `{name}-{date}`. */
const slugOf = (name: string, date: string) =>
  articleSlug({ name, slugPattern: DEFAULT_SETTINGS.slugPattern }, { date, number: 41 });

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
    expect(slugOf(name, '2023-09-15')).toBe(slug);
  });

  it('cuts a long name to fit 50 characters, leaving no `-` before the date', () => {
    // 38 letters, then a space that lands on the 39th character, the last one the name may use.
    const slug = slugOf(`${'a'.repeat(38)} bcd efg`, '2023-09-15');
    expect(slug).toBe(`${'a'.repeat(38)}-2023-09-15`);
    expect(slugOf('x'.repeat(80), '2023-09-15')).toBe(`${'x'.repeat(39)}-2023-09-15`);
    expect(slugOf('x'.repeat(80), '2023-09-15')).toHaveLength(50);
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
        const slug = slugOf(n, d);
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
        'publication_name: "cybozu"',
        '---',
        '',
        renderZenn(SOURCE),
      ].join('\n'),
    );
  });

  it('lowercases and trims topics and drops blank ones', () => {
    const file = zennArticleFile({
      ...SOURCE,
      settings: {
        ...SOURCE.settings,
        topics: [' Kubernetes ', 'GO', '', '  ', 'CloudNative', 'eBPF'],
      },
    });
    expect(splitArticle(file.content).fields).toContainEqual([
      'topics',
      '["kubernetes", "go", "cloudnative", "ebpf"]',
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
    expect(fields.map(([key]) => key)).toEqual([
      'title',
      'emoji',
      'type',
      'topics',
      'published',
      'publication_name',
    ]);
    const [, value] = fields[0] ?? [];
    expect(JSON.parse(value ?? '')).toBe(renderZennTitle(source));
    expect(body).toBe(renderZenn(source));
  });

  it('keeps any headline to one title line that reads back as the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (title) => {
        const source = withHeadline(title);
        const { fields } = splitArticle(zennArticleFile(source).content);
        expect(fields.map(([key]) => key)).toEqual([
          'title',
          'emoji',
          'type',
          'topics',
          'published',
          'publication_name',
        ]);
        expect(JSON.parse(fields[0]?.[1] ?? '')).toBe(renderZennTitle(source));
      }),
      { numRuns: 200 },
    );
  });
});

describe('zenn article edge cases', () => {
  it('drops accents from the slug instead of letters', () => {
    expect(slugOf('Café Weekly', '2023-09-15')).toBe('cafe-weekly-2023-09-15');
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

describe('the article file follows the settings', () => {
  const settings = SOURCE.settings;

  it('writes the type, and publication_name only when one is set', () => {
    const tech = zennArticleFile({
      ...SOURCE,
      settings: { ...settings, zennType: 'tech', publicationName: '' },
    });
    const { fields } = splitArticle(tech.content);
    expect(fields).toContainEqual(['type', '"tech"']);
    expect(fields.map(([key]) => key)).not.toContain('publication_name');
  });

  it.each([
    ['{name}-{date}', 'neco-weekly-2023-09-15'],
    ['weekly_{number}_{date}', 'weekly_41_2023-09-15'],
    ['{name}-第{number}回', 'neco-weekly-41'],
    ['  ', 'neco-weekly-2023-09-15'],
  ])('names the file by the slug pattern %j', (slugPattern, slug) => {
    expect(zennArticleFile({ ...SOURCE, settings: { ...settings, slugPattern } }).filename).toBe(
      `${slug}.md`,
    );
  });

  it('shortens a long name, not the date, to keep the slug within 50 characters', () => {
    const slug = articleSlug({ name: 'x'.repeat(60), slugPattern: '{name}-{number}-{date}' }, ISSUE);
    expect(slug).toBe(`${'x'.repeat(36)}-41-2023-09-15`);
  });
});

describe('zennArticleProblems', () => {
  const settings = SOURCE.settings;
  const problems = (change: Partial<typeof settings>, source: IssueSource = SOURCE) =>
    zennArticleProblems({ ...source, settings: { ...settings, ...change } });

  it('finds nothing wrong with the team’s issue', () => {
    expect(zennArticleProblems(SOURCE)).toEqual([]);
  });

  it('counts the title as Zenn does, at most 70', () => {
    const long = withHeadline('あ'.repeat(60));
    expect(renderZennTitle(long).length).toBeGreaterThan(ZENN_TITLE_MAX);
    expect(problems({}, long)).toEqual([{ code: 'titleTooLong', length: renderZennTitle(long).length }]);
    // The topic the team writes is what shortens it.
    expect(problems({}, { ...long, issue: { ...long.issue, topic: 'Cilium BGP' } })).toEqual([]);
  });

  it.each([['😺'], ['🇯🇵'], ['👩‍💻'], ['1️⃣'], ['🗞️']])('takes %s as one emoji', (emoji) => {
    expect(problems({ emoji })).toEqual([]);
  });

  it.each([[''], ['😺😺'], ['猫'], ['😺 ネコ'], ['a']])('refuses the emoji %j', (emoji) => {
    expect(problems({ emoji })).toEqual([{ code: 'emojiNotOne' }]);
  });

  it('refuses more than five topics, symbols and spaces in one, and one over 18 characters', () => {
    expect(problems({ topics: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([
      { code: 'tooManyTopics', count: 6 },
    ]);
    expect(problems({ topics: ['vue.js', 'c++', 'cloud native'] })).toEqual([
      { code: 'topicSymbols', topic: 'vue.js' },
      { code: 'topicSymbols', topic: 'c++' },
      { code: 'topicSymbols', topic: 'cloud native' },
    ]);
    expect(problems({ topics: ['k'.repeat(18), 'k'.repeat(19)] })).toEqual([
      { code: 'topicTooLong', topic: 'k'.repeat(19) },
    ]);
    expect(problems({ topics: ['個人開発', 'kubernetes'] })).toEqual([]);
  });

  it.each([['cybozu'], ['neco_team'], ['ab'], ['']])('takes the publication name %j', (publicationName) => {
    expect(problems({ publicationName })).toEqual([]);
  });

  it.each([['a'], ['Cybozu'], ['neco-team'], ['x'.repeat(16)]])('refuses the publication name %j', (name) => {
    expect(problems({ publicationName: name })).toEqual([{ code: 'publicationName', name }]);
  });

  it('refuses a slug Zenn would not take', () => {
    expect(problems({ slugPattern: '{number}' })).toEqual([{ code: 'slug', slug: '41' }]);
  });
});
