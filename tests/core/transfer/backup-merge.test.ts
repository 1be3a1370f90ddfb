import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import type { Issue } from '../../../src/core/issue';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { BackupData } from '../../../src/core/transfer/backup';
import { planMerge } from '../../../src/core/transfer/backup-merge';
import { applyMergePlan } from '../../support/backup';
import { makeClipping, makeIssue } from '../../support/factories';

const data = (parts: Partial<BackupData> = {}): BackupData => ({
  clippings: [],
  issues: [],
  categories: [],
  settings: DEFAULT_SETTINGS,
  ...parts,
});

describe('planMerge: by id, the newer updatedAt wins', () => {
  const here = makeClipping({ id: 'c', title: 'here', createdAt: 1000, updatedAt: 2000 });
  it.each<[string, Clipping[], number, 'added' | 'updated' | 'unchanged', string]>([
    ['unknown here: added', [], 2000, 'added', 'file'],
    ['older here: updated to the file’s', [here], 3000, 'updated', 'file'],
    ['same updatedAt: this install’s stays', [here], 2000, 'unchanged', 'here'],
    ['newer here: this install’s stays', [here], 1500, 'unchanged', 'here'],
  ])('clipping %s', (_, current, incomingUpdatedAt, outcome, title) => {
    const incoming = makeClipping({ id: 'c', title: 'file', createdAt: 1000, updatedAt: incomingUpdatedAt });
    const plan = planMerge(data({ clippings: current }), data({ clippings: [incoming] }));
    expect(plan.counts).toEqual({ added: 0, updated: 0, unchanged: 0, [outcome]: 1 });
    expect(plan.clippings).toEqual(outcome === 'unchanged' ? [] : [incoming]);
    expect(
      applyMergePlan(data({ clippings: current }), plan).clippings.map((clipping) => clipping.title),
    ).toEqual([title]);
  });

  const published = makeIssue({ id: 'i', status: 'published', publishedAt: 2000, updatedAt: 2000 });
  it.each<[string, Issue[], Issue, 'added' | 'updated' | 'unchanged']>([
    ['unknown here: added', [], published, 'added'],
    ['older here: updated', [makeIssue({ id: 'i', updatedAt: 1000 })], published, 'updated'],
    ['same updatedAt: unchanged', [{ ...published, afterword: 'here' }], published, 'unchanged'],
    ['newer here: unchanged', [{ ...published, updatedAt: 3000 }], published, 'unchanged'],
  ])('issue %s', (_, current, incoming, outcome) => {
    const plan = planMerge(data({ issues: current }), data({ issues: [incoming] }));
    expect(plan.counts).toEqual({ added: 0, updated: 0, unchanged: 0, [outcome]: 1 });
    expect(plan.issues).toEqual(outcome === 'unchanged' ? [] : [incoming]);
  });

  it('deletes nothing: records only here are not in the plan, and stay', () => {
    const current = data({
      clippings: [makeClipping({ id: 'only-here' })],
      categories: [...DEFAULT_CATEGORIES],
    });
    const plan = planMerge(current, data({ clippings: [makeClipping({ id: 'only-there' })] }));
    expect(plan.clippings.map((clipping) => clipping.id)).toEqual(['only-there']);
    expect(
      applyMergePlan(current, plan)
        .clippings.map((clipping) => clipping.id)
        .sort(),
    ).toEqual(['only-here', 'only-there']);
  });

  it('lists the records to write sorted by id, and counts each collection', () => {
    const plan = planMerge(
      data({ clippings: [makeClipping({ id: 'b', updatedAt: 1 })] }),
      data({
        clippings: [
          makeClipping({ id: 'c' }),
          makeClipping({ id: 'b', updatedAt: 5 }),
          makeClipping({ id: 'a' }),
        ],
        issues: [makeIssue({ id: 'i' })],
        categories: [DEFAULT_CATEGORIES[0] as (typeof DEFAULT_CATEGORIES)[number]],
      }),
    );
    expect(plan.clippings.map((clipping) => clipping.id)).toEqual(['a', 'b', 'c']);
    expect(plan.counts).toEqual({ added: 4, updated: 1, unchanged: 0 });
  });

  it('does not change its arguments', () => {
    const current = data({ clippings: [makeClipping({ id: 'a' })], issues: [makeIssue({ id: 'here' })] });
    const incoming = data({
      clippings: [makeClipping({ id: 'a', updatedAt: 9 })],
      issues: [makeIssue({ id: 'there', number: 2 })],
    });
    const before = structuredClone([current, incoming]);
    planMerge(current, incoming);
    expect([current, incoming]).toEqual(before);
  });
});

