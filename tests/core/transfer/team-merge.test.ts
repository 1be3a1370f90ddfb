import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/core/category';
import type { Clipping } from '../../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import {
  createTeamFile,
  parseTeamFile,
  TEAM_FILE_FORMAT,
  type TeamCategory,
  type TeamClipping,
  type TeamFile,
} from '../../../src/core/transfer/team-file';
import {
  planTeamMerge,
  type TeamMergeLocal,
  type TeamMergePlan,
} from '../../../src/core/transfer/team-merge';
import { urlMatchKey } from '../../../src/core/url';
import { makeClipping, makeIssue } from '../../support/factories';

const ISSUE = makeIssue({ id: 'open', number: 41, date: '2023-09-15' });
const _NOW = Date.UTC(2023, 8, 14, 10, 0, 0);
const TEAM_CATEGORIES: TeamCategory[] = DEFAULT_CATEGORIES.map(({ id, label }) => ({ id, label }));

const inIssue = (overrides: Partial<Clipping>) => makeClipping({ issueId: 'open', ...overrides });

/** A parsed team file, as `parseTeamFile` returns it; clippings get distinct ids and URLs unless named. */
function teamFile(
  member: string,
  clippings: Partial<TeamClipping>[],
  categories: TeamCategory[] = TEAM_CATEGORIES,
): TeamFile {
  return {
    format: TEAM_FILE_FORMAT,
    version: 1,
    member,
    exportedAt: '2023-09-14T10:00:00.000Z',
    issue: { number: 41, date: '2023-09-15' },
    categories,
    clippings: clippings.map((overrides, index) => ({
      id: `${member}-${index}`,
      url: `https://example.com/${member}/${index}`,
      title: `${member} ${index}`,
      note: '',
      categoryId: 'notable-articles',
      order: 1000,
      clippedBy: member,
      createdAt: 1000,
      updatedAt: 1000,
      ...overrides,
    })),
  };
}

function localState(
  clippings: Clipping[],
  categories: readonly Category[] = DEFAULT_CATEGORIES,
): TeamMergeLocal {
  return { openIssue: ISSUE, clippings, categories };
}

/** Saves a plan the way the options page would: updates replace by id, adds and new categories append. */
function applyPlan(local: TeamMergeLocal, plan: TeamMergePlan): TeamMergeLocal {
  const updates = new Map(plan.update.map((clipping) => [clipping.id, clipping]));
  return {
    openIssue: local.openIssue,
    clippings: [...local.clippings.map((clipping) => updates.get(clipping.id) ?? clipping), ...plan.add],
    categories: [...local.categories, ...plan.addCategories],
  };
}

const NOTHING_TO_DO = { add: [], update: [], remove: [], addCategories: [], deletions: [] };

