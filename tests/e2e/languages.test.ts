import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from './harness';

/**
 * The UI speaks the browser's language: Japanese by default (every other e2e test runs in it), English
 * when the browser's language is English. Chromium takes it from LANGUAGE (the harness's `language`).
 */
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function labels(language: 'ja' | 'en') {
  harness = await Harness.start({ language });
  const tab = await harness.openTab(harness.articleUrl('language', 'title=言語の確認'));
  const { popup } = await harness.openPopupReady(tab.tabId);
  const options = await harness.openOptions();
  await options.locator('[data-testid="nav-settings"]').waitFor();
  return {
    popupLang: await popup.evaluate(() => document.documentElement.lang),
    heading: (await popup.locator('h1').textContent())?.trim(),
    save: (await popup.locator('[data-testid="clip-save"]').textContent())?.trim(),
    note: (await popup.locator('label[for="clip-note"]').textContent())?.trim(),
    optionsLang: await options.evaluate(() => document.documentElement.lang),
  };
}

describe('the UI language', () => {
  it('is Japanese in a Japanese browser', async () => {
    expect(await labels('ja')).toStrictEqual({
      popupLang: 'ja',
      heading: 'クリップ',
      save: '保存',
      note: 'コメント',
      optionsLang: 'ja',
    });
  });

  it('is English in an English browser', async () => {
    expect(await labels('en')).toStrictEqual({
      popupLang: 'en-US',
      heading: 'Clip',
      save: 'Save',
      note: 'Comment',
      optionsLang: 'en-US',
    });
  });
});

describe('the keyboard shortcut', () => {
  it('opens the popup with Alt+Shift+K, which Chromium registers (Alt+Shift+W, the first choice, it did not: taken)', async () => {
    harness = await Harness.start();
    expect(await harness.commands()).toContainEqual(
      expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+K' }),
    );
  });
});