describe('planMerge: categories have no updatedAt', () => {
  it('adds a category with an unknown id', () => {
    const qa = { id: 'qa', label: '💬 Q&A', order: 5 };
    const plan = planMerge(data({ categories: [...DEFAULT_CATEGORIES] }), data({ categories: [qa] }));
    expect(plan.categories).toEqual([qa]);
    expect(plan.counts).toEqual({ added: 1, updated: 0, unchanged: 0 });
  });

  it('keeps this install’s label and order for a known id', () => {
    const here = { id: 'tools', label: '🛠️ ツール', order: 0 };
    const plan = planMerge(
      data({ categories: [here] }),
      data({ categories: [{ id: 'tools', label: 'Tools', order: 3 }] }),
    );
    expect(plan.categories).toEqual([]);
    expect(plan.counts).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });
});

describe('planMerge: settings', () => {
  const theirs = { ...DEFAULT_SETTINGS, name: '週刊ソダ', memberName: 'すずき', topics: ['aws'] };

  it('takes the file’s settings on an install that never changed its own', () => {
    expect(planMerge(data(), data({ settings: theirs })).settings).toEqual(theirs);
  });

  it('keeps settings someone chose here (memberName is who uses this browser)', () => {
    const mine = { ...DEFAULT_SETTINGS, memberName: 'さとう' };
    expect(planMerge(data({ settings: mine }), data({ settings: theirs })).settings).toBeUndefined();
  });

  it('writes nothing when both are the defaults', () => {
    expect(planMerge(data(), data()).settings).toBeUndefined();
  });
});

