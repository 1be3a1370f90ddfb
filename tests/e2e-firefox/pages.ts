import type { Page } from 'puppeteer-core';
import type { FirefoxHarness } from './harness';

/** What the Firefox e2e tests do on the extension's pages, as a person would. */

export const form = (state: string) => `[data-testid="clip-form"][data-state="${state}"]`;

export function openPopup(harness: FirefoxHarness, tabId: number, state: string): Promise<Page> {
  return harness.open(harness.popupUrl(tabId), form(state));
}

/** Types `text` over what the field `testId` holds, from the keyboard. */
export async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  const field = await page.waitForSelector(`[data-testid="${testId}"]`);
  await field?.click();
  // Select what is there, so the typing replaces it (a person would select and type over it too).
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

export const typeNote = (popup: Page, text: string) => typeInto(popup, 'clip-note', text);

export const text = (page: Page, testId: string) =>
  page.$eval(`[data-testid="${testId}"]`, (element) => (element as HTMLElement).textContent ?? '');

export const value = (page: Page, testId: string) =>
  page.$eval(`[data-testid="${testId}"]`, (element) => (element as HTMLInputElement).value);

/** Clips a new article with `note` through the popup and closes both tabs. */
export async function clipArticle(
  harness: FirefoxHarness,
  slug: string,
  title: string,
  note: string,
): Promise<string> {
  const article = await harness.openArticle(slug, title);
  const popup = await openPopup(harness, article.tabId, 'new');
  await typeNote(popup, note);
  await popup.click('[data-testid="clip-save"]');
  await popup.waitForSelector(form('saved'));
  await popup.close();
  await article.page.close();
  return article.url;
}

/**
 * Polls from here until `testId`'s text passes `accept`, and returns it. Not `waitForFunction` with
 * arguments: puppeteer builds that with `new Function`, which an extension page's CSP blocks.
 */
export async function waitForText(
  page: Page,
  testId: string,
  accept: (text: string) => boolean,
): Promise<string> {
  let last = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    last = await text(page, testId).catch(() => '');
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${testId} never showed what was expected; it showed: ${last}`);
}

/** Polls from here until the field `testId` holds `expected` (waitForText's rule on `new Function`). */
export async function waitForValue(page: Page, testId: string, expected: string): Promise<void> {
  let last = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    last = await value(page, testId).catch(() => '');
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${testId} never held ${JSON.stringify(expected)}; it held ${JSON.stringify(last)}`);
}

/** Opens the options page once its issue's Markdown holds `expected`. */
export async function openIssueWith(harness: FirefoxHarness, expected: string): Promise<Page> {
  const options = await harness.open(harness.optionsUrl, '[data-testid="issue-markdown"]');
  await waitForText(options, 'issue-markdown', (markdown) => markdown.includes(expected));
  return options;
}