describe('planTeamMerge', () => {
  it('adds a new clipping to the open issue, keeping its id, member, note and times', () => {
    const file = teamFile('sato', [
      { note: '良い', categoryId: 'tools', order: 3, createdAt: 500, updatedAt: 700, clippedBy: '' },
    ]);
    const plan = planTeamMerge(localState([]), [file]);
    expect(plan).toEqual({
      add: [
        {
          id: 'sato-0',
          url: 'https://example.com/sato/0',
          title: 'sato 0',
          note: '良い',
          categoryId: 'tools',
          issueId: 'open',
          order: 500,
          carryOver: false,
          clippedBy: 'sato',
          createdAt: 500,
          updatedAt: 700,
        },
      ],
      update: [],
      remove: [],
      addCategories: [],
      deletions: [],
      counts: { added: 1, updated: 0, unchanged: 0, mergedNotes: 0, removed: 0 },
    });
  });

  it('updates a clipping with the same id when the file’s version is newer, keeping where the editor put it', () => {
    const otherNotes = [{ id: 'x', clippedBy: 'suzuki', note: 'n', updatedAt: 1 }];
    const local = inIssue({ id: 'sato-0', order: 2, carryOver: true, updatedAt: 1500, otherNotes });
    const file = teamFile('sato', [
      { title: 'New title', note: '追記', categoryId: 'tools', updatedAt: 2000 },
    ]);
    const plan = planTeamMerge(localState([local]), [file]);
    expect(plan.update).toEqual([
      {
        ...local,
        url: 'https://example.com/sato/0',
        title: 'New title',
        note: '追記',
        categoryId: 'tools',
        clippedBy: 'sato',
        updatedAt: 2000,
      },
    ]);
    expect(plan.add).toEqual([]);
    expect(plan.counts).toEqual({ added: 0, updated: 1, unchanged: 0, mergedNotes: 0, removed: 0 });
  });

  it.each([
    ['older', 900],
    ['as old', 1000],
  ])('leaves a clipping with the same id alone when the file’s version is %s', (_name, updatedAt) => {
    const local = inIssue({ id: 'sato-0', note: 'local edit', updatedAt: 1000 });
    const plan = planTeamMerge(localState([local]), [teamFile('sato', [{ note: 'stale', updatedAt }])]);
    expect(plan).toMatchObject({
      ...NOTHING_TO_DO,
      counts: { added: 0, updated: 0, unchanged: 1, mergedNotes: 0, removed: 0 },
    });
  });

  it('never changes a clipping in a published issue', () => {
    const published = makeClipping({ id: 'sato-0', issueId: 'issue-40', updatedAt: 1000 });
    const plan = planTeamMerge(localState([published]), [
      teamFile('sato', [{ note: 'later', updatedAt: 5000 }]),
    ]);
    expect(plan).toMatchObject({ ...NOTHING_TO_DO, counts: { unchanged: 1 } });
  });

  it('updates a clipping the editor moved to the backlog, leaving it there', () => {
    const backlog = makeClipping({ id: 'sato-0', issueId: null, updatedAt: 1000 });
    const plan = planTeamMerge(localState([backlog]), [
      teamFile('sato', [{ note: 'later', updatedAt: 5000 }]),
    ]);
    expect(plan.update).toMatchObject([{ id: 'sato-0', issueId: null, note: 'later' }]);
  });

  it('keeps one item when two members clipped the same URL, with the other member’s note on it', () => {
    const local = inIssue({ id: 'mine', url: 'https://example.com/a', note: '自分のメモ', updatedAt: 1200 });
    const file = teamFile('suzuki', [{ url: 'https://example.com/a', note: '鈴木のメモ', updatedAt: 1300 }]);
    const plan = planTeamMerge(localState([local]), [file]);
    expect(plan).toEqual({
      add: [],
      // One millisecond later: the note is not an edit of the item (see planTeamMerge).
      update: [
        {
          ...local,
          updatedAt: 1201,
          otherNotes: [
            {
              id: 'suzuki-0',
              clippedBy: 'suzuki',
              note: '鈴木のメモ',
              updatedAt: 1300,
              url: 'https://example.com/a',
              title: 'suzuki 0',
            },
          ],
        },
      ],
      remove: [],
      addCategories: [],
      deletions: [],
      counts: { added: 0, updated: 0, unchanged: 0, mergedNotes: 1, removed: 0 },
    });
  });

  it('matches URLs as the clipper does: tracking parameters, fragment, case of scheme and host', () => {
    const local = inIssue({ id: 'mine', url: 'https://example.com/a?id=1' });
    const file = teamFile('suzuki', [{ url: 'HTTPS://Example.COM/a?id=1&utm_source=x#top', note: 'メモ' }]);
    const plan = planTeamMerge(localState([local]), [file]);
    expect(plan.add).toEqual([]);
    expect(plan.update[0]?.otherNotes?.map((other) => other.note)).toEqual(['メモ']);
  });

  it.each([
    ['is empty', '', '自分のメモ', []],
    ['is only spaces', ' \n ', '自分のメモ', []],
    ['equals the kept note', '同じ ', '同じ', []],
    [
      'equals a note already merged',
      '既出',
      '',
      [{ id: 'x', clippedBy: 'tanaka', note: '既出', updatedAt: 1 }],
    ],
  ])('adds no other note when the incoming one %s', (_name, note, keptNote, otherNotes) => {
    const local = inIssue({ id: 'mine', url: 'https://example.com/a', note: keptNote, otherNotes });
    const plan = planTeamMerge(localState([local]), [
      teamFile('suzuki', [{ url: 'https://example.com/a', note }]),
    ]);
    expect(plan).toMatchObject({ ...NOTHING_TO_DO, counts: { unchanged: 1 } });
  });

  it('does not merge into an item of a published issue or the backlog: the clipping is added', () => {
    const local = [
      makeClipping({ id: 'old', url: 'https://example.com/a', issueId: 'issue-40' }),
      makeClipping({ id: 'later', url: 'https://example.com/a', issueId: null }),
    ];
    const plan = planTeamMerge(localState(local), [teamFile('suzuki', [{ url: 'https://example.com/a' }])]);
    expect(plan.add.map((clipping) => clipping.id)).toEqual(['suzuki-0']);
    expect(plan.update).toEqual([]);
  });

  it('matches URLs against the updated items, whatever the clipping times', () => {
    // sato moved the item from /a to /b; suzuki, who clipped /a earlier, must not end up on it.
    const local = inIssue({ id: 'sato-0', url: 'https://example.com/a', createdAt: 500, updatedAt: 500 });
    const sato = teamFile('sato', [{ url: 'https://example.com/b', createdAt: 500, updatedAt: 900 }]);
    const suzuki = teamFile('suzuki', [{ url: 'https://example.com/a', note: '鈴木', createdAt: 100 }]);
    const plan = planTeamMerge(localState([local]), [suzuki, sato]);
    expect(plan.update).toEqual([
      { ...local, url: 'https://example.com/b', title: 'sato 0', clippedBy: 'sato', updatedAt: 900 },
    ]);
    expect(plan.add.map((clipping) => [clipping.id, clipping.url])).toEqual([
      ['suzuki-0', 'https://example.com/a'],
    ]);
  });

  it('never merges items without URL', () => {
    const local = inIssue({ id: 'qa', url: '', title: 'Q&A', note: 'a' });
    const plan = planTeamMerge(localState([local]), [
      teamFile('suzuki', [{ url: '', title: 'Q&A', note: 'b' }]),
    ]);
    expect(plan.add.map((clipping) => clipping.id)).toEqual(['suzuki-0']);
  });

  it('keeps the earliest clipped of two members’ clippings of one URL, in either file order', () => {
    const sato = teamFile('sato', [
      { url: 'https://example.com/a', note: '佐藤', createdAt: 2000, updatedAt: 2000 },
    ]);
    const suzuki = teamFile('suzuki', [{ url: 'https://example.com/a', note: '鈴木', createdAt: 1000 }]);
    for (const files of [
      [sato, suzuki],
      [suzuki, sato],
    ]) {
      const plan = planTeamMerge(localState([]), files);
      expect(plan.add).toHaveLength(1);
      expect(plan.add[0]).toMatchObject({
        id: 'suzuki-0',
        note: '鈴木',
        updatedAt: 1000,
        otherNotes: [{ id: 'sato-0', clippedBy: 'sato', note: '佐藤', updatedAt: 2000 }],
      });
      expect(plan.counts).toEqual({ added: 1, updated: 0, unchanged: 0, mergedNotes: 1, removed: 0 });
    }
  });

  it('merges two members’ files with different articles', () => {
    const files = [teamFile('sato', [{}, {}]), teamFile('suzuki', [{}])];
    const plan = planTeamMerge(localState([inIssue({ id: 'mine' })]), files);
    expect(plan.add.map((clipping) => [clipping.id, clipping.clippedBy])).toEqual([
      ['sato-0', 'sato'],
      ['sato-1', 'sato'],
      ['suzuki-0', 'suzuki'],
    ]);
    expect(plan.counts).toEqual({ added: 3, updated: 0, unchanged: 0, mergedNotes: 0, removed: 0 });
  });

  it('replaces a merged note when its member edited it later, and leaves it when not', () => {
    const otherNotes = [{ id: 'suzuki-0', clippedBy: 'suzuki', note: '古い', updatedAt: 1000 }];
    const local = inIssue({ id: 'mine', url: 'https://example.com/a', updatedAt: 1500, otherNotes });
    const same = teamFile('suzuki', [{ url: 'https://example.com/a', note: '古い', updatedAt: 1000 }]);
    expect(planTeamMerge(localState([local]), [same])).toMatchObject({
      ...NOTHING_TO_DO,
      counts: { unchanged: 1 },
    });
    const edited = teamFile('suzuki', [{ url: 'https://example.com/a', note: '新しい', updatedAt: 3000 }]);
    const plan = planTeamMerge(localState([local]), [edited]);
    expect(plan.update).toEqual([
      {
        ...local,
        updatedAt: 1501,
        otherNotes: [
          {
            ...otherNotes[0],
            note: '新しい',
            updatedAt: 3000,
            url: 'https://example.com/a',
            title: 'suzuki 0',
          },
        ],
      },
    ]);
    expect(plan.counts).toEqual({ added: 0, updated: 0, unchanged: 0, mergedNotes: 1, removed: 0 });
  });

  it('lets a member’s edit win over notes merged in after it was made', () => {
    // sato's item came in at 1000; suzuki's note on it was merged at some later "now".
    let local = localState([]);
    local = applyPlan(local, planTeamMerge(local, [teamFile('sato', [{ url: 'https://example.com/a' }])]));
    const suzuki = teamFile('suzuki', [{ url: 'https://example.com/a', note: '鈴木', createdAt: 5000 }]);
    local = applyPlan(local, planTeamMerge(local, [suzuki]));
    // sato edited at 1100, before that merge, and exports only now.
    const edited = teamFile('sato', [{ url: 'https://example.com/a', note: '追記', updatedAt: 1100 }]);
    const plan = planTeamMerge(local, [edited]);
    expect(plan.update).toMatchObject([{ id: 'sato-0', note: '追記', otherNotes: [{ note: '鈴木' }] }]);
  });

  describe('categories', () => {
    const local = [...DEFAULT_CATEGORIES, { id: 'mine', label: '🧪 Experiments', order: 7 }];
    const plan = planTeamMerge(localState([], local), [
      teamFile(
        'sato',
        [
          { categoryId: 'tools' },
          { categoryId: 'sato-exp' },
          { categoryId: 'sato-talks' },
          { categoryId: 'sato-books' },
        ],
        [
          { id: 'tools', label: 'Renamed by sato' },
          { id: 'sato-exp', label: ' 🧪 Experiments' },
          { id: 'sato-talks', label: '🎤 Talks' },
          { id: 'sato-books', label: '📘 Books' },
        ],
      ),
      teamFile('suzuki', [{ categoryId: 'suzuki-talks' }], [{ id: 'suzuki-talks', label: '🎤 Talks' }]),
    ]);
    const categoryOf = (id: string) => plan.add.find((clipping) => clipping.id === id)?.categoryId;

    it('maps by id first, even when the label differs', () => {
      expect(categoryOf('sato-0')).toBe('tools');
    });

    it('maps by label when no local category has the id', () => {
      expect(categoryOf('sato-1')).toBe('mine');
      expect(categoryOf('sato-3')).toBe('books');
    });

    it('adds a category it cannot map, once, after the local ones, keeping its id and label', () => {
      expect(plan.addCategories).toEqual([{ id: 'sato-talks', label: '🎤 Talks', order: 8 }]);
      expect(categoryOf('sato-2')).toBe('sato-talks');
      expect(categoryOf('suzuki-0')).toBe('sato-talks');
    });
  });

  it('changes nothing when the same files are merged again', () => {
    const files = [
      teamFile(
        'sato',
        [
          { url: 'https://example.com/a', note: 'a', createdAt: 1 },
          { url: 'https://example.com/b', note: 'b', categoryId: 'new' },
          { url: '', title: 'Q&A', note: 'q' },
        ],
        [...TEAM_CATEGORIES, { id: 'new', label: '🆕 New' }],
      ),
      teamFile('suzuki', [
        { url: 'https://example.com/a', note: 'a2', createdAt: 2 },
        { url: 'https://example.com/b', note: '' },
        { url: 'https://example.com/c', note: 'c' },
      ]),
    ];
    const start = localState([inIssue({ id: 'mine', url: 'https://example.com/c', note: 'mine' })]);
    const first = planTeamMerge(start, files);
    expect(first.counts).toEqual({ added: 3, updated: 0, unchanged: 1, mergedNotes: 2, removed: 0 });
    const merged = applyPlan(start, first);
    const second = planTeamMerge(merged, files);
    expect(second).toEqual({
      ...NOTHING_TO_DO,
      counts: { added: 0, updated: 0, unchanged: 6, mergedNotes: 0, removed: 0 },
    });
    expect(planTeamMerge(merged, [...files].reverse())).toEqual(second);
  });
});