describe('planMerge: one open issue', () => {
  const item = (id: string, issueId: string) => makeClipping({ id, issueId });
  const statusById = (merged: BackupData) =>
    Object.fromEntries(merged.issues.map((issue) => [issue.id, issue.status]).sort());

  it('keeps this install’s open issue open when the file’s is the same issue from another install (tie)', () => {
    const local = makeIssue({ id: 'local', number: 12, date: '2024-09-06', updatedAt: 5000 });
    const remote = makeIssue({ id: 'remote', number: 12, date: '2024-09-06', updatedAt: 7000 });
    const current = data({ issues: [local], clippings: [item('mine', 'local')] });
    const plan = planMerge(current, data({ issues: [remote], clippings: [item('theirs', 'remote')] }));
    expect(plan.issues).toEqual([{ ...remote, status: 'published', publishedAt: 7001, updatedAt: 7001 }]);
    expect(statusById(applyMergePlan(current, plan))).toEqual({ local: 'open', remote: 'published' });
    // The file's items join the issue that stays open, so none is stranded in the archive.
    expect(plan.clippings).toEqual([
      { ...item('theirs', 'remote'), issueId: 'local', order: 1001, updatedAt: 1001 },
    ]);
  });

  it('gives way to a restored issue on a fresh install (its 第1回 is empty)', () => {
    const fresh = makeIssue({ id: 'fresh', number: 1, date: '2024-09-06', updatedAt: 9000 });
    const restored = makeIssue({ id: 'restored', number: 12, date: '2024-09-06', updatedAt: 5000 });
    const current = data({ issues: [fresh] });
    const plan = planMerge(current, data({ issues: [restored], clippings: [item('a', 'restored')] }));
    expect(statusById(applyMergePlan(current, plan))).toEqual({ fresh: 'published', restored: 'open' });
    expect(plan.counts).toEqual({ added: 2, updated: 1, unchanged: 0 });
  });

  it('keeps the later issue in the series open, even when it is still empty', () => {
    const local = makeIssue({ id: 'local', number: 13, date: '2024-09-13' });
    const old = makeIssue({ id: 'old', number: 9, date: '2024-08-16' });
    const current = data({ issues: [local] });
    const plan = planMerge(current, data({ issues: [old], clippings: [item('a', 'old')] }));
    expect(statusById(applyMergePlan(current, plan))).toEqual({ local: 'open', old: 'published' });
  });

  it('with the same number, keeps the one that has items', () => {
    const fresh = makeIssue({ id: 'fresh', number: 1, date: '2024-09-13' });
    const restored = makeIssue({ id: 'restored', number: 1, date: '2024-09-06' });
    const plan = planMerge(
      data({ issues: [fresh] }),
      data({ issues: [restored], clippings: [item('a', 'restored')] }),
    );
    expect(statusById(applyMergePlan(data({ issues: [fresh] }), plan))).toEqual({
      fresh: 'published',
      restored: 'open',
    });
  });

  it('with the same number and both with items, keeps the later date', () => {
    const local = makeIssue({ id: 'local', number: 5, date: '2024-09-06' });
    const later = makeIssue({ id: 'later', number: 5, date: '2024-09-13' });
    const current = data({ issues: [local], clippings: [item('a', 'local')] });
    const plan = planMerge(current, data({ issues: [later], clippings: [item('b', 'later')] }));
    expect(statusById(applyMergePlan(current, plan))).toEqual({ local: 'published', later: 'open' });
  });

  it('does not close anything when the file has the same open issue, newer', () => {
    const current = data({ issues: [makeIssue({ id: 'i', afterword: '', updatedAt: 1000 })] });
    const newer = makeIssue({ id: 'i', afterword: 'あとがき', updatedAt: 2000 });
    const plan = planMerge(current, data({ issues: [newer] }));
    expect(plan.issues).toEqual([newer]);
  });

  it('does not close anything when the file published this install’s open issue and opened the next', () => {
    const current = data({ issues: [makeIssue({ id: 'i12', number: 12, updatedAt: 1000 })] });
    const published = makeIssue({
      id: 'i12',
      number: 12,
      status: 'published',
      publishedAt: 2000,
      updatedAt: 2000,
    });
    const next = makeIssue({ id: 'i13', number: 13, date: '2023-09-22', updatedAt: 2000 });
    const plan = planMerge(current, data({ issues: [published, next] }));
    expect(plan.issues).toEqual([published, next]);
    expect(statusById(applyMergePlan(current, plan))).toEqual({ i12: 'published', i13: 'open' });
  });

  it.each([
    ['this install’s stays open', 'local', 12, 12],
    ['the file’s stays open', 'remote', 12, 13],
  ])('writes nothing when the same file is merged again (%s)', (_, __, localNumber, remoteNumber) => {
    const current = data({
      issues: [makeIssue({ id: 'local', number: localNumber, updatedAt: 4000 })],
      clippings: [item('mine', 'local')],
    });
    const incoming = data({
      issues: [makeIssue({ id: 'remote', number: remoteNumber, updatedAt: 3000 })],
      clippings: [item('theirs', 'remote')],
    });
    const once = applyMergePlan(current, planMerge(current, incoming));
    const again = planMerge(once, incoming);
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect([again.clippings, again.issues, again.categories]).toEqual([[], [], []]);
    expect(once.issues.filter((issue) => issue.status === 'open')).toHaveLength(1);
  });
});

