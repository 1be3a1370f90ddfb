import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveToSection, moveWithinSection, nudge, sectionItems } from '../../src/core/arrange';
import type { Clipping } from '../../src/core/clipping';
import { makeClipping } from '../support/factories';

const NOW = 10_000;

/** A section of the open issue in the "tools" category, in order, positions 0..n-1. */
function section(...ids: string[]): Clipping[] {
  return ids.map((id, index) =>
    makeClipping({
      id,
      issueId: 'issue-1',
      categoryId: 'tools',
      order: index,
      createdAt: 100,
      updatedAt: 100,
    }),
  );
}

/** The changed items as id → new order, in the order returned. */
const orders = (changed: readonly Clipping[]) => changed.map((item) => [item.id, item.order]);

/** The section after saving the changed items, read back in order. */
function applied(items: readonly Clipping[], changed: readonly Clipping[]): string[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of changed) byId.set(item.id, item);
  return sectionItems([...byId.values()], 'issue-1', 'tools').map((item) => item.id);
}

describe('sectionItems', () => {
  it('keeps the items of one issue and category, in order', () => {
    const items = [
      makeClipping({ id: 'late', issueId: 'issue-1', categoryId: 'tools', order: 2 }),
      makeClipping({ id: 'other-category', issueId: 'issue-1', categoryId: 'books', order: 0 }),
      makeClipping({ id: 'other-issue', issueId: 'issue-2', categoryId: 'tools', order: 0 }),
      makeClipping({ id: 'backlog', issueId: null, categoryId: 'tools', order: 0 }),
      makeClipping({ id: 'tie-b', issueId: 'issue-1', categoryId: 'tools', order: 1, createdAt: 5 }),
      makeClipping({ id: 'tie-a', issueId: 'issue-1', categoryId: 'tools', order: 1, createdAt: 5 }),
      makeClipping({ id: 'early', issueId: 'issue-1', categoryId: 'tools', order: 1, createdAt: 1 }),
    ];
    expect(sectionItems(items, 'issue-1', 'tools').map((item) => item.id)).toEqual([
      'early',
      'tie-a',
      'tie-b',
      'late',
    ]);
    expect(sectionItems(items, 'issue-1', 'books').map((item) => item.id)).toEqual(['other-category']);
    expect(sectionItems(items, 'issue-9', 'tools')).toEqual([]);
  });
});

