import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import {
  compareItemOrder,
  firstIssue,
  followingIssue,
  headlineItem,
  type Issue,
  issueItems,
  openIssue,
  publishIssue,
} from '../../src/core/issue';
import { makeClipping, makeIssue } from '../support/factories';

const ids = (clippings: readonly Clipping[]) => clippings.map((clipping) => clipping.id);

describe('firstIssue', () => {
  it('is an open 第1回 dated on the next meeting day', () => {
    // 2024-09-04 is a Wednesday; the meeting is on Friday.
    expect(firstIssue('issue-a', '2024-09-04', 5, 1234)).toStrictEqual({
      id: 'issue-a',
      number: 1,
      date: '2024-09-06',
      headlineId: null,
      afterword: '',
      status: 'open',
      createdAt: 1234,
      updatedAt: 1234,
      publishedAt: null,
    });
  });

  it('is dated today when today is the meeting day', () => {
    expect(firstIssue('issue-a', '2024-09-06', 5, 0).date).toBe('2024-09-06');
  });

  it('is dated on the following week when the meeting day has just passed', () => {
    expect(firstIssue('issue-a', '2024-09-07', 5, 0).date).toBe('2024-09-13');
  });

  it('follows the meeting weekday it is given', () => {
    expect(firstIssue('issue-a', '2024-09-04', 1, 0).date).toBe('2024-09-09');
    expect(firstIssue('issue-a', '2024-09-04', 3, 0).date).toBe('2024-09-04');
    expect(firstIssue('issue-a', '2024-12-30', 0, 0).date).toBe('2025-01-05');
  });
});

describe('openIssue', () => {
  it('opens an issue with the given number and date and nothing else set', () => {
    expect(openIssue('issue-9', { number: 9, date: '2024-11-01' }, 50)).toStrictEqual(
      makeIssue({ id: 'issue-9', number: 9, date: '2024-11-01', createdAt: 50, updatedAt: 50 }),
    );
  });
});

describe('followingIssue', () => {
  it.each([
    [
      { number: 1, date: '2024-09-06' },
      { number: 2, date: '2024-09-13' },
    ],
    [
      { number: 3, date: '2024-12-27' },
      { number: 4, date: '2025-01-03' },
    ],
    [
      { number: 41, date: '2024-02-26' },
      { number: 42, date: '2024-03-04' },
    ],
    [
      { number: 99, date: '2023-02-24' },
      { number: 100, date: '2023-03-03' },
    ],
  ])('follows %j with %j', (issue, expected) => {
    expect(followingIssue(issue)).toStrictEqual(expected);
  });

  it('takes only the number and the date from a whole issue', () => {
    expect(followingIssue(makeIssue({ number: 5, date: '2024-10-04', afterword: 'またね' }))).toStrictEqual({
      number: 6,
      date: '2024-10-11',
    });
  });
});

describe('publishIssue', () => {
  const NOW = 5000;
  const issue = makeIssue({
    id: 'issue-3',
    number: 3,
    date: '2024-09-20',
    headlineId: 'kept',
    afterword: 'また来週',
    createdAt: 100,
    updatedAt: 1000,
  });
  const next = { id: 'issue-4', number: 4, date: '2024-09-27' };
  const carried = makeClipping({
    id: 'carried',
    issueId: 'issue-3',
    carryOver: true,
    order: 2,
    updatedAt: 500,
  });
  const carriedLater = makeClipping({
    id: 'carried-later',
    issueId: 'issue-3',
    carryOver: true,
    order: 0,
    categoryId: 'tools',
    updatedAt: 9000,
  });
  const kept = makeClipping({ id: 'kept', issueId: 'issue-3', carryOver: false, order: 1 });
  const otherIssue = makeClipping({ id: 'other-issue', issueId: 'issue-2', carryOver: true });
  const backlog = makeClipping({ id: 'backlog', issueId: null, carryOver: true });
  const items = [carried, kept, otherIssue, carriedLater, backlog];

  it('freezes the issue as published now, keeping everything else', () => {
    const { published } = publishIssue(issue, items, next, NOW);
    expect(published).toStrictEqual({ ...issue, status: 'published', publishedAt: NOW, updatedAt: NOW });
  });

  it('opens the next issue with the id, number and date it is given', () => {
    expect(publishIssue(issue, items, next, NOW).next).toStrictEqual(
      makeIssue({ id: 'issue-4', number: 4, date: '2024-09-27', createdAt: NOW, updatedAt: NOW }),
    );
    const unusual = publishIssue(issue, items, { id: 'x', number: 10, date: '2025-01-01' }, NOW).next;
    expect(unusual).toMatchObject({ id: 'x', number: 10, date: '2025-01-01', status: 'open' });
  });

  it('moves the marked items of this issue to the next, unmarked, with updatedAt moved on', () => {
    const plan = publishIssue(issue, items, next, NOW);
    expect(plan.carried).toStrictEqual([
      { ...carried, issueId: 'issue-4', carryOver: false, updatedAt: NOW },
      // Edited after `now` (another clock): updatedAt still increases.
      { ...carriedLater, issueId: 'issue-4', carryOver: false, updatedAt: 9001 },
    ]);
  });

  it('leaves unmarked items and the items of other issues and the backlog where they are', () => {
    const plan = publishIssue(issue, items, next, NOW);
    expect(ids(plan.carried)).not.toContain('kept');
    expect(ids(plan.carried)).not.toContain('other-issue');
    expect(ids(plan.carried)).not.toContain('backlog');
  });

  it('does not change the items or the issue it was given', () => {
    const before = structuredClone(items);
    const issueBefore = structuredClone(issue);
    publishIssue(issue, items, next, NOW);
    expect(items).toStrictEqual(before);
    expect(issue).toStrictEqual(issueBefore);
  });

  it('carries nothing when nothing is marked', () => {
    expect(publishIssue(issue, [kept, otherIssue], next, NOW).carried).toEqual([]);
    expect(publishIssue(issue, [], next, NOW).carried).toEqual([]);
  });

  it('refuses to publish an issue that is not open', () => {
    const published: Issue = { ...issue, status: 'published', publishedAt: 10 };
    expect(() => publishIssue(published, items, next, NOW)).toThrow('Only the open issue can be published.');
  });
});

