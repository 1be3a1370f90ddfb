import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBackup, serializeBackup } from '../../src/core/transfer/backup';
import * as issue41 from '../core/fixtures/issue-2023-09-15';
import { makeClipping } from '../support/factories';
import { REPO_ROOT } from './harness';
import { byTestId, waitForClipping, waitForValue } from './options-page';
import { field, waitForFormState } from './popup';
import { useHarness } from './use-harness';

/**
 * Issue 10: every screen a reviewer should be able to look at without installing anything — the popup
 * (new, existing, saved, a refused save, an unclippable page) and the options page (first-run setup, the
 * open issue with 11 items, its preview, the settings) — photographed in Japanese, light and dark, into
 * test-results/screens/ (not committed), and each checked by axe-core with no violation.
 */

const SCREENS_DIR = join(REPO_ROOT, 'test-results', 'screens');
const SCHEMES = ['light', 'dark'] as const;
/** The popup's own width (src/popup/popup.css `.popup`). */
const POPUP_WIDTH = 380;
const OPTIONS_VIEWPORT = { width: 1280, height: 900 };
/**
 * The options page skips drawing cards and preview blocks out of view (`content-visibility: auto`,
 * options.css), which a full-page picture would show blank; for the picture they are drawn, as a person
 * scrolling sees them.
 */
const DRAW_OFF_SCREEN = '* { content-visibility: visible !important; }';

const harness = useHarness();

/**
 * The 2023-09-15 issue of the unit tests' fixture as a backup: its ten clippings of 第41回 (one marked to
 * carry over, one without a URL) and one more under ✨ Release Notes, so the issue shows 11 items in
 * three sections. Last week's clipping belongs to an issue the fixture does not have, and is left out.
 */
function issueBackup(): string {
  const clippings = issue41.CLIPPINGS.filter((clipping) => clipping.issueId === issue41.ISSUE.id);
  clippings.push(
    makeClipping({
      id: 'go-release',
      issueId: issue41.ISSUE.id,
      categoryId: issue41.RELEASE_NOTES,
      title: 'Go 1.21.1 and Go 1.20.8 are released',
      url: 'https://groups.google.com/g/golang-announce/c/Fm51GRLNRvM',
      note: 'セキュリティ修正を含むマイナーリリースです。\nCI のイメージを更新しました。',
      clippedBy: 'neco',
      order: 1,
      createdAt: Date.UTC(2023, 8, 13, 3),
    }),
  );
  const data = {
    clippings,
    issues: [issue41.ISSUE],
    categories: issue41.CATEGORIES,
    settings: issue41.SETTINGS,
  };
  return serializeBackup(createBackup(data, Date.UTC(2023, 8, 15, 9)));
}

/** One line per node axe found wrong: rule, impact, selector and what to fix. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'no impact'}) at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
    ),
  );
}

interface Shot {
  /** `popup` or `options`: the file is `<page>-<state>-<scheme>.png`. */
  page: 'popup' | 'options';
  state: string;
  /** Only this part is photographed and checked (the preview); else the whole page. */
  part?: Locator;
}

/**
 * Photographs the screen in light and dark and runs axe on each; violations are soft failures, so one
 * run shows every screen and every violation.
 */
async function photograph(page: Page, { page: which, state, part }: Shot): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Every font the page asked for has loaded, so no fallback glyphs are photographed.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (which === 'popup') {
      // As tall as its content, as Chromium sizes the real popup: measured in a viewport shorter than it.
      await page.setViewportSize({ width: POPUP_WIDTH, height: 100 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: POPUP_WIDTH, height });
    }
    const path = join(SCREENS_DIR, `${which}-${state}-${colorScheme}.png`);
    const shot = { path, animations: 'disabled', style: DRAW_OFF_SCREEN } as const;
    if (part) await part.screenshot(shot);
    else await page.screenshot({ ...shot, fullPage: true });
    let axe = new AxeBuilder({ page });
    if (part) axe = axe.include(await selectorOf(part));
    const { violations } = await axe.analyze();
    expect.soft(describeViolations(violations), `axe on ${which}-${state}-${colorScheme}`).toEqual([]);
  }
}

/** A selector for the part, for axe's `include` (which takes selectors, not locators). */
async function selectorOf(part: Locator): Promise<string> {
  const marker = 'data-screens-part';
  await part.evaluate((element, name) => element.setAttribute(name, ''), marker);
  return `[${marker}]`;
}

