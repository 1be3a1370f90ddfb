import type { Locator, Page } from 'playwright-core';

export type FieldName = 'title' | 'url' | 'note' | 'category' | 'save';

/** A control of the clip form by its data-testid (`clip-title`, `clip-note`, ...). */
export function field(page: Page, name: FieldName): Locator {
  return page.locator(`[data-testid="clip-${name}"]`);
}

/** The label of the selected category option. */
export function selectedCategory(page: Page): Promise<string> {
  return field(page, 'category').evaluate((select) => {
    const element = select as HTMLSelectElement;
    return element.selectedOptions[0]?.textContent?.trim() ?? '';
  });
}

export function categoryLabels(page: Page): Promise<string[]> {
  return field(page, 'category')
    .locator('option')
    .evaluateAll((options) => options.map((option) => option.textContent?.trim() ?? ''));
}

/** The form's fields as a person sees them. */
export async function readForm(
  page: Page,
): Promise<{ title: string; url: string; note: string; category: string }> {
  return {
    title: await field(page, 'title').inputValue(),
    url: await field(page, 'url').inputValue(),
    note: await field(page, 'note').inputValue(),
    category: await selectedCategory(page),
  };
}

/**
 * Starts recording every `data-state` the clip form takes, so a test can check afterwards that a state
 * (say `saved`) never appeared, even for a moment. Read the record with `formStatesSeen`.
 */
export async function recordFormStates(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const seen: string[] = [];
    const record = () => {
      const state = document.querySelector(selector)?.getAttribute('data-state');
      if (state && seen.at(-1) !== state) seen.push(state);
    };
    record();
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
    Object.assign(window, { __formStatesSeen: seen });
  }, FORM);
}

export function formStatesSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as { __formStatesSeen?: string[] }).__formStatesSeen ?? [])]);
}

export type FormState = 'loading' | 'new' | 'existing' | 'published' | 'saved' | 'error';

export const FORM = '[data-testid="clip-form"]';

/** Waits for the clip form to reach `state` (or one of `states`); the error names the state it had. */
export async function waitForFormState(
  page: Page,
  states: FormState | readonly FormState[],
  timeoutMs = 15_000,
): Promise<FormState> {
  const wanted = typeof states === 'string' ? [states] : [...states];
  const selector = wanted.map((state) => `${FORM}[data-state="${state}"]`).join(', ');
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout: timeoutMs });
  } catch (error) {
    const actual = await page
      .locator(FORM)
      .first()
      .getAttribute('data-state', { timeout: 500 })
      .catch(() => null);
    const text =
      (await page
        .locator('body')
        .textContent({ timeout: 500 })
        .catch(() => null)) ?? '';
    throw new Error(
      `clip form never reached ${wanted.join(' | ')}: data-state is ${actual === null ? 'missing' : `"${actual}"`}; page text: ${JSON.stringify(text.slice(0, 500))}`,
      { cause: error },
    );
  }
  return (await page.locator(FORM).first().getAttribute('data-state')) as FormState;
}

/** Waits for the popup to finish loading: any state but `loading`. */
export function waitForLoadedForm(page: Page): Promise<FormState> {
  return waitForFormState(page, ['new', 'existing', 'published', 'saved', 'error']);
}
