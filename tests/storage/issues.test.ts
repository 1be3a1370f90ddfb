import { describe, expect, it } from 'vitest';
import { followingIssue, publishIssue } from '../../src/core/issue';
import { urlMatchKey } from '../../src/core/url';
import { createClippingRepository } from '../../src/storage/clippings';
import type { ClipperDatabase } from '../../src/storage/db';
import { createIssueRepository } from '../../src/storage/issues';
import { editableFor, openFreshDB } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

const NOW = 50_000;

/** Everything publishing could touch, to compare before and after. */
async function snapshot(db: ClipperDatabase) {
  return { issues: await db.getAll('issues'), clippings: await db.getAll('clippings') };
}

describe('issue repository', () => {
  describe('getOpen', () => {
    it('finds none in a fresh database', async () => {
      expect(await createIssueRepository(await openFreshDB()).getOpen()).toBeUndefined();
    });

    it('finds none when every issue is published', async () => {
      const issues = createIssueRepository(await openFreshDB());
      await issues.save(makeIssue({ id: 'issue-1', status: 'published', publishedAt: 10 }));
      expect(await issues.getOpen()).toBeUndefined();
    });

    it('finds the one open issue among published ones', async () => {
      const issues = createIssueRepository(await openFreshDB());
      const open = makeIssue({ id: 'issue-3', number: 3, date: '2024-09-20' });
      await issues.save(makeIssue({ id: 'issue-1', number: 1, status: 'published', publishedAt: 10 }));
      await issues.save(open);
      await issues.save(makeIssue({ id: 'issue-2', number: 2, status: 'published', publishedAt: 20 }));
      expect(await issues.getOpen()).toStrictEqual(open);
    });
  });

  describe('list', () => {
    it('is empty in a fresh database', async () => {
      expect(await createIssueRepository(await openFreshDB()).list()).toEqual([]);
    });

    it('lists the newest number first, whatever the ids and the order they were saved in', async () => {
      const issues = createIssueRepository(await openFreshDB());
      for (const [id, number] of [
        ['c', 2],
        ['a', 10],
        ['d', 1],
        ['b', 3],
      ] as const) {
        await issues.save(makeIssue({ id, number, status: number === 10 ? 'open' : 'published' }));
      }
      expect((await issues.list()).map((issue) => issue.number)).toEqual([10, 3, 2, 1]);
    });

    it('lists an issue with a repeated number by creation, newest first', async () => {
      const issues = createIssueRepository(await openFreshDB());
      await issues.save(makeIssue({ id: 'a-old', number: 4, createdAt: 1 }));
      await issues.save(makeIssue({ id: 'z-new', number: 4, createdAt: 2, status: 'published' }));
      expect((await issues.list()).map((issue) => issue.id)).toEqual(['z-new', 'a-old']);
    });
  });

  describe('save', () => {
    it('stores an issue and replaces it when saved again', async () => {
      const db = await openFreshDB();
      const issues = createIssueRepository(db);
      const issue = makeIssue({ id: 'issue-1', afterword: '' });
      await issues.save(issue);
      expect(await db.get('issues', 'issue-1')).toStrictEqual(issue);
      const edited = {
        ...issue,
        afterword: '来週もよろしくお願いします。',
        headlineId: 'clip-1',
        updatedAt: 2000,
      };
      await issues.save(edited);
      expect(await issues.list()).toStrictEqual([edited]);
    });

    it('stores a copy: later changes to the object are not saved', async () => {
      const issues = createIssueRepository(await openFreshDB());
      const issue = makeIssue();
      await issues.save(issue);
      issue.afterword = 'changed afterwards';
      expect((await issues.getOpen())?.afterword).toBe('');
    });
  });

  describe('publish', () => {
    const open = makeIssue({ id: 'issue-1', number: 1, date: '2024-09-06' });
    const carried = makeClipping({
      id: 'carried',
      url: 'https://zenn.dev/team_soda/articles/a?utm_source=x#section',
      issueId: 'issue-1',
      carryOver: true,
      updatedAt: 100,
    });
    const kept = makeClipping({ id: 'kept', issueId: 'issue-1', updatedAt: 100 });
    const elsewhere = makeClipping({ id: 'elsewhere', issueId: null, carryOver: true, updatedAt: 100 });

    async function seeded() {
      const db = await openFreshDB();
      const issues = createIssueRepository(db);
      await issues.save(open);
      await createClippingRepository(db).saveMany([carried, kept, elsewhere]);
      const plan = publishIssue(
        open,
        [carried, kept, elsewhere],
        { id: 'issue-2', ...followingIssue(open) },
        NOW,
      );
      return { db, issues, plan };
    }

    it('publishes the issue, opens the next and moves the carried clipping together', async () => {
      const { db, issues, plan } = await seeded();
      await issues.publish(plan);

      expect(await issues.list()).toStrictEqual([plan.next, plan.published]);
      expect(await issues.getOpen()).toStrictEqual(
        makeIssue({ id: 'issue-2', number: 2, date: '2024-09-13', createdAt: NOW, updatedAt: NOW }),
      );
      expect(await db.get('issues', 'issue-1')).toMatchObject({ status: 'published', publishedAt: NOW });

      const clippings = createClippingRepository(db);
      expect(await clippings.get('carried')).toStrictEqual({
        ...carried,
        issueId: 'issue-2',
        carryOver: false,
        updatedAt: NOW,
      });
      expect(await clippings.get('kept')).toStrictEqual(kept);
      expect(await clippings.get('elsewhere')).toStrictEqual(elsewhere);
    });

    it('keeps the carried clipping findable by its URL and by its new issue', async () => {
      const { db, issues, plan } = await seeded();
      await issues.publish(plan);
      expect((await db.get('clippings', 'carried'))?.urlKey).toBe(urlMatchKey(carried.url));
      expect((await editableFor(createClippingRepository(db), carried.url))?.issueId).toBe('issue-2');
      const inNext = await db.getAllFromIndex('clippings', 'byIssueId', 'issue-2');
      expect(inNext.map((record) => record.id)).toEqual(['carried']);
      const inPublished = await db.getAllFromIndex('clippings', 'byIssueId', 'issue-1');
      expect(inPublished.map((record) => record.id)).toEqual(['kept']);
    });

    it('rejects publishing an issue that was published meanwhile, and changes nothing', async () => {
      const { db, issues, plan } = await seeded();
      await issues.publish(plan);
      const before = await snapshot(db);

      const again = publishIssue(open, [carried], { id: 'issue-2b', number: 2, date: '2024-09-13' }, NOW + 1);
      await expect(issues.publish(again)).rejects.toThrow('This issue is no longer open');
      expect(await snapshot(db)).toStrictEqual(before);
      expect(await db.get('issues', 'issue-2b')).toBeUndefined();
    });

    it('rejects publishing an issue that is not stored at all, and changes nothing', async () => {
      const { db, issues } = await seeded();
      const before = await snapshot(db);
      const stray = makeIssue({ id: 'stray', number: 7 });
      const plan = publishIssue(stray, [], { id: 'stray-next', number: 8, date: '2024-10-04' }, NOW);
      await expect(issues.publish(plan)).rejects.toThrow('no longer open');
      expect(await snapshot(db)).toStrictEqual(before);
    });

    it('writes nothing when one of the writes cannot be stored', async () => {
      const { db, issues, plan } = await seeded();
      const before = await snapshot(db);
      const broken = {
        ...plan,
        carried: [
          { ...plan.carried[0], note: (() => 'a function') as unknown as string },
        ] as typeof plan.carried,
      };
      await expect(issues.publish(broken)).rejects.toMatchObject({ name: 'DataCloneError' });
      expect(await snapshot(db)).toStrictEqual(before);
    });
  });
});