/** The options page of the fresh profile at 1280×900, once it knows whether to show the setup. */
async function openFreshOptions(): Promise<Page> {
  const options = await harness().openOptions({ setup: 'keep' });
  await options.setViewportSize(OPTIONS_VIEWPORT);
  await options.locator('.options:not([aria-busy="true"])').waitFor();
  return options;
}

describe('screens of issue 10, light and dark, checked by axe', () => {
  it('options page: the first-run setup, the issue with 11 items, its preview, the settings', async () => {
    await mkdir(SCREENS_DIR, { recursive: true });
    const options = await openFreshOptions();
    const setup = byTestId(options, 'setup');
    // A fresh profile opens on the first-run setup, if this build has one.
    if ((await setup.count()) > 0) {
      await photograph(options, { page: 'options', state: 'setup' });
      await byTestId(options, 'setup-skip').click();
      await setup.waitFor({ state: 'detached' });
    }

    await byTestId(options, 'nav-settings').click();
    await byTestId(options, 'backup-import').setInputFiles({
      name: 'neco-weekly-2023-09-15.json',
      mimeType: 'application/json',
      buffer: Buffer.from(issueBackup()),
    });
    await expect.poll(() => byTestId(options, 'backup-status').getAttribute('data-state')).toBe('ok');
    // Started again, as a person opening the page on this week's issue.
    await options.reload();
    await options.locator('.options:not([aria-busy="true"])').waitFor();
    await waitForClipping(options, 'Go 1.21.1');
    const items = options.locator('[data-testid="issue-section"] [data-testid="clipping"]');
    await waitForValue(
      'the items of the open issue',
      () => items.count(),
      (count) => count === 11,
    );
    const preview = byTestId(options, 'issue-preview');
    // Ten items in the Markdown and so in the preview: the eleventh carries over to the next issue.
    await waitForValue(
      'the preview’s items',
      () => preview.locator('h3').count(),
      (count) => count === 10,
    );
    await photograph(options, { page: 'options', state: 'issue' });
    await photograph(options, { page: 'options', state: 'preview', part: options.locator('.preview-pane') });

    await byTestId(options, 'nav-settings').click();
    await waitForValue(
      'the newsletter name',
      () => byTestId(options, 'setting-name').inputValue(),
      (name) => name === issue41.SETTINGS.name,
    );
    await photograph(options, { page: 'options', state: 'settings' });
    await options.close();
  });

  it('popup: new, saved, existing, a refused save, an unclippable page', async () => {
    await mkdir(SCREENS_DIR, { recursive: true });
    const h = harness();
    const title = 'Kubernetes 1.28 の新機能まとめ | Zenn';
    const article = await h.openTab(h.articleUrl('k8s-128', new URLSearchParams({ title }).toString()));
    const { popup, state } = await h.openPopupReady(article.tabId);
    expect(state).toBe('new');
    await field(popup, 'note').fill('サイドカーコンテナが正式に入りました。\n来週の勉強会で詳しく見ます。');
    await photograph(popup, { page: 'popup', state: 'new' });

    await field(popup, 'save').click();
    await waitForFormState(popup, 'saved');
    await photograph(popup, { page: 'popup', state: 'saved' });
    await popup.close();

    const again = await h.openPopupReady(article.tabId);
    expect(again.state).toBe('existing');
    await photograph(again.popup, { page: 'popup', state: 'existing' });
    await Promise.all([again.popup.close(), article.page.close()]);

    const refused = await h.openTab(h.articleUrl('ftp-link'));
    const invalid = await h.openPopupReady(refused.tabId);
    expect(invalid.state).toBe('new');
    await field(invalid.popup, 'url').fill('ftp://example.com/file.txt');
    await field(invalid.popup, 'save').click();
    await waitForFormState(invalid.popup, 'error');
    expect(await field(invalid.popup, 'url').count()).toBe(1);
    await photograph(invalid.popup, { page: 'popup', state: 'invalid' });
    await Promise.all([invalid.popup.close(), refused.page.close()]);

    const unclippable = await h.openTab('chrome://version');
    const error = await h.openPopupReady(unclippable.tabId);
    expect(error.state).toBe('error');
    await photograph(error.popup, { page: 'popup', state: 'error' });
    await Promise.all([error.popup.close(), unclippable.page.close()]);
  });
});