describe('planMerge: tombstones', () => {
  const gone = { id: 'c', deletedBy: 'さとう', deletedAt: 3000 };
  it.each<[string, number, 'added' | 'unchanged']>([
    ['deleted here after the file’s version: stays deleted', 2000, 'unchanged'],
    ['deleted here at the file’s version’s time: stays deleted', 3000, 'unchanged'],
    ['edited in the file after the deletion: the newer version wins', 4000, 'added'],
  ])('a clipping %s', (_, updatedAt, outcome) => {
    const incoming = makeClipping({ id: 'c', updatedAt });
    const plan = planMerge(data({ deletions: [gone] }), data({ clippings: [incoming] }));
    expect(plan.counts).toMatchObject({ [outcome]: 1 });
    expect(plan.clippings).toEqual(outcome === 'added' ? [incoming] : []);
  });

  it('keeps the file’s tombstones, the later of two winning, and writes nothing the second time', () => {
    const older = { id: 'x', deletedBy: 'a', deletedAt: 1000 };
    const newer = { id: 'x', deletedBy: 'b', deletedAt: 2000 };
    const current = data({ deletions: [newer] });
    expect(planMerge(current, data({ deletions: [older] })).deletions).toEqual([]);
    const plan = planMerge(data({ deletions: [older] }), data({ deletions: [newer, gone] }));
    expect(plan.deletions).toEqual([gone, newer]);
    const once = applyMergePlan(data({ deletions: [older] }), plan);
    expect(planMerge(once, data({ deletions: [newer, gone] })).deletions).toEqual([]);
  });

  it('never deletes a clipping this install has, whatever the file’s tombstones say', () => {
    const here = makeClipping({ id: 'c', updatedAt: 1000 });
    const plan = planMerge(data({ clippings: [here] }), data({ deletions: [gone] }));
    expect(applyMergePlan(data({ clippings: [here] }), plan).clippings).toEqual([here]);
  });
});

describe('planMerge: items of an open issue the merge closes', () => {
  /** Where each clipping ends up: its issue's status, or the backlog. */
  const placeOf = (merged: BackupData) =>
    Object.fromEntries(
      merged.clippings.map((clipping) => [
        clipping.id,
        clipping.issueId === null
          ? 'backlog'
          : merged.issues.find((issue) => issue.id === clipping.issueId)?.status,
      ]),
    );

  it('moves a second browser’s 第1回 items into the open issue, after its own, in their order', () => {
    const mine = makeIssue({ id: 'mine', number: 1, date: '2024-09-06', updatedAt: 5000 });
    const theirs = makeIssue({ id: 'theirs', number: 1, date: '2024-09-06', updatedAt: 7000 });
    const current = data({
      issues: [mine],
      clippings: [makeClipping({ id: 'a', issueId: 'mine', order: 5 })],
    });
    const incoming = data({
      issues: [theirs],
      clippings: [
        makeClipping({ id: 'c', issueId: 'theirs', order: 2, updatedAt: 1000 }),
        makeClipping({ id: 'b', issueId: 'theirs', order: 1, updatedAt: 1000 }),
        makeClipping({ id: 'x', issueId: null, updatedAt: 1000 }),
      ],
    });
    const merged = applyMergePlan(current, planMerge(current, incoming));
    expect(placeOf(merged)).toEqual({ a: 'open', b: 'open', c: 'open', x: 'backlog' });
    const inOpen = merged.clippings
      .filter((clipping) => clipping.issueId === 'mine')
      .sort((p, q) => p.order - q.order)
      .map((clipping) => clipping.id);
    expect(inOpen).toEqual(['a', 'b', 'c']);
    // Moved by the merge, one millisecond later, so the next merge of the same file keeps them here.
    expect(planMerge(merged, incoming).clippings).toEqual([]);
  });

  it('moves this install’s items when the file’s open issue is the one that stays open', () => {
    const mine = makeIssue({ id: 'mine', number: 1, date: '2024-09-06' });
    const later = makeIssue({ id: 'later', number: 2, date: '2024-09-13' });
    const current = data({ issues: [mine], clippings: [makeClipping({ id: 'a', issueId: 'mine' })] });
    const merged = applyMergePlan(current, planMerge(current, data({ issues: [later] })));
    expect(placeOf(merged)).toEqual({ a: 'open' });
  });
});
