import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import type { Issue } from '../../src/core/issue';
import { buildRepeatedLinkIndex, repeatedLinksOf } from '../../src/core/repeated-links';
import { urlMatchKey } from '../../src/core/url';
import { makeClipping, makeIssue } from '../support/factories';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** A few pages, so that the same one comes up often. */
const page = fc.constantFrom(
  'https://example.com/a',
  'https://example.com/b',
  'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
  'https://ja.wikipedia.org/wiki/猫',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
);

/** The same page as a member might clip it: tracking parameters, a fragment, the host's case. */
const clipped = fc
  .record({
    page,
    tracking: fc.subarray(['utm_source=x', 'fbclid=1', 'utm_medium=social', '_ga=2']),
    fragment: fc.option(fc.constantFrom('top', 'L83-L89', 'コメント'), { nil: undefined }),
    upper: fc.boolean(),
  })
  .map(({ page: url, tracking, fragment, upper }) => {
    const cased = upper
      ? url.replace(/^(https:\/\/)([^/]+)/, (_, scheme: string, host: string) => scheme + host.toUpperCase())
      : url;
    const query = tracking.length === 0 ? '' : `${url.includes('?') ? '&' : '?'}${tracking.join('&')}`;
    return { page: url, url: `${cased}${query}${fragment === undefined ? '' : `#${fragment}`}` };
  });
const variant = clipped.map(({ url }) => url);

/** 1 to 40 issues, numbered in a shuffled order, some left open; clippings of any of them or none. */
const library = fc
  .record({
    // A few issues, or more than the 25 looked in.
    numbers: fc.oneof(
      fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 24, maxLength: 40 }),
    ),
    openAt: fc.nat(),
    placements: fc.array(
      fc.record({ issue: fc.nat(), url: fc.oneof(variant, fc.constant('')), backlog: fc.boolean() }),
      {
        maxLength: 80,
      },
    ),
  })
  .map(({ numbers, openAt, placements }) => {
    const issues: Issue[] = numbers.map((number, index) =>
      makeIssue({
        id: `issue-${number}`,
        number,
        date: `2023-01-${String((number % 28) + 1).padStart(2, '0')}`,
        status: index === openAt % numbers.length ? 'open' : 'published',
      }),
    );
    const clippings: Clipping[] = placements.map(({ issue, url, backlog }, index) =>
      makeClipping({
        id: `c${index}`,
        url,
        issueId: backlog ? null : (issues[issue % issues.length] as Issue).id,
        order: index,
      }),
    );
    return { issues, clippings };
  });

/** What the index must answer, computed the slow and obvious way. */
function expected(issues: readonly Issue[], clippings: readonly Clipping[], item: Clipping): number[] {
  const recent = issues
    .filter((issue) => issue.status === 'published')
    .sort((a, b) => b.number - a.number)
    .slice(0, 25);
  if (item.url.trim() === '') return [];
  return recent
    .filter((issue) => issue.id !== item.issueId)
    .flatMap((issue) =>
      clippings
        .filter(
          (clipping) =>
            clipping.issueId === issue.id &&
            clipping.id !== item.id &&
            clipping.url.trim() !== '' &&
            urlMatchKey(clipping.url) === urlMatchKey(item.url),
        )
        .map(() => issue.number),
    );
}

describe('repeated links, for any library', () => {
  it('answers as the obvious search does, for every item of every issue', () => {
    fc.assert(
      fc.property(library, ({ issues, clippings }) => {
        const index = buildRepeatedLinkIndex(issues, clippings);
        for (const item of clippings) {
          const found = repeatedLinksOf(index, item).map((link) => link.issue.number);
          expect(found).toEqual(expected(issues, clippings, item));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('lists the newest issue first, only published ones, at most the last 25', () => {
    fc.assert(
      fc.property(library, variant, ({ issues, clippings }, url) => {
        const index = buildRepeatedLinkIndex(issues, clippings);
        const numbers = repeatedLinksOf(index, makeClipping({ id: 'probe', url, issueId: 'elsewhere' })).map(
          (link) => link.issue,
        );
        expect(numbers.map((issue) => issue.status).every((status) => status === 'published')).toBe(true);
        const sorted = [...numbers].sort((a, b) => b.number - a.number);
        expect(numbers).toEqual(sorted);
        expect(new Set(numbers.map((issue) => issue.id)).size).toBeLessThanOrEqual(25);
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of the issues or the clippings', () => {
    fc.assert(
      fc.property(library, fc.infiniteStream(fc.double()), ({ issues, clippings }, noise) => {
        const shuffle = <T>(list: readonly T[]) => {
          const keyed = list.map((value) => ({ value, key: noise.next().value as number }));
          return keyed.sort((a, b) => a.key - b.key).map(({ value }) => value);
        };
        const index = buildRepeatedLinkIndex(issues, clippings);
        const other = buildRepeatedLinkIndex(shuffle(issues), shuffle(clippings));
        for (const item of clippings) {
          const ids = (found: ReturnType<typeof repeatedLinksOf>) => found.map((link) => link.clipping.id);
          expect(ids(repeatedLinksOf(other, item))).toEqual(ids(repeatedLinksOf(index, item)));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('matches every variant of a published page, and no other page', () => {
    fc.assert(
      fc.property(clipped, clipped, (published, again) => {
        const issues = [makeIssue({ id: 'p', number: 1, status: 'published' })];
        const index = buildRepeatedLinkIndex(issues, [
          makeClipping({ id: 'a', url: published.url, issueId: 'p' }),
        ]);
        const found = repeatedLinksOf(index, makeClipping({ id: 'b', url: again.url, issueId: 'open' }));
        expect(found.length).toBe(published.page === again.page ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });
});
