import { describe, expect, it } from 'vitest';
import { type Clipping, createClipping } from '../../src/core/clipping';
import type { Issue } from '../../src/core/issue';
import {
  buildRepeatedLinkIndex,
  REPEATED_LINK_ISSUES,
  recentPublishedIssues,
  repeatedLinkKey,
  repeatedLinksOf,
} from '../../src/core/repeated-links';
import { makeClipping, makeIssue } from '../support/factories';

/** 第1回 … 第`count`回, all published, one week apart; issue N has the id `issue-N`. */
function publishedIssues(count: number): Issue[] {
  return Array.from({ length: count }, (_, index) =>
    makeIssue({
      id: `issue-${index + 1}`,
      number: index + 1,
      date: new Date(Date.UTC(2023, 0, 6 + 7 * index)).toISOString().slice(0, 10),
      status: 'published',
      publishedAt: index + 1,
    }),
  );
}

const open = (number: number) => makeIssue({ id: 'open', number, date: '2030-01-04' });

function item(id: string, issueId: string | null, url: string, order = 0): Clipping {
  return makeClipping({ id, issueId, url, order, title: id });
}

const numbersOf = (index: ReturnType<typeof buildRepeatedLinkIndex>, clipping: Clipping) =>
  repeatedLinksOf(index, clipping).map((link) => link.issue.number);

describe('recentPublishedIssues', () => {
  it('takes the last 25 published issues by number, newest first, never the open one', () => {
    const issues = [...publishedIssues(30).reverse(), open(31)];
    const recent = recentPublishedIssues(issues);
    expect(REPEATED_LINK_ISSUES).toBe(25);
    expect(recent.map((issue) => issue.number)).toEqual(Array.from({ length: 25 }, (_, i) => 30 - i));
  });

  it('orders issues of the same number by date, then id, whatever the input order', () => {
    const a = makeIssue({ id: 'b', number: 7, date: '2023-01-06', status: 'published' });
    const b = makeIssue({ id: 'a', number: 7, date: '2023-01-13', status: 'published' });
    const c = makeIssue({ id: 'c', number: 7, date: '2023-01-13', status: 'published' });
    expect(recentPublishedIssues([a, c, b]).map((issue) => issue.id)).toEqual(['a', 'c', 'b']);
    expect(recentPublishedIssues([c, b, a]).map((issue) => issue.id)).toEqual(['a', 'c', 'b']);
  });

  it('takes fewer when there are fewer, and none for a count of zero', () => {
    expect(recentPublishedIssues(publishedIssues(3))).toHaveLength(3);
    expect(recentPublishedIssues(publishedIssues(3), 0)).toEqual([]);
  });
});

