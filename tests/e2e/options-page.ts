import type { Locator, Page } from 'playwright-core';

/** Clippings listed on the options page whose text contains `text`. */
export function clippingsWith(options: Page, text: string): Locator {
  return options.locator('[data-testid="clipping"]', { hasText: text });
}

/** Waits until the options page lists a clipping containing `text`; the error shows what it lists. */
export async function waitForClipping(options: Page, text: string, timeoutMs = 15_000): Promise<void> {
  try {
    await clippingsWith(options, text).first().waitFor({ timeout: timeoutMs });
  } catch (error) {
    const listed = await options
      .locator('[data-testid="clipping"]')
      .allTextContents()
      .catch(() => []);
    const body =
      (await options
        .locator('body')
        .textContent({ timeout: 500 })
        .catch(() => null)) ?? '';
    throw new Error(
      `options never listed a clipping with ${JSON.stringify(text)}; clippings: ${JSON.stringify(listed)}; page text: ${JSON.stringify(body.slice(0, 500))}`,
      { cause: error },
    );
  }
}

/** The category ids of a fresh install, in their order (the issue's `##` sections follow it). */
export type CategoryId = 'notable-articles' | 'tools' | 'release-notes' | 'events' | 'books';

/** A control of the issue editor by its data-testid (`issue-markdown`, `issue-publish`, `next-date`, ...). */
export function byTestId(page: Page, testId: string): Locator {
  return page.locator(`[data-testid="${testId}"]`);
}

/** The open issue's section for a category. */
export function issueSection(options: Page, categoryId: CategoryId): Locator {
  return options.locator(`[data-testid="issue-section"][data-category="${categoryId}"]`);
}

/** Titles of the items in a section of the open issue, in the order shown. */
export function sectionTitles(options: Page, categoryId: CategoryId): Promise<string[]> {
  return issueSection(options, categoryId)
    .locator('[data-testid="clipping"] [data-testid="clipping-title"]')
    .evaluateAll((titles) => titles.map((title) => title.textContent ?? ''));
}

/**
 * Polls `read` until `accept` holds and returns that value; the error shows the last value read, so a
 * failure says what the page showed instead.
 */
export async function waitForValue<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} never matched; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the generated Markdown (`issue-markdown`) satisfies `accept`; returns it. */
export function waitForMarkdown(options: Page, accept: (markdown: string) => boolean): Promise<string> {
  const markdown = byTestId(options, 'issue-markdown');
  return waitForValue('the issue Markdown', async () => (await markdown.textContent()) ?? '', accept);
}

/** Types a value into an issue field and commits it as a person does, by leaving the field (change). */
export async function commitField(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Tab');
}