describe('compareItemOrder', () => {
  const item = (id: string, order: number, createdAt: number) => makeClipping({ id, order, createdAt });

  it('puts the lower order first', () => {
    expect(compareItemOrder(item('b', 0, 9), item('a', 1, 1))).toBeLessThan(0);
    expect(compareItemOrder(item('a', 1, 1), item('b', 0, 9))).toBeGreaterThan(0);
  });

  it('breaks a tie in order by creation time', () => {
    expect(compareItemOrder(item('b', 1, 1), item('a', 1, 2))).toBeLessThan(0);
    expect(compareItemOrder(item('a', 1, 2), item('b', 1, 1))).toBeGreaterThan(0);
  });

  it('breaks a tie in both by id', () => {
    expect(compareItemOrder(item('a', 1, 1), item('b', 1, 1))).toBeLessThan(0);
    expect(compareItemOrder(item('b', 1, 1), item('a', 1, 1))).toBeGreaterThan(0);
  });

  it('is 0 only for the same id, order and creation time', () => {
    expect(compareItemOrder(item('a', 1, 1), item('a', 1, 1))).toBe(0);
  });

  it('handles negative orders', () => {
    expect(compareItemOrder(item('a', -1, 5), item('b', 0, 1))).toBeLessThan(0);
  });
});

describe('issueItems', () => {
  const clippings = [
    makeClipping({ id: 'c', issueId: 'issue-1', order: 1, createdAt: 10 }),
    makeClipping({ id: 'other', issueId: 'issue-2', order: 0, createdAt: 1 }),
    makeClipping({ id: 'b', issueId: 'issue-1', order: 1, createdAt: 5 }),
    makeClipping({ id: 'backlog', issueId: null, order: 0, createdAt: 1 }),
    makeClipping({ id: 'a2', issueId: 'issue-1', order: 0, createdAt: 7 }),
    makeClipping({ id: 'a1', issueId: 'issue-1', order: 0, createdAt: 7, carryOver: true }),
  ];

  it('lists the issue’s items by order, then creation time, then id, carried-over ones included', () => {
    expect(ids(issueItems('issue-1', clippings))).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('leaves out other issues and the backlog', () => {
    expect(ids(issueItems('issue-2', clippings))).toEqual(['other']);
    expect(issueItems('issue-3', clippings)).toEqual([]);
  });

  it('does not reorder the array it was given', () => {
    const before = ids(clippings);
    issueItems('issue-1', clippings);
    expect(ids(clippings)).toEqual(before);
  });
});

describe('headlineItem', () => {
  const rendered = [
    makeClipping({ id: 'first' }),
    makeClipping({ id: 'second' }),
    makeClipping({ id: 'third' }),
  ];

  it('is the chosen headline when it is rendered', () => {
    expect(headlineItem(makeIssue({ headlineId: 'second' }), rendered)?.id).toBe('second');
    expect(headlineItem(makeIssue({ headlineId: 'third' }), rendered)?.id).toBe('third');
  });

  it('is the first rendered item when none was chosen', () => {
    expect(headlineItem(makeIssue({ headlineId: null }), rendered)?.id).toBe('first');
  });

  it('is the first rendered item when the chosen one is not rendered (moved, carried or deleted)', () => {
    expect(headlineItem(makeIssue({ headlineId: 'gone' }), rendered)?.id).toBe('first');
  });

  it('is undefined when nothing is rendered', () => {
    expect(headlineItem(makeIssue({ headlineId: 'second' }), [])).toBeUndefined();
    expect(headlineItem(makeIssue({ headlineId: null }), [])).toBeUndefined();
  });
});