describe('repeatedLinksOf', () => {
  const issues = [...publishedIssues(30), open(31)];

  it('finds a link published 3 issues ago, and not one published 30 issues ago', () => {
    const index = buildRepeatedLinkIndex(issues, [
      item('p28', 'issue-28', 'https://example.com/recent'),
      item('p1', 'issue-1', 'https://example.com/old'),
    ]);
    expect(numbersOf(index, item('o1', 'open', 'https://example.com/recent'))).toEqual([28]);
    expect(numbersOf(index, item('o2', 'open', 'https://example.com/old'))).toEqual([]);
  });

  it('counts exactly the last 25 published issues: the 25th back yes, the 26th no', () => {
    const index = buildRepeatedLinkIndex(issues, [
      item('p6', 'issue-6', 'https://example.com/25th'),
      item('p5', 'issue-5', 'https://example.com/26th'),
    ]);
    expect(numbersOf(index, item('o1', 'open', 'https://example.com/25th'))).toEqual([6]);
    expect(numbersOf(index, item('o2', 'open', 'https://example.com/26th'))).toEqual([]);
  });

  it('lists every issue the link went out in, newest first, then in the issue’s order', () => {
    const index = buildRepeatedLinkIndex(issues, [
      item('p10', 'issue-10', 'https://example.com/a'),
      item('p29b', 'issue-29', 'https://example.com/a#second', 2),
      item('p29a', 'issue-29', 'https://example.com/a#first', 1),
      item('p20', 'issue-20', 'https://example.com/a'),
    ]);
    const links = repeatedLinksOf(index, item('o', 'open', 'https://example.com/a'));
    expect(links.map((link) => link.clipping.id)).toEqual(['p29a', 'p29b', 'p20', 'p10']);
    expect(links[0]?.issue).toBe(issues[28]);
  });

  it('compares by urlMatchKey: tracking parameters, fragment, case and escapes do not matter', () => {
    const index = buildRepeatedLinkIndex(issues, [
      item('p', 'issue-30', 'https://Zenn.dev/team/articles/%e7%8c%ab?utm_source=x&fbclid=1#top'),
    ]);
    expect(numbersOf(index, item('o', 'open', 'https://zenn.dev/team/articles/猫#comments'))).toEqual([30]);
    expect(numbersOf(index, item('q', 'open', 'https://zenn.dev/team/articles/犬'))).toEqual([]);
    // Any other query still tells pages apart.
    expect(numbersOf(index, item('r', 'open', 'https://zenn.dev/team/articles/猫?page=2'))).toEqual([]);
  });

  it('never matches items without a URL, with each other or anything else', () => {
    const index = buildRepeatedLinkIndex(issues, [
      item('qa', 'issue-30', ''),
      item('blank', 'issue-29', '   '),
    ]);
    expect(index.byKey.size).toBe(0);
    expect(numbersOf(index, item('o', 'open', ''))).toEqual([]);
    expect(repeatedLinkKey(item('o', 'open', ' '))).toBeNull();
  });

  it('never matches an issue’s own items: the open issue’s duplicates, nor a published item itself', () => {
    const url = 'https://example.com/twice';
    const openItems = [item('o1', 'open', url), item('o2', 'open', `${url}#again`)];
    const published = [item('p30', 'issue-30', url), item('p30b', 'issue-30', url, 1)];
    const withoutPublished = buildRepeatedLinkIndex(issues, openItems);
    expect(openItems.map((clipping) => numbersOf(withoutPublished, clipping))).toEqual([[], []]);
    const index = buildRepeatedLinkIndex(issues, [...openItems, ...published, item('p12', 'issue-12', url)]);
    expect(numbersOf(index, item('o1', 'open', url))).toEqual([30, 30, 12]);
    expect(published.map((clipping) => numbersOf(index, clipping))).toEqual([[12], [12]]);
  });

  it('marks a re-clip of a published page into the open issue', () => {
    const url = 'https://example.com/reclipped';
    const first = item('p', 'issue-27', url);
    // What the popup saves when the user chose 「開いている号にもう一度クリップ」: a new clipping of the page.
    const again = createClipping(
      { url: `${url}?utm_medium=social`, title: 'もう一度', note: '', categoryId: 'tools' },
      { issueId: 'open', clippedBy: '' },
      'reclip',
      2000,
    );
    const index = buildRepeatedLinkIndex(issues, [first, again]);
    expect(repeatedLinksOf(index, again).map((link) => link.clipping)).toEqual([first]);
  });

  it('leaves out the backlog, the open issue and issues it does not know', () => {
    const url = 'https://example.com/elsewhere';
    const index = buildRepeatedLinkIndex(issues, [
      item('b', null, url),
      item('o', 'open', url),
      item('x', 'issue-gone', url),
    ]);
    expect(index.byKey.size).toBe(0);
    expect(numbersOf(index, item('n', 'open', url))).toEqual([]);
  });

  it('uses a key the caller kept instead of the item’s URL', () => {
    const index = buildRepeatedLinkIndex(issues, [item('p', 'issue-30', 'https://example.com/a')]);
    const other = item('o', 'open', 'https://example.com/b');
    expect(
      repeatedLinksOf(index, other, repeatedLinkKey(item('k', 'open', 'https://example.com/a'))),
    ).toHaveLength(1);
    expect(repeatedLinksOf(index, other, null)).toEqual([]);
  });
});

