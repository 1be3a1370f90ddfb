import { describe, expect, it } from 'vitest';
import { createSettingsRepository, LAST_CATEGORY_KEY } from '../../src/storage/settings';
import { openFreshDB } from './fresh-db';

describe('settings repository', () => {
  it('has no last category in a fresh database', async () => {
    const settings = createSettingsRepository(await openFreshDB());
    expect(await settings.getLastCategoryId()).toBeUndefined();
  });

  it('remembers the last category, and the newest one set', async () => {
    const db = await openFreshDB();
    const settings = createSettingsRepository(db);
    await settings.setLastCategoryId('tools');
    expect(await settings.getLastCategoryId()).toBe('tools');
    await settings.setLastCategoryId('books');
    expect(await settings.getLastCategoryId()).toBe('books');
    expect(await db.get('settings', LAST_CATEGORY_KEY)).toEqual({ key: 'lastCategoryId', value: 'books' });
  });

  it('ignores a stored value that is not a string', async () => {
    const db = await openFreshDB();
    await db.put('settings', { key: LAST_CATEGORY_KEY, value: 42 });
    expect(await createSettingsRepository(db).getLastCategoryId()).toBeUndefined();
  });
});
