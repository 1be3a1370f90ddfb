import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import type { Deletion } from '../../../src/core/deletion';
import {
  createMemberFile,
  MEMBER_FILE_VERSION,
  memberFilePath,
  parseMemberFile,
} from '../../../src/core/sync/member-file';
import { planTeamMerge } from '../../../src/core/transfer/team-merge';
import { makeClipping, makeIssue } from '../../support/factories';

const ISSUE = makeIssue({ id: 'open', number: 41, date: '2023-09-15', createdAt: 1_000 });
const inIssue = (overrides: Partial<Clipping>) =>
  makeClipping({ issueId: 'open', clippedBy: '佐藤', ...overrides });

const CLIPPINGS: Clipping[] = [
  inIssue({
    id: 'b',
    url: 'https://isovalent.com/blog/post/cilium-release-114/',
    title: 'Cilium 1.14 – Effortless Mutual Authentication',
    note: '相互認証が\nサイドカーなしで。',
    categoryId: 'notable-articles',
    order: 2,
  }),
  inIssue({
    id: 'a',
    url: 'https://github.com/cilium/cilium',
    title: 'cilium/cilium',
    categoryId: 'tools',
    order: 1,
  }),
  // Not written: someone else's item merged here, an item carried over, another issue's, the backlog's.
  inIssue({ id: 'c', url: 'https://example.com/c', clippedBy: '鈴木' }),
  inIssue({ id: 'd', url: 'https://example.com/d', carryOver: true }),
  makeClipping({ id: 'e', url: 'https://example.com/e', issueId: 'old', clippedBy: '佐藤' }),
  makeClipping({ id: 'f', url: 'https://example.com/f', issueId: null, clippedBy: '佐藤' }),
];

const DELETIONS: Deletion[] = [
  { id: 'z', deletedBy: '佐藤', deletedAt: 5_000 },
  { id: 'y', deletedBy: '佐藤', deletedAt: 4_000 },
  // Not written: another member's, and one made before the issue opened.
  { id: 'x', deletedBy: '鈴木', deletedAt: 5_000 },
  { id: 'w', deletedBy: '佐藤', deletedAt: 500 },
];

const source = { issue: ISSUE, clippings: CLIPPINGS, categories: DEFAULT_CATEGORIES, deletions: DELETIONS };

describe('the member file on the sync branch', () => {
  it('is named by issue date and member, letters of any script kept', () => {
    expect(memberFilePath('佐藤', ISSUE)).toBe('clips/2023-09-15/佐藤.jsonl');
    expect(memberFilePath('Taro Yamada', ISSUE)).toBe('clips/2023-09-15/taro-yamada.jsonl');
    expect(memberFilePath('../../etc', ISSUE)).toBe('clips/2023-09-15/etc.jsonl');
    expect(memberFilePath('', ISSUE)).toBe('clips/2023-09-15/member.jsonl');
  });

  it('holds a header, then the member’s own items in section order, then their deletions by id', () => {
    const text = createMemberFile({ ...source, member: '佐藤' });
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => Object.keys(JSON.parse(line)))).toEqual([
      ['categories', 'format', 'issue', 'member', 'version'],
      ['clipping'],
      ['clipping'],
      ['deletion'],
      ['deletion'],
    ]);
    const header = JSON.parse(lines[0] as string);
    expect(header).toEqual({
      categories: [
        { id: 'notable-articles', label: '👀 Notable Articles' },
        { id: 'tools', label: '🛠️ Tools, Frameworks, Libraries' },
      ],
      format: 'weekly-clipper-team',
      issue: { date: '2023-09-15', number: 41 },
      member: '佐藤',
      version: MEMBER_FILE_VERSION,
    });
    expect(JSON.parse(lines[1] as string).clipping.id).toBe('b');
    expect(JSON.parse(lines[2] as string).clipping.id).toBe('a');
    expect(lines.slice(3, 5).map((line) => JSON.parse(line).deletion.id)).toEqual(['y', 'z']);
    // A note's line break stays inside its line.
    expect(lines[1]).toContain('相互認証が\\nサイドカーなしで。');
  });

  it('gives the same bytes for the same data, so a sync with nothing new commits nothing', () => {
    const first = createMemberFile({ ...source, member: '佐藤' });
    const shuffled = { ...source, clippings: [...CLIPPINGS].reverse(), deletions: [...DELETIONS].reverse() };
    expect(createMemberFile({ ...shuffled, member: '佐藤' })).toBe(first);
  });

  it('reads back as a team file with its deletions', () => {
    const parsed = parseMemberFile(createMemberFile({ ...source, member: '佐藤' }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.member).toBe('佐藤');
    expect(parsed.file.clippings.map((clipping) => clipping.id)).toEqual(['b', 'a']);
    expect(parsed.file.deletions).toEqual([
      { id: 'y', deletedBy: '佐藤', deletedAt: 4_000 },
      { id: 'z', deletedBy: '佐藤', deletedAt: 5_000 },
    ]);
  });

  it.each([
    ['a line that is not JSON', (text: string) => text.replace('{"clipping"', '{clipping'), 'not-json'],
    ['a record of no known kind', (text: string) => `${text}{"other":{}}\n`, 'wrong-format'],
    ['another format', (text: string) => text.replace('weekly-clipper-team', 'other'), 'wrong-format'],
    ['a newer version', (text: string) => text.replace('"version":2', '"version":3'), 'newer-version'],
    [
      'a clipping with a javascript: URL',
      (text: string) => text.replace('https://github.com', 'javascript:'),
      'invalid-value',
    ],
    ['a deletion without a time', (text: string) => text.replace(/"deletedAt":\d+,/, ''), 'missing'],
  ])('refuses %s, saying where', (_, change, code) => {
    const parsed = parseMemberFile(change(createMemberFile({ ...source, member: '佐藤' })));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.code)).toContain(code);
  });

  it('takes any notes and titles through a round trip and a merge unchanged', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (note, title) => {
        const clipping = inIssue({ id: 'p', url: 'https://example.com/p', note, title });
        const text = createMemberFile({ ...source, clippings: [clipping], deletions: [], member: '佐藤' });
        expect(text.split('\n')).toHaveLength(3);
        const parsed = parseMemberFile(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const plan = planTeamMerge({ openIssue: ISSUE, clippings: [], categories: DEFAULT_CATEGORIES }, [
          parsed.file,
        ]);
        expect(plan.add).toMatchObject([{ id: 'p', note, title }]);
      }),
    );
  });
});
