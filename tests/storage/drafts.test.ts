import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/core/draft';
import { createDraftRepository } from '../../src/storage/drafts';
import { openFreshDB } from '../support/database';

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  key: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
  url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
  title: '下書き',
  note: '途中まで書いた\nコメント',
  categoryId: 'tools',
  updatedAt: 1000,
  ...overrides,
});

describe('draft repository', () => {
  it('returns undefined when there is no draft', async () => {
    const drafts = createDraftRepository(await openFreshDB());
    expect(await drafts.get('https://example.com/')).toBeUndefined();
  });

  it('saves and gets a draft by its key', async () => {
    const drafts = createDraftRepository(await openFreshDB());
    await drafts.save(draft());
    expect(await drafts.get(draft().key)).toStrictEqual(draft());
  });

  it('replaces the draft with the same key', async () => {
    const drafts = createDraftRepository(await openFreshDB());
    await drafts.save(draft());
    await drafts.save(draft({ note: '書き直した', updatedAt: 2000 }));
    expect(await drafts.get(draft().key)).toStrictEqual(draft({ note: '書き直した', updatedAt: 2000 }));
  });

  it('keeps drafts for different tabs apart and removes only one', async () => {
    const drafts = createDraftRepository(await openFreshDB());
    await drafts.save(draft());
    await drafts.save(draft({ key: 'https://example.com/other', title: '別のタブ' }));
    await drafts.remove(draft().key);
    expect(await drafts.get(draft().key)).toBeUndefined();
    expect((await drafts.get('https://example.com/other'))?.title).toBe('別のタブ');
  });

  it('does nothing when removing a draft that does not exist', async () => {
    const drafts = createDraftRepository(await openFreshDB());
    await expect(drafts.remove('https://example.com/none')).resolves.toBeUndefined();
  });
});
