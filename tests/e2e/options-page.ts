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
