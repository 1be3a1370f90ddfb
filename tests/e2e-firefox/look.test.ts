import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readControlFontSizes, readFontSizes, readLineCounts, tooSmall, wrapped } from '../e2e/look-readings';
import { FirefoxHarness } from './harness';
import { clipArticle, openIssueWith, openPopup, waitForText } from './pages';

/**
 * Issue 10, "Look", in firefox-esr: text is at least 13 px wherever a person reads or types, in the
 * popup and on the options page, and buttons keep their label on one line (tests/e2e/look.test.ts has
 * the rest, in Chromium).
 */
const NOTE = 'Firefox でも読みやすい大きさの文字です。';
let harness: FirefoxHarness;

beforeAll(async () => {
  harness = await FirefoxHarness.start('ja');
  await clipArticle(harness, 'firefox-look-clipped', 'Firefox での見た目', NOTE);
});

afterAll(async () => {
  await harness?.close();
});

describe('in Firefox', () => {
  it('shows the popup’s body text, fields and buttons at 13 px or more, each button on one line', async () => {
    const article = await harness.openArticle('firefox-look', 'Firefox の見た目');
    const popup = await openPopup(harness, article.tabId, 'new');
    const readings = await popup.evaluate(readFontSizes, {
      body: 'body',
      title: '[data-testid="clip-title"]',
      url: '[data-testid="clip-url"]',
      note: '[data-testid="clip-note"]',
      category: '[data-testid="clip-category"]',
      save: '[data-testid="clip-save"]',
      'open options': '.popup-header button',
    });
    expect(tooSmall(readings), JSON.stringify(readings)).toStrictEqual([]);
    const controls = await popup.evaluate(readControlFontSizes);
    expect(controls.length).toBeGreaterThanOrEqual(6);
    expect(tooSmall(controls)).toStrictEqual([]);
    expect(wrapped(await popup.evaluate(readLineCounts, 'button'))).toStrictEqual([]);
    await popup.close();
    await article.page.close();
  });

  it('shows the options page’s text, fields, buttons, Markdown and preview at 13 px or more', async () => {
    const options: Page = await openIssueWith(harness, NOTE);
    // Polled from here: waitForFunction with arguments is blocked by the page's CSP (pages.ts).
    await waitForText(options, 'issue-preview', (preview) => preview.includes(NOTE));
    const readings = await options.evaluate(readFontSizes, {
      body: 'body',
      search: '[data-testid="search"]',
      'clipping note': '[data-testid="clipping-note"]',
      markdown: '[data-testid="issue-markdown"]',
      'preview paragraph': '[data-testid="issue-preview"] p',
      'copy title': '[data-testid="issue-copy-title"]',
      'copy Markdown': '[data-testid="issue-copy"]',
      'edit clipping': '[data-testid="clipping-edit"]',
    });
    expect(tooSmall(readings), JSON.stringify(readings)).toStrictEqual([]);
    const controls = await options.evaluate(readControlFontSizes);
    expect(controls.length).toBeGreaterThan(10);
    expect(tooSmall(controls)).toStrictEqual([]);
    expect(wrapped(await options.evaluate(readLineCounts, 'button'))).toStrictEqual([]);
    await options.close();
  });
});
