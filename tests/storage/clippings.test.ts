import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../src/core/clipping';
import { compareNewestFirst } from '../../src/core/clipping';
import { urlMatchKey } from '../../src/core/url';
import { createClippingRepository, toClippingRecord } from '../../src/storage/clippings';
import { editableFor, openFreshDB } from '../support/database';
import { makeClipping } from '../support/factories';

const ZENN = 'https://zenn.dev/team_soda/articles/0b57bba3a3665f';

const clipping = (overrides: Partial<Clipping> = {}): Clipping =>
  makeClipping({ url: ZENN, note: 'コメント', ...overrides });

async function setup() {
  const db = await openFreshDB();
  return { db, clippings: createClippingRepository(db) };
}

describe('toClippingRecord', () => {
  it('adds the URL match key and keeps every field', () => {
    const record = toClippingRecord(clipping({ url: `${ZENN}#top` }));
    expect(record).toEqual({ ...clipping({ url: `${ZENN}#top` }), urlKey: ZENN });
  });
});

describe('clipping repository', () => {
  it('returns undefined for an id that was never saved', async () => {
    const { clippings } = await setup();
    expect(await clippings.get('missing')).toBeUndefined();
  });

  it('saves and gets a clipping back as a plain domain object without urlKey', async () => {
    const { db, clippings } = await setup();
    await clippings.save(clipping());
    const got = await clippings.get('clip-1');
    expect(got).toStrictEqual(clipping());
    expect(got).not.toHaveProperty('urlKey');
    // ...while the stored record carries the key it is found by.
    expect((await db.get('clippings', 'clip-1'))?.urlKey).toBe(urlMatchKey(ZENN));
  });

  it('replaces a clipping saved again under the same id, and its match key with it', async () => {
    const { clippings } = await setup();
    await clippings.save(clipping());
    const moved = clipping({ url: 'https://example.com/moved', title: '移動', updatedAt: 2000 });
    await clippings.save(moved);
    expect(await clippings.get('clip-1')).toStrictEqual(moved);
    expect(await clippings.list()).toHaveLength(1);
    expect(await editableFor(clippings, ZENN)).toBeUndefined();
    expect(await editableFor(clippings, 'https://example.com/moved')).toStrictEqual(moved);
  });

  describe('findForPage: the clipping a page edits', () => {
    it.each([
      ['the same URL', ZENN],
      ['utm parameters', `${ZENN}?utm_source=twitter&utm_medium=social`],
      ['a fragment', `${ZENN}#comments`],
      ['utm parameters and a fragment', `${ZENN}?utm_campaign=x#comments`],
      ['other tracking parameters', `${ZENN}?fbclid=IwAR0&gclid=EAIa`],
      ['a capitalised host', 'https://ZENN.dev/team_soda/articles/0b57bba3a3665f'],
      ['surrounding spaces', ` ${ZENN} `],
    ])('finds a clipping by %s', async (_label, url) => {
      const { clippings } = await setup();
      await clippings.save(clipping());
      const found = await editableFor(clippings, url);
      expect(found).toStrictEqual(clipping());
      expect(found).not.toHaveProperty('urlKey');
    });

    it('finds a clipping saved with a fragment from the URL without it', async () => {
      const { clippings } = await setup();
      const github =
        'https://github.com/kubernetes-sigs/controller-runtime/blob/1449c365465511e047333f9bc504e47cb0fae1ae/pkg/cache/internal/cache_reader.go#L83-L89';
      await clippings.save(clipping({ url: github }));
      expect((await editableFor(clippings, github.replace('#L83-L89', '')))?.url).toBe(github);
    });

    it('matches a Japanese path raw and percent-encoded, both ways', async () => {
      const { clippings } = await setup();
      await clippings.save(clipping({ id: 'cat', url: 'https://ja.wikipedia.org/wiki/猫' }));
      await clippings.save(clipping({ id: 'dog', url: 'https://ja.wikipedia.org/wiki/%E7%8A%AC' }));
      expect((await editableFor(clippings, 'https://ja.wikipedia.org/wiki/%E7%8C%AB'))?.id).toBe('cat');
      expect((await editableFor(clippings, 'https://ja.wikipedia.org/wiki/犬?utm_source=x'))?.id).toBe('dog');
    });

    it.each([
      ['a different path', 'https://zenn.dev/team_soda/articles/other'],
      ['an extra real parameter', `${ZENN}?page=2`],
      ['a different host', 'https://qiita.com/team_soda/articles/0b57bba3a3665f'],
    ])('does not find a clipping by %s', async (_label, url) => {
      const { clippings } = await setup();
      await clippings.save(clipping());
      expect(await editableFor(clippings, url)).toBeUndefined();
    });

    it('returns undefined in an empty database', async () => {
      const { clippings } = await setup();
      expect(await editableFor(clippings, ZENN)).toBeUndefined();
    });

    it('returns the most recently edited of several matching clippings', async () => {
      const { clippings } = await setup();
      await clippings.save(clipping({ id: 'a', updatedAt: 3000 }));
      await clippings.save(clipping({ id: 'b', url: `${ZENN}#x`, updatedAt: 9000 }));
      await clippings.save(clipping({ id: 'c', url: `${ZENN}?utm_source=x`, updatedAt: 5000 }));
      expect((await editableFor(clippings, ZENN))?.id).toBe('b');
    });
  });

  describe('list', () => {
    it('is empty for a fresh database', async () => {
      const { clippings } = await setup();
      expect(await clippings.list()).toEqual([]);
    });

    it('lists newest first by createdAt, whatever the save order and edits', async () => {
      const { clippings } = await setup();
      await clippings.save(clipping({ id: 'middle', createdAt: 2000, updatedAt: 2000 }));
      await clippings.save(clipping({ id: 'oldest', createdAt: 1000, updatedAt: 99_000 }));
      await clippings.save(clipping({ id: 'newest', createdAt: 3000, updatedAt: 3000 }));
      const listed = await clippings.list();
      expect(listed.map((c) => c.id)).toEqual(['newest', 'middle', 'oldest']);
      for (const item of listed) expect(item).not.toHaveProperty('urlKey');
    });

    it('orders clippings made in the same millisecond as compareNewestFirst does', async () => {
      const { clippings } = await setup();
      const made = ['b', 'c', 'a'].map((id) => clipping({ id, createdAt: 5000 }));
      for (const item of made) await clippings.save(item);
      await clippings.save(clipping({ id: 'z', createdAt: 4000 }));
      const listed = await clippings.list();
      expect(listed.map((c) => c.id)).toEqual(['a', 'b', 'c', 'z']);
      expect(listed).toEqual([...listed].sort(compareNewestFirst));
    });
  });

  describe('reads of part of the store, for the options page', () => {
    it('lists one issue by index, counts the backlog and gets several by id', async () => {
      const { clippings } = await setup();
      await clippings.saveMany([
        clipping({ id: 'a', issueId: 'issue-1' }),
        clipping({ id: 'b', issueId: 'issue-2' }),
        clipping({ id: 'c', issueId: 'issue-1' }),
        clipping({ id: 'd', issueId: null }),
        clipping({ id: 'e', issueId: null }),
      ]);
      expect((await clippings.listByIssue('issue-1')).map((c) => c.id).sort()).toEqual(['a', 'c']);
      expect(await clippings.listByIssue('issue-1')).not.toContainEqual(
        expect.objectContaining({ urlKey: expect.anything() }),
      );
      expect(await clippings.countBacklog()).toBe(2);
      expect((await clippings.getMany(['e', 'gone', 'a'])).map((c) => c.id)).toEqual(['e', 'a']);
    });
  });

  describe('remove', () => {
    it('removes only the given clipping', async () => {
      const { clippings } = await setup();
      await clippings.save(clipping({ id: 'keep', url: 'https://example.com/keep' }));
      await clippings.save(clipping({ id: 'drop' }));
      await clippings.remove('drop');
      expect(await clippings.get('drop')).toBeUndefined();
      expect(await editableFor(clippings, ZENN)).toBeUndefined();
      expect((await clippings.list()).map((c) => c.id)).toEqual(['keep']);
    });

    it('does nothing for an id that does not exist', async () => {
      const { clippings } = await setup();
      await clippings.save(clipping());
      await expect(clippings.remove('missing')).resolves.toBeUndefined();
      expect(await clippings.list()).toHaveLength(1);
    });
  });

  it('keeps clippings apart between databases', async () => {
    const first = await setup();
    const second = await setup();
    await first.clippings.save(clipping());
    expect(await second.clippings.list()).toEqual([]);
  });
});
