import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { byTestId, waitForValue } from './options-page';
import { useHarness } from './use-harness';

/**
 * Issue 10, "Look", with the real Tab key: a card of the open issue is two tab stops (its title's link,
 * and one toolbar of its seven controls that ←/→ walk), so 11 items put 「Markdown をコピー」 37
 * presses from the heading (22 of them in the cards); the controls show on focus; focus lands somewhere sensible after a
 * delete, Esc and publishing. The component tests (tests/options/keyboard.test.tsx) cover the rest.
 */
const h = useHarness();
let options: Page;

const ITEMS = 11;

/** What has focus: its test id (else tag), and the card it is in, by the card's title. */
function focused(page: Page): Promise<{ id: string; card: string | null }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const card = element?.closest('[data-testid="clipping"]');
    return {
      id: element?.dataset.testid || element?.id || element?.localName || '',
      card: card?.querySelector('[data-testid="clipping-title"]')?.textContent ?? null,
    };
  });
}

/** The computed opacity of the toolbar of the card titled `title`. */
function toolbarOpacity(page: Page, title: string): Promise<string> {
  return page
    .locator('[data-testid="clipping"]', { hasText: title })
    .getByRole('toolbar')
    .evaluate((toolbar) => getComputedStyle(toolbar).opacity);
}

beforeAll(async () => {
  options = await h().openOptions();
  await byTestId(options, 'nav-issue').click();
  const start = byTestId(options, 'issue-start');
  if ((await start.count()) > 0) await start.click();
  await byTestId(options, 'issue-number').waitFor();
  await byTestId(options, 'add-item').locator('summary').click();
  for (let index = 1; index <= ITEMS; index++) {
    await byTestId(options, 'add-title').fill(`記事 ${index}`);
    await byTestId(options, 'add-url').fill(h().articleUrl(`keyboard-${index}`));
    await byTestId(options, 'add-note').fill(`メモ ${index}`);
    await byTestId(options, 'add-category').selectOption(index <= 6 ? 'notable-articles' : 'tools');
    await byTestId(options, 'add-save').click();
    await options
      .locator('[data-testid="clipping"]')
      .nth(index - 1)
      .waitFor();
  }
  // Close the form and move the mouse off the cards: what shows then is what focus shows.
  await byTestId(options, 'add-item').locator('summary').click();
  await options.mouse.move(0, 0);
});

describe('the open issue with the keyboard', () => {
  it('reaches 「Markdown をコピー」 from the issue heading in two presses of Tab a card', async () => {
    await options.locator('#issue-heading').focus();
    const stops: { id: string; card: string | null }[] = [];
    while (stops.length < 200) {
      await options.keyboard.press('Tab');
      const stop = await focused(options);
      stops.push(stop);
      if (stop.id === 'issue-copy') break;
    }
    const inCards = stops.filter((stop) => stop.card !== null);
    const cards = new Set(inCards.map((stop) => stop.card));
    expect(cards.size).toBe(ITEMS);
    for (const card of cards) {
      const ids = inCards.filter((stop) => stop.card === card).map((stop) => stop.id);
      expect(ids[0]).toBe('clipping-title');
      expect(ids[1]).toMatch(/^item-(up|down)$/);
      expect(ids).toHaveLength(2);
    }
    expect(stops.filter((stop) => stop.card === null).map((stop) => stop.id)).toEqual([
      'issue-number',
      // Chromium's date input: year, month, day and its calendar button are a stop each.
      'issue-date',
      'issue-date',
      'issue-date',
      'issue-date',
      'issue-headline',
      'issue-topic',
      'issue-afterword',
      'summary',
      'issue-publish',
      'team-export',
      'team-import',
      'issue-title',
      'issue-copy-title',
      'issue-copy',
    ]);
    expect(stops).toHaveLength(2 * ITEMS + 15);
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.textContent))
      .toBe('Markdown をコピー');
  });

  it('shows a card’s controls when focus is in it, and walks them with ←/→', async () => {
    expect(await toolbarOpacity(options, '記事 2')).toBe('0');
    const card = options.locator('[data-testid="clipping"]', { hasText: '記事 2' });
    await card.getByTestId('item-up').focus();
    expect(await toolbarOpacity(options, '記事 2')).toBe('1');
    expect(await toolbarOpacity(options, '記事 3')).toBe('0');
    const walked = [];
    for (let step = 0; step < 7; step++) {
      walked.push((await focused(options)).id);
      await options.keyboard.press('ArrowRight');
    }
    expect(walked).toEqual([
      'item-up',
      'item-down',
      'item-category',
      'item-carry-over',
      'item-backlog',
      'clipping-edit',
      'clipping-delete',
    ]);
    // Round to the first again; ← from the select moves on and leaves the section as it was.
    expect((await focused(options)).id).toBe('item-up');
    await options.keyboard.press('ArrowRight');
    await options.keyboard.press('ArrowRight');
    expect((await focused(options)).id).toBe('item-category');
    await options.keyboard.press('ArrowLeft');
    expect((await focused(options)).id).toBe('item-down');
    expect(await card.getByTestId('item-category').inputValue()).toBe('notable-articles');
    // Enter on a control of the toolbar works it.
    await options.keyboard.press('ArrowRight');
    await options.keyboard.press('ArrowRight');
    await options.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('item-carry-over').getAttribute('aria-pressed')).toBe('true');
    await options.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('item-carry-over').getAttribute('aria-pressed')).toBe('false');
  });

  it('returns focus to 「編集」 on Esc, and to the next card after a delete', async () => {
    const card = options.locator('[data-testid="clipping"]', { hasText: '記事 2' });
    await card.getByTestId('clipping-edit').focus();
    await options.keyboard.press('Enter');
    await byTestId(options, 'edit-note').waitFor();
    expect((await focused(options)).id).toBe('edit-note');
    await options.keyboard.press('Escape');
    await byTestId(options, 'clipping-editor').waitFor({ state: 'detached' });
    expect(await focused(options)).toEqual({ id: 'clipping-edit', card: '記事 2' });

    await options.keyboard.press('ArrowRight');
    expect((await focused(options)).id).toBe('clipping-delete');
    await options.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    const next = await waitForValue(
      'the focus after the delete',
      () => focused(options),
      (stop) => stop.id === 'clipping',
    );
    expect(next.card).toBe('記事 3');
  });

  it('focuses the new issue’s heading once published', async () => {
    await byTestId(options, 'issue-publish').focus();
    await options.keyboard.press('Enter');
    await expect.poll(async () => (await focused(options)).id).toBe('next-number');
    await options.keyboard.press('Enter');
    await expect.poll(async () => (await focused(options)).id).toBe('issue-heading');
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toMatch(/^第2回/);
  });
});
