import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import type { Deletion } from '../../../src/core/deletion';
import { TEAM_FILE_FORMAT, type TeamClipping, type TeamFile } from '../../../src/core/transfer/team-file';
import { planTeamMerge, type TeamMergeLocal } from '../../../src/core/transfer/team-merge';
import { makeClipping, makeIssue } from '../../support/factories';

/** Issue 11: a member's deletions reach the editor through the sync branch (team file version 2). */

const ISSUE = makeIssue({ id: 'open', number: 41, date: '2023-09-15' });
const inIssue = (overrides: Partial<Clipping>) => makeClipping({ issueId: 'open', ...overrides });

function file(member: string, clippings: Partial<TeamClipping>[], deletions: Deletion[]): TeamFile {
  return {
    format: TEAM_FILE_FORMAT,
    version: 2,
    member,
    exportedAt: '1970-01-01T00:00:00.000Z',
    issue: { number: 41, date: '2023-09-15' },
    categories: [{ id: 'notable-articles', label: '👀 Notable Articles' }],
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
    deletions,
  };
}

const local = (clippings: Clipping[], deletions: Deletion[] = []): TeamMergeLocal => ({
  openIssue: ISSUE,
  clippings,
  categories: DEFAULT_CATEGORIES,
  deletions,
});

const gone = (id: string, deletedAt: number, deletedBy = 'sato'): Deletion => ({ id, deletedBy, deletedAt });

describe('planTeamMerge: deletions from members’ files', () => {
  it('removes an item of the open issue that its member deleted, and keeps the tombstone', () => {
    const item = inIssue({ id: 'sato-0', clippedBy: 'sato', updatedAt: 2000 });
    const plan = planTeamMerge(local([item]), [file('sato', [], [gone('sato-0', 3000)])]);
    expect(plan.remove).toEqual(['sato-0']);
    expect(plan.deletions).toEqual([gone('sato-0', 3000)]);
    expect(plan.counts.removed).toBe(1);
    expect(plan.update).toEqual([]);
  });

  it('keeps an item edited here after the deletion: the newer version wins, as everywhere', () => {
    const item = inIssue({ id: 'sato-0', updatedAt: 4000 });
    const plan = planTeamMerge(local([item]), [file('sato', [], [gone('sato-0', 3000)])]);
    expect(plan.remove).toEqual([]);
    expect(plan.counts.removed).toBe(0);
    // Still recorded, so an older copy in another file never returns.
    expect(plan.deletions).toEqual([gone('sato-0', 3000)]);
  });

  it('never removes what a published issue sent out', () => {
    const sent = makeClipping({ id: 'sato-0', issueId: 'published-40', updatedAt: 1000 });
    const plan = planTeamMerge(local([sent]), [file('sato', [], [gone('sato-0', 3000)])]);
    expect(plan.remove).toEqual([]);
  });

  it('does not add a clipping another file still has when its member deleted it', () => {
    // Suzuki's file was written before Sato's deletion reached it: an older copy under Sato's id.
    const stale = file('suzuki', [{ id: 'sato-0', clippedBy: 'sato', updatedAt: 1500 }], []);
    const plan = planTeamMerge(local([]), [stale, file('sato', [], [gone('sato-0', 3000)])]);
    expect(plan.add).toEqual([]);
    expect(plan.remove).toEqual([]);
    expect(plan.deletions).toEqual([gone('sato-0', 3000)]);
  });

  it('removes a note folded into another member’s item, leaving the item', () => {
    const keeper = inIssue({
      id: 'mine',
      url: 'https://example.com/a',
      updatedAt: 1200,
      otherNotes: [
        {
          id: 'sato-0',
          clippedBy: 'sato',
          note: '佐藤のメモ',
          updatedAt: 1300,
          url: 'https://example.com/a',
        },
      ],
    });
    const plan = planTeamMerge(local([keeper]), [file('sato', [], [gone('sato-0', 3000)])]);
    expect(plan.remove).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]?.id).toBe('mine');
    expect(plan.update[0]).not.toHaveProperty('otherNotes');
    expect(plan.counts.removed).toBe(1);
  });

  it('changes nothing when the same file is merged again after its plan was stored', () => {
    const item = inIssue({ id: 'sato-0', updatedAt: 2000 });
    const files = [file('sato', [{ id: 'sato-1', updatedAt: 2500 }], [gone('sato-0', 3000)])];
    const first = planTeamMerge(local([item]), files);
    const after = local([...first.add, ...first.update], first.deletions);
    const again = planTeamMerge(after, files);
    expect(again.add).toEqual([]);
    expect(again.update).toEqual([]);
    expect(again.remove).toEqual([]);
    expect(again.deletions).toEqual([]);
  });
});