/** Clippings whose every property read is counted, per clipping. */
function counted(clippings: readonly Clipping[]) {
  const reads = new Map<string, Map<PropertyKey, number>>();
  const wrapped = clippings.map((clipping) => {
    const mine = new Map<PropertyKey, number>();
    reads.set(clipping.id, mine);
    return new Proxy(clipping, {
      get(target, property, receiver) {
        mine.set(property, (mine.get(property) ?? 0) + 1);
        return Reflect.get(target, property, receiver);
      },
    });
  });
  const total = () =>
    [...reads.values()].reduce((sum, one) => sum + [...one.values()].reduce((a, b) => a + b, 0), 0);
  return { wrapped, reads, total };
}

/** Years of data: `issueCount` published issues of 20 items each, a fifth of the links repeated. */
function library(issueCount: number) {
  const issues = [...publishedIssues(issueCount), open(issueCount + 1)];
  const clippings = Array.from({ length: issueCount * 20 }, (_, index) =>
    item(
      `c${index}`,
      `issue-${Math.floor(index / 20) + 1}`,
      `https://example.com/${index % 5 === 0 ? 'same' : index}`,
      index,
    ),
  );
  return { issues, clippings };
}

describe('the index at years of data (structure, not time)', () => {
  it('reads each clipping a bounded number of times, and keys only the last 25 issues’ ones', () => {
    const { issues, clippings } = library(500);
    expect(clippings).toHaveLength(10_000);
    const { wrapped, reads } = counted(clippings);
    const index = buildRepeatedLinkIndex(issues, wrapped);
    const inWindow = new Set(index.issues.map((issue) => issue.id));
    for (const clipping of clippings) {
      const mine = reads.get(clipping.id) as Map<PropertyKey, number>;
      if (!inWindow.has(clipping.issueId as string)) {
        // Looked at for its issue, and left.
        expect(mine.get('url')).toBeUndefined();
        expect(mine.get('issueId')).toBeLessThanOrEqual(2);
      } else {
        // Keyed once (the blank check and urlMatchKey), sorted within its issue of 20.
        expect(mine.get('url')).toBe(2);
        expect([...mine.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60);
      }
    }
    expect([...index.byKey.values()].reduce((sum, links) => sum + links.length, 0)).toBe(25 * 20);
  });

  it('does twice the work for twice the clippings, not four times', () => {
    const work = (issueCount: number) => {
      const { issues, clippings } = library(issueCount);
      const { wrapped, total } = counted(clippings);
      buildRepeatedLinkIndex(issues, wrapped);
      return total();
    };
    const [small, large] = [work(250), work(500)];
    // The last 25 issues' work is the same at both sizes; the rest is one look at each clipping.
    expect(large - small).toBeLessThanOrEqual(2 * 250 * 20);
    expect(large).toBeLessThan(2 * small);
  });

  it('answers each item with one map lookup: nothing indexed is read but the matches', () => {
    const { issues, clippings } = library(500);
    const { wrapped, total } = counted(clippings);
    const index = buildRepeatedLinkIndex(issues, wrapped);
    const before = total();
    const openItems = Array.from({ length: 500 }, (_, i) =>
      item(`o${i}`, 'open', `https://example.com/new-${i}`),
    );
    for (const clipping of openItems) expect(repeatedLinksOf(index, clipping)).toHaveLength(0);
    expect(total()).toBe(before);
    // A repeated link reads its matches' ids (one issue's own items are left out), nothing else.
    expect(repeatedLinksOf(index, item('o', 'open', 'https://example.com/same'))).toHaveLength(100);
    expect(total() - before).toBe(100);
  });
});
