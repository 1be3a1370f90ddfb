import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readEverything, replaceEverything } from '../../src/storage/bulk';
import { createSettingsRepository, NEWSLETTER_KEY, SETUP_KEY } from '../../src/storage/settings';
import { openFreshDB } from '../support/database';

describe('settings repository: the first-run setup mark', () => {
  it('is unset in a fresh database and set once answered, under its own key', async () => {
    const db = await openFreshDB();
    const settings = createSettingsRepository(db);
    expect(await settings.isSetupDone()).toBe(false);
    await settings.markSetupDone('skipped');
    expect(await settings.isSetupDone()).toBe(true);
    expect(await db.get('settings', SETUP_KEY)).toEqual({ key: 'setup', value: 'skipped' });
    expect(await db.get('settings', NEWSLETTER_KEY)).toBeUndefined();
    expect(await settings.getNewsletter()).toEqual(DEFAULT_SETTINGS);
  });

  it('takes no stored value it does not know as done', async () => {
    const db = await openFreshDB();
    await db.put('settings', { key: SETUP_KEY, value: true });
    expect(await createSettingsRepository(db).isSetupDone()).toBe(false);
  });

  it('is neither in a backup nor removed by replacing everything', async () => {
    const db = await openFreshDB();
    const settings = createSettingsRepository(db);
    await settings.markSetupDone('saved');
    const data = await readEverything(db);
    expect(JSON.stringify(data)).not.toContain('saved');
    await replaceEverything(db, {
      clippings: [],
      issues: [],
      categories: [...DEFAULT_CATEGORIES],
      settings: { ...DEFAULT_SETTINGS, name: 'Neco Weekly' },
    });
    expect(await settings.isSetupDone()).toBe(true);
  });
});
