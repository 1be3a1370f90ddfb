import { afterEach, describe, expect, it } from 'vitest';
import { FirefoxHarness } from './harness';

/** Firefox's UI language picks the extension's `_locales`: English without the Japanese langpack asked for. */
let harness: FirefoxHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('the UI language in Firefox', () => {
  it('is English when Firefox is asked for English', async () => {
    harness = await FirefoxHarness.start('en-US');
    const article = await harness.openArticle('firefox-english', 'An English page');
    const popup = await harness.open(
      harness.popupUrl(article.tabId),
      '[data-testid="clip-form"][data-state="new"]',
    );
    const read = (selector: string) =>
      popup.$eval(selector, (element) => (element as HTMLElement).textContent?.trim() ?? '');
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    expect(await read('h1')).toBe('Clip');
    expect(await read('[data-testid="clip-save"]')).toBe('Save');
    expect(await read('label[for="clip-note"]')).toBe('Comment');
  });
});

describe('the keyboard shortcut in Firefox', () => {
  it('opens the popup with Alt+Shift+K, which Firefox registers', async () => {
    harness = await FirefoxHarness.start('ja');
    expect(await harness.commands()).toContainEqual(
      expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+K' }),
    );
  });
});
