import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../../src/core/settings';
import { createSettingsRepository, LAST_CATEGORY_KEY, NEWSLETTER_KEY } from '../../src/storage/settings';
import { openFreshDB } from '../support/database';

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

describe('settings repository: newsletter', () => {
  const custom: NewsletterSettings = {
    name: '週刊ソダ',
    introTemplate: '{{name}} 第{{number}}回 ({{date}})',
    meetingWeekday: 3,
    memberName: '山田 花子',
    emoji: '🗞️',
    topics: ['react', 'typescript'],
    titleRules: '# 自分用\nzenn.dev suffix | Zenn',
    footerTemplate: '山田 花子',
    zennType: 'tech',
    publicationName: 'yamada',
    slugPattern: '{name}-{number}',
    closePopupAfterSave: false,
  };

  it('gives the defaults in a fresh database', async () => {
    const settings = createSettingsRepository(await openFreshDB());
    expect(await settings.getNewsletter()).toStrictEqual(DEFAULT_SETTINGS);
  });

  it('reads back what was saved, under its own key', async () => {
    const db = await openFreshDB();
    const settings = createSettingsRepository(db);
    await settings.saveNewsletter(custom);
    expect(await settings.getNewsletter()).toStrictEqual(custom);
    expect(await db.get('settings', NEWSLETTER_KEY)).toStrictEqual({ key: 'newsletter', value: custom });
  });

  it('replaces the settings when saved again', async () => {
    const settings = createSettingsRepository(await openFreshDB());
    await settings.saveNewsletter(custom);
    await settings.saveNewsletter({ ...custom, meetingWeekday: 0, topics: [] });
    expect(await settings.getNewsletter()).toStrictEqual({ ...custom, meetingWeekday: 0, topics: [] });
  });

  it('keeps the newsletter and the last category apart', async () => {
    const settings = createSettingsRepository(await openFreshDB());
    await settings.setLastCategoryId('tools');
    await settings.saveNewsletter(custom);
    await settings.setLastCategoryId('books');
    expect(await settings.getLastCategoryId()).toBe('books');
    expect(await settings.getNewsletter()).toStrictEqual(custom);
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 5],
    ['null', null],
    ['an array', [custom]],
  ])('gives the defaults when the stored value is %s', async (_, value) => {
    const db = await openFreshDB();
    await db.put('settings', { key: NEWSLETTER_KEY, value });
    expect(await createSettingsRepository(db).getNewsletter()).toStrictEqual(DEFAULT_SETTINGS);
  });

  it('fills in the defaults for the fields of a stored value that are missing or wrong', async () => {
    const db = await openFreshDB();
    await db.put('settings', {
      key: NEWSLETTER_KEY,
      value: { name: '週刊ソダ', meetingWeekday: 9, topics: [1, 'ts'] },
    });
    expect(await createSettingsRepository(db).getNewsletter()).toStrictEqual({
      ...DEFAULT_SETTINGS,
      name: '週刊ソダ',
      topics: ['ts'],
    });
  });
});
