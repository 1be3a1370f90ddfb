import { describe, expect, it } from 'vitest';
import type { CaptureOutcome } from '../../src/background/menu';
import { saveCapture } from '../../src/background/save-capture';
import type { Capture } from '../../src/core/capture';
import { urlMatchKey } from '../../src/core/url';
import * as commits from '../../src/storage/commit-clip';
import type { ClipperDatabase } from '../../src/storage/db';
import { createPopupRepositories } from '../../src/storage/popup-repositories';
import { createRepositories } from '../../src/storage/repositories';
import { openFreshDB } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';

/** What the background saves when a context-menu entry cannot open the popup, in a fresh database. */
const URL_A = 'https://blog.cybozu.io/entry/2022/08/30/110000?utm_source=feed';
const CLEAN_A = 'https://blog.cybozu.io/entry/2022/08/30/110000';
const NOW = 1_700_000_000_000;

let ids = 0;
const newId = () => `id-${++ids}`;

type Save = (capture: Capture, now: number, makeId?: () => string) => Promise<CaptureOutcome>;

async function setUp(): Promise<{ db: ClipperDatabase; save: Save }> {
  const db = await openFreshDB();
  const repos = createPopupRepositories(db, async () => commits);
  return { db, save: (capture, now, makeId) => saveCapture(repos, capture, now, makeId) };
}

describe('saveCapture', () => {
  it('saves a new clipping of the open issue, tracking parameters removed, in the last used category', async () => {
    const { db, save } = await setUp();
    await createRepositories(db).settings.setLastCategoryId('tools');
    const outcome = await save({ url: URL_A, title: '技術文書の書き方', quote: '> 引用。' }, NOW, newId);
    expect(outcome).toEqual({ kind: 'saved', title: '技術文書の書き方' });
    const [stored, ...more] = await createRepositories(db).clippings.list();
    expect(more).toEqual([]);
    expect(stored).toMatchObject({
      url: CLEAN_A,
      title: '技術文書の書き方',
      note: '> 引用。',
      categoryId: 'tools',
    });
    // A fresh install has no issue yet: the clipping opened 第1回.
    const [issue] = await createRepositories(db).issues.list();
    expect(stored?.issueId).toBe(issue?.id);
    expect(issue?.status).toBe('open');
  });

  it('cleans the title by the member’s rules, as the popup does', async () => {
    const { db, save } = await setUp();
    const title = '技術文書の書き方 - Cybozu Inside Out | サイボウズエンジニアのブログ';
    expect(await save({ url: URL_A, title }, NOW, newId)).toEqual({
      kind: 'saved',
      title: '技術文書の書き方',
    });
    const settings = createRepositories(db).settings;
    await settings.saveNewsletter({ ...(await settings.getNewsletter()), titleRules: '* prefix 技術' });
    const other = 'https://blog.cybozu.io/entry/2022/09/01/120000';
    expect(await save({ url: other, title }, NOW + 1, newId)).toEqual({
      kind: 'saved',
      title: '文書の書き方 - Cybozu Inside Out | サイボウズエンジニアのブログ',
    });
  });

  it('adds the quote below the note of a page already clipped, once', async () => {
    const { db, save } = await setUp();
    await createRepositories(db).bulk.writeRecords({
      issues: [makeIssue({ id: 'open' })],
      clippings: [makeClipping({ id: 'c1', url: CLEAN_A, issueId: 'open', note: 'チームのメモ' })],
    });
    expect(await save({ url: URL_A, title: '別の題', quote: '> 引用。' }, NOW)).toEqual({
      kind: 'updated',
      title: makeClipping().title,
    });
    expect(await save({ url: URL_A, title: '別の題', quote: '> 引用。' }, NOW + 1)).toMatchObject({
      kind: 'unchanged',
    });
    expect(await save({ url: URL_A, title: '別の題' }, NOW + 2)).toMatchObject({ kind: 'unchanged' });
    const stored = await createRepositories(db).clippings.list();
    expect(stored.map((clipping) => [clipping.id, clipping.note])).toEqual([
      ['c1', 'チームのメモ\n\n> 引用。'],
    ]);
  });

  it('leaves the page’s draft for its popup to restore', async () => {
    const { db, save } = await setUp();
    const draft = {
      key: urlMatchKey(URL_A),
      url: CLEAN_A,
      title: 't',
      note: '書きかけ',
      categoryId: 'tools',
      updatedAt: 1,
    };
    await createRepositories(db).drafts.save(draft);
    await save({ url: URL_A, title: '技術文書の書き方' }, NOW, newId);
    expect(await createRepositories(db).drafts.get(urlMatchKey(URL_A))).toEqual(draft);
  });

  it('clips a page of a published issue again as a new item of the open issue', async () => {
    const { db, save } = await setUp();
    await createRepositories(db).bulk.writeRecords({
      issues: [
        makeIssue({ id: 'old', number: 1, status: 'published', publishedAt: 5 }),
        makeIssue({ id: 'open', number: 2 }),
      ],
      clippings: [makeClipping({ id: 'c1', url: CLEAN_A, issueId: 'old', note: '先週のメモ' })],
    });
    expect(await save({ url: URL_A, title: '技術文書の書き方' }, NOW, newId)).toMatchObject({
      kind: 'saved',
    });
    const stored = await createRepositories(db).clippings.list();
    expect(stored.map((clipping) => [clipping.issueId, clipping.note]).sort()).toEqual([
      ['old', '先週のメモ'],
      ['open', ''],
    ]);
  });
});