describe('moveWithinSection', () => {
  const items = section('a', 'b', 'c', 'd');

  it('moves an item to the start, shifting the ones before it down', () => {
    const changed = moveWithinSection(items, 'd', 0, NOW);
    expect(orders(changed)).toEqual([
      ['d', 0],
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(applied(items, changed)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('moves an item to the end', () => {
    const changed = moveWithinSection(items, 'a', 3, NOW);
    expect(orders(changed)).toEqual([
      ['b', 0],
      ['c', 1],
      ['d', 2],
      ['a', 3],
    ]);
  });

  it('moves an item into the middle and returns only the items whose position changed', () => {
    const changed = moveWithinSection(items, 'a', 2, NOW);
    expect(orders(changed)).toEqual([
      ['b', 0],
      ['c', 1],
      ['a', 2],
    ]);
    expect(applied(items, changed)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('moves an item up into the middle', () => {
    const changed = moveWithinSection(items, 'd', 1, NOW);
    expect(orders(changed)).toEqual([
      ['d', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it.each([
    [99, ['b', 'c', 'd', 'a']],
    [4, ['b', 'c', 'd', 'a']],
    [-1, ['c', 'a', 'b', 'd']],
    [-99, ['c', 'a', 'b', 'd']],
  ])('clamps index %i to the section', (toIndex, expected) => {
    const id = toIndex > 0 ? 'a' : 'c';
    expect(applied(items, moveWithinSection(items, id, toIndex, NOW))).toEqual(expected);
  });

  it('changes nothing when the item stays where it is', () => {
    expect(moveWithinSection(items, 'b', 1, NOW)).toEqual([]);
    expect(moveWithinSection(items, 'd', 99, NOW)).toEqual([]);
  });

  it('returns nothing for an id that is not in the section', () => {
    expect(moveWithinSection(items, 'missing', 0, NOW)).toEqual([]);
    expect(moveWithinSection([], 'a', 0, NOW)).toEqual([]);
  });

  it('renumbers positions that were creation times to 0..n-1, even without a move', () => {
    const clipped = [1000, 2000, 3000].map((createdAt, index) =>
      makeClipping({ id: `t${index}`, issueId: 'issue-1', categoryId: 'tools', order: createdAt, createdAt }),
    );
    expect(orders(moveWithinSection(clipped, 't0', 0, NOW))).toEqual([
      ['t0', 0],
      ['t1', 1],
      ['t2', 2],
    ]);
  });

  it('changes only the position and updatedAt of each changed item', () => {
    for (const item of moveWithinSection(items, 'd', 0, NOW)) {
      const before = items.find((other) => other.id === item.id);
      expect(item).toStrictEqual({ ...before, order: item.order, updatedAt: NOW });
    }
  });

  it('moves updatedAt forward even when the clock is behind the last edit', () => {
    const edited = section('a', 'b').map((item) => ({ ...item, updatedAt: NOW + 50 }));
    expect(moveWithinSection(edited, 'b', 0, NOW).map((item) => item.updatedAt)).toEqual([
      NOW + 51,
      NOW + 51,
    ]);
  });

  it('does not change the section it was given', () => {
    const before = structuredClone(items);
    moveWithinSection(items, 'a', 3, NOW);
    expect(items).toStrictEqual(before);
  });
});

describe('nudge', () => {
  const items = section('a', 'b', 'c');

  it('moves an item up by one', () => {
    const changed = nudge(items, 'b', -1, NOW);
    expect(orders(changed)).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
  });

  it('moves an item down by one', () => {
    const changed = nudge(items, 'b', 1, NOW);
    expect(orders(changed)).toEqual([
      ['c', 1],
      ['b', 2],
    ]);
    expect(applied(items, changed)).toEqual(['a', 'c', 'b']);
  });

  it('does nothing past either end', () => {
    expect(nudge(items, 'a', -1, NOW)).toEqual([]);
    expect(nudge(items, 'c', 1, NOW)).toEqual([]);
    expect(nudge(section('only'), 'only', 1, NOW)).toEqual([]);
  });

  it('does nothing past either end even when positions are not yet 0..n-1', () => {
    const clipped = [1000, 2000].map((order, index) =>
      makeClipping({ id: `t${index}`, issueId: 'issue-1', categoryId: 'tools', order }),
    );
    expect(nudge(clipped, 't0', -1, NOW)).toEqual([]);
    expect(nudge(clipped, 't1', 1, NOW)).toEqual([]);
  });

  it('does nothing for an unknown id', () => {
    expect(nudge(items, 'missing', -1, NOW)).toEqual([]);
    expect(nudge(items, 'missing', 1, NOW)).toEqual([]);
  });

  it('moves the first item down and the last up', () => {
    expect(applied(items, nudge(items, 'a', 1, NOW))).toEqual(['b', 'a', 'c']);
    expect(applied(items, nudge(items, 'c', -1, NOW))).toEqual(['a', 'c', 'b']);
  });
});

describe('moveToSection', () => {
  const books = ['p', 'q'].map((id, index) =>
    makeClipping({ id, issueId: 'issue-1', categoryId: 'books', order: index, updatedAt: 100 }),
  );
  const item = makeClipping({ id: 'x', issueId: 'issue-1', categoryId: 'tools', order: 5, updatedAt: 100 });

  it('appends the item to the target section by default', () => {
    expect(moveToSection(item, books, 'books', NOW)).toStrictEqual([
      { ...item, categoryId: 'books', order: 2, updatedAt: NOW },
    ]);
  });

  it('returns the moved item even when its old position equals its new one', () => {
    const atTwo = { ...item, order: 2 };
    expect(moveToSection(atTwo, books, 'books', NOW)).toStrictEqual([
      { ...atTwo, categoryId: 'books', order: 2, updatedAt: NOW },
    ]);
  });

  it('inserts at the start and renumbers the target section after it', () => {
    expect(orders(moveToSection(item, books, 'books', NOW, 0))).toEqual([
      ['x', 0],
      ['p', 1],
      ['q', 2],
    ]);
  });

  it('inserts in the middle, leaving the items before it alone', () => {
    const changed = moveToSection(item, books, 'books', NOW, 1);
    expect(orders(changed)).toEqual([
      ['x', 1],
      ['q', 2],
    ]);
    expect(changed.every((moved) => moved.categoryId === 'books')).toBe(true);
  });

  it.each([
    [99, 2],
    [-5, 0],
  ])('clamps index %i to position %i', (toIndex, position) => {
    const moved = moveToSection(item, books, 'books', NOW, toIndex).find((changed) => changed.id === 'x');
    expect(moved?.order).toBe(position);
  });

  it('puts the item first in an empty section', () => {
    expect(orders(moveToSection(item, [], 'events', NOW))).toEqual([['x', 0]]);
    expect(moveToSection(item, [], 'events', NOW)[0]?.categoryId).toBe('events');
  });

  it('renumbers a target section whose positions have gaps', () => {
    const gappy = books.map((book, index) => ({ ...book, order: (index + 1) * 10 }));
    expect(orders(moveToSection(item, gappy, 'books', NOW))).toEqual([
      ['p', 0],
      ['q', 1],
      ['x', 2],
    ]);
  });

  it('does not count the item twice when the target already holds it', () => {
    const target = [...books, { ...item, categoryId: 'books', order: 2 }];
    const changed = moveToSection(target[2] as Clipping, target, 'books', NOW, 0);
    expect(orders(changed)).toEqual([
      ['x', 0],
      ['p', 1],
      ['q', 2],
    ]);
  });

  it('keeps the issue and moves updatedAt forward', () => {
    const edited = { ...item, updatedAt: NOW + 7 };
    const [moved] = moveToSection(edited, books, 'books', NOW);
    expect(moved?.issueId).toBe('issue-1');
    expect(moved?.updatedAt).toBe(NOW + 8);
  });
});

describe('moveWithinSection, any sequence of moves', () => {
  const sectionArb = fc
    .array(fc.record({ order: fc.integer({ min: -3, max: 5 }), createdAt: fc.integer({ min: 0, max: 3 }) }), {
      minLength: 1,
      maxLength: 8,
    })
    .map((shapes) =>
      shapes.map(({ order, createdAt }, index) =>
        makeClipping({
          id: `item-${index}`,
          issueId: 'issue-1',
          categoryId: 'tools',
          order,
          createdAt,
          updatedAt: createdAt,
        }),
      ),
    );
  const moveArb = fc.record({
    pick: fc.nat(),
    toIndex: fc.integer({ min: -2, max: 10 }),
    now: fc.integer({ min: 0, max: 20 }),
  });

  it('keeps the section a permutation of its ids, in the moved order, at positions 0..n-1', () => {
    fc.assert(
      fc.property(sectionArb, fc.array(moveArb, { minLength: 1, maxLength: 12 }), (initial, moves) => {
        const stored = new Map(initial.map((item) => [item.id, item]));
        const model = sectionItems(initial, 'issue-1', 'tools').map((item) => item.id);
        for (const { pick, toIndex, now } of moves) {
          const current = sectionItems([...stored.values()], 'issue-1', 'tools');
          const id = model[pick % model.length] as string;
          const changed = moveWithinSection(current, id, toIndex, now);
          for (const item of changed) {
            const before = stored.get(item.id) as Clipping;
            expect(item.order).not.toBe(before.order);
            expect(item.updatedAt).toBeGreaterThan(before.updatedAt);
            stored.set(item.id, item);
          }
          model.splice(model.indexOf(id), 1);
          model.splice(Math.max(0, Math.min(toIndex, model.length)), 0, id);

          const after = sectionItems([...stored.values()], 'issue-1', 'tools');
          expect(after.map((item) => item.id)).toEqual(model);
          expect(after.map((item) => item.order)).toEqual(after.map((_, index) => index));
        }
        expect([...stored.keys()].sort()).toEqual(initial.map((item) => item.id).sort());
      }),
    );
  });
});