describe('planTeamMerge, for any member files', () => {
  const MEMBERS = ['sato', 'suzuki', 'takahashi', 'tanaka'];
  const URLS = [
    'https://example.com/a',
    'https://EXAMPLE.com/a?utm_source=x',
    'https://example.com/b',
    'https://example.com/b#comments',
    'https://example.com/c',
    '',
  ];
  const NOTES = ['', ' ', '良い', '良い ', '読む', 'あとで\n読む', 'x'];
  const CATEGORIES: Category[] = [
    { id: 'notable-articles', label: '👀 Notable Articles', order: 0 },
    { id: 'sato-lab', label: '🧪 Lab', order: 1 },
    { id: 'other-lab', label: '🧪 Lab', order: 2 },
    { id: 'talks', label: '🎤 Talks', order: 3 },
  ];
  const item = fc.record({
    url: fc.constantFrom(...URLS),
    note: fc.constantFrom(...NOTES),
    categoryId: fc.constantFrom(...CATEGORIES.map((category) => category.id)),
    createdAt: fc.integer({ min: 0, max: 30 }),
    age: fc.integer({ min: 0, max: 5 }),
  });
  type Item = typeof item extends fc.Arbitrary<infer T> ? T : never;
  const toClipping = (prefix: string, issueId: string) => (entry: Item, index: number) =>
    makeClipping({
      id: `${prefix}-${index}`,
      url: entry.url,
      title: `${prefix} ${index}`,
      note: entry.note,
      categoryId: entry.categoryId,
      issueId,
      createdAt: entry.createdAt,
      updatedAt: entry.createdAt + entry.age,
    });

  /** Each member's file, as written by createTeamFile and read back by parseTeamFile. */
  function memberFile(member: string, entries: Item[]): TeamFile {
    const issue = makeIssue({ id: `${member}-issue` });
    const clippings = entries.map(toClipping(member, issue.id));
    const parsed = parseTeamFile(
      createTeamFile({ issue, clippings, categories: CATEGORIES, member, now: 0 }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.file;
  }

  const scenario = fc.record({
    members: fc.array(fc.array(item, { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
    local: fc.uniqueArray(item, { maxLength: 3, selector: (entry) => urlMatchKey(entry.url) || Symbol() }),
    shuffle: fc.array(fc.double({ noNaN: true }), { minLength: 4, maxLength: 4 }),
  });

  /** The open issue as a reader would compare it: its URLs and all its notes, kept or other. */
  function summary(state: TeamMergeLocal) {
    const items = state.clippings.filter((clipping) => clipping.issueId === 'open');
    const notes = items
      .flatMap((clipping) => [clipping.note, ...(clipping.otherNotes ?? []).map((other) => other.note)])
      .map((note) => note.trim())
      .filter((note) => note !== '');
    return {
      urls: items.map((clipping) => urlMatchKey(clipping.url)).sort(),
      notes: notes.sort(),
    };
  }

  /** What the issue should hold: one item per URL, each distinct note of its clippings once. */
  function expected(clippings: readonly { url: string; note: string }[]) {
    const groups = new Map<string, Set<string>>();
    const unlinked: { url: string; notes: string[] }[] = [];
    for (const { url, note } of clippings) {
      const trimmed = note.trim();
      if (url === '') unlinked.push({ url, notes: trimmed === '' ? [] : [trimmed] });
      else {
        const notes = groups.get(urlMatchKey(url)) ?? new Set();
        if (trimmed !== '') notes.add(trimmed);
        groups.set(urlMatchKey(url), notes);
      }
    }
    const all = [...[...groups].map(([url, notes]) => ({ url, notes: [...notes] })), ...unlinked];
    return {
      urls: all.map((entry) => urlMatchKey(entry.url)).sort(),
      notes: all.flatMap((entry) => entry.notes).sort(),
    };
  }

  const countsTotal = (plan: TeamMergePlan) =>
    plan.counts.added + plan.counts.updated + plan.counts.unchanged + plan.counts.mergedNotes;

  it('gives one item per URL and every distinct note, in any file order, and a second merge changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ members, local, shuffle }) => {
        const files = members.map((entries, index) => memberFile(MEMBERS[index] as string, entries));
        const localItems = local.map((entry) => ({ ...entry, categoryId: 'notable-articles' }));
        const start = localState(localItems.map(toClipping('local', 'open')), CATEGORIES.slice(0, 1));
        const incoming = files.flatMap((file) => file.clippings).length;
        const permuted = files
          .map((file, index) => ({ file, key: shuffle[index] ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ file }) => file);

        const together = applyPlan(start, planTeamMerge(start, files));
        let oneByOne = start;
        for (const file of permuted) {
          const plan = planTeamMerge(oneByOne, [file]);
          expect(countsTotal(plan)).toBe(file.clippings.length);
          oneByOne = applyPlan(oneByOne, plan);
        }
        const truth = expected([...start.clippings, ...files.flatMap((file) => file.clippings)]);
        expect(summary(together)).toEqual(truth);
        expect(summary(oneByOne)).toEqual(truth);
        expect(summary(applyPlan(start, planTeamMerge(start, permuted)))).toEqual(truth);

        for (const state of [together, oneByOne]) {
          const categoryIds = new Set(state.categories.map((category) => category.id));
          expect(state.clippings.every((clipping) => categoryIds.has(clipping.categoryId))).toBe(true);
          expect(new Set(state.categories.map((category) => category.label)).size).toBe(
            state.categories.length,
          );
          const again = planTeamMerge(state, permuted);
          expect(again).toEqual({
            ...NOTHING_TO_DO,
            counts: { added: 0, updated: 0, unchanged: incoming, mergedNotes: 0, removed: 0 },
          });
        }
      }),
      { numRuns: 300 },
    );
    // 300 runs take about 5 s on a loaded two-core machine: a limit on time here would test the machine.
  }, 60_000);
});

describe('planTeamMerge, deletions and members’ later corrections', () => {
  const EDITOR = 'editor';
  /** The editor deletes an item: it leaves the issue and a tombstone covers it and the notes folded into it. */
  const deleteItem = (local: TeamMergeLocal, id: string, deletedAt: number): TeamMergeLocal => {
    const item = local.clippings.find((clipping) => clipping.id === id) as Clipping;
    const ids = [id, ...(item.otherNotes ?? []).map((other) => other.id)];
    return {
      ...local,
      clippings: local.clippings.filter((clipping) => clipping.id !== id),
      deletions: [
        ...(local.deletions ?? []),
        ...ids.map((deleted) => ({ id: deleted, deletedBy: EDITOR, deletedAt })),
      ],
    };
  };

  it('keeps an item the editor deleted deleted when the same file is imported again', () => {
    const file = teamFile('sato', [{ note: 'メモ' }]);
    let local = localState([]);
    local = applyPlan(local, planTeamMerge(local, [file]));
    local = deleteItem(local, 'sato-0', 5000);
    const again = planTeamMerge(local, [file]);
    expect(again).toMatchObject({ ...NOTHING_TO_DO, counts: { added: 0, unchanged: 1 } });
  });

  it('keeps the notes of a deleted item deleted too', () => {
    const mine = inIssue({ id: 'mine', url: 'https://example.com/a', note: '自分', updatedAt: 1200 });
    const file = teamFile('suzuki', [{ url: 'https://example.com/a', note: '鈴木のメモ', updatedAt: 1300 }]);
    let local = localState([mine]);
    local = applyPlan(local, planTeamMerge(local, [file]));
    local = deleteItem(local, 'mine', 5000);
    expect(planTeamMerge(local, [file])).toMatchObject({ ...NOTHING_TO_DO, counts: { unchanged: 1 } });
  });

  it('brings an item back when its member edited it after the deletion: the newer version wins', () => {
    const file = teamFile('sato', [{ note: 'メモ', updatedAt: 1000 }]);
    let local = localState([]);
    local = applyPlan(local, planTeamMerge(local, [file]));
    local = deleteItem(local, 'sato-0', 5000);
    const later = teamFile('sato', [{ note: '書き直した', updatedAt: 6000 }]);
    const plan = planTeamMerge(local, [later]);
    expect(plan.add.map((clipping) => [clipping.id, clipping.note])).toEqual([['sato-0', '書き直した']]);
  });

  /** sato's item with suzuki's clipping of the same page folded into it, both titled with a typo. */
  function folded(itemTitle = 'Go 1.21 relese') {
    const url = 'https://example.com/go';
    let local = localState([]);
    const sato = teamFile('sato', [{ url, title: itemTitle, createdAt: 1000, updatedAt: 1000 }]);
    const suzuki = teamFile('suzuki', [
      { url, title: 'Go 1.21 relese', note: '鈴木', createdAt: 1100, updatedAt: 1100 },
    ]);
    local = applyPlan(local, planTeamMerge(local, [sato, suzuki]));
    expect(local.clippings.map((clipping) => clipping.id)).toEqual(['sato-0']);
    return { local, url };
  }

  it('takes a member’s later title correction on a folded item that showed their title', () => {
    const { local, url } = folded();
    const fixed = teamFile('suzuki', [
      { url, title: 'Go 1.21 release', note: '鈴木', createdAt: 1100, updatedAt: 3000 },
    ]);
    const plan = planTeamMerge(local, [fixed]);
    expect(plan.update.map((clipping) => clipping.title)).toEqual(['Go 1.21 release']);
    expect(plan.counts).toMatchObject({ updated: 1 });
  });

  it('keeps the editor’s own title, and the member’s correction beside it, when they differ', () => {
    const { local, url } = folded('Go 1.21 が出た');
    const fixed = teamFile('suzuki', [
      { url, title: 'Go 1.21 release', note: '鈴木', createdAt: 1100, updatedAt: 3000 },
    ]);
    const [item] = planTeamMerge(local, [fixed]).update;
    expect(item?.title).toBe('Go 1.21 が出た');
    expect(item?.otherNotes?.[0]).toMatchObject({ id: 'suzuki-0', title: 'Go 1.21 release', url });
  });

  it('makes a folded clipping its own item when its member corrects the URL to another page', () => {
    const { local } = folded();
    const moved = teamFile('suzuki', [
      { url: 'https://example.com/rust', title: 'Rust 1.80', note: '鈴木', createdAt: 1100, updatedAt: 3000 },
    ]);
    const plan = planTeamMerge(local, [moved]);
    expect(plan.add.map((clipping) => [clipping.id, clipping.url, clipping.title, clipping.note])).toEqual([
      ['suzuki-0', 'https://example.com/rust', 'Rust 1.80', '鈴木'],
    ]);
    expect(plan.update.map((clipping) => clipping.otherNotes ?? [])).toEqual([[]]);
    const after = applyPlan(local, plan);
    expect(planTeamMerge(after, [moved])).toMatchObject({ ...NOTHING_TO_DO, counts: { unchanged: 1 } });
  });
});
