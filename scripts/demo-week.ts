/**
 * `npm run demo` (scripts/demo.mjs runs this after building dist/): one sample week made with the built
 * extension in headless Chromium, as a person would and as the e2e tests do. Each article page is opened
 * in a tab and clipped through the popup (opened in a tab of its own with `?tabId=N`, which needs the
 * manifest patch of the e2e harness), then the options page names the newsletter, sets the issue's
 * number, date and afterword, reorders an item, and shows the Markdown. Runs as root without a display:
 * the harness starts Chromium headless with --no-sandbox, in Japanese.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Harness } from '../tests/e2e/harness';
import {
  byTestId,
  commitField,
  issueSection,
  sectionTitles,
  waitForClipping,
  waitForMarkdown,
  waitForValue,
} from '../tests/e2e/options-page';
import { field, waitForFormState } from '../tests/e2e/popup';
import { DEMO_ARTICLES, DEMO_WEEK, type DemoArticle, startDemoArticleServer } from './demo-articles';

export interface DemoOptions {
  /** The built extension (dist/). */
  distDir: string;
  /** Where the screenshots and the issue's Markdown are written. */
  outputDir: string;
  /** Progress, one line at a time. */
  log: (line: string) => void;
}

export interface DemoResult {
  markdown: string;
  files: { popup: string; options: string; markdown: string };
  /** Uncaught exceptions and console errors of the extension's pages, if any. */
  pageErrors: string[];
}

/** Opens `url` in a tab and clips it through the popup; with `screenshot`, takes the filled popup first. */
async function clip(h: Harness, url: string, article: DemoArticle, screenshot?: string): Promise<void> {
  const { page, tabId } = await h.openTab(url);
  const { popup, state } = await h.openPopupReady(tabId);
  if (state !== 'new') throw new Error(`the popup on ${url} opened as "${state}", not "new"`);
  await field(popup, 'note').fill(article.note);
  // The popup remembers the last category, so every clip picks its own.
  await field(popup, 'category').selectOption({ label: article.category });
  if (screenshot) await popup.locator('main').screenshot({ path: screenshot });
  await field(popup, 'save').click();
  await waitForFormState(popup, 'saved');
  await Promise.all([popup.close(), page.close()]);
}

/** Names the newsletter in the settings, then sets the open issue's number, date and afterword. */
async function setUpIssue(options: Page): Promise<void> {
  await byTestId(options, 'nav-settings').click();
  await byTestId(options, 'setting-name').fill(DEMO_WEEK.name);
  await byTestId(options, 'nav-issue').click();
  await commitField(byTestId(options, 'issue-number'), String(DEMO_WEEK.number));
  await commitField(byTestId(options, 'issue-date'), DEMO_WEEK.date);
  await commitField(byTestId(options, 'issue-afterword'), DEMO_WEEK.afterword);
}

export async function runDemo({ distDir, outputDir, log }: DemoOptions): Promise<DemoResult> {
  await mkdir(outputDir, { recursive: true });
  const files = {
    popup: join(outputDir, 'popup.png'),
    options: join(outputDir, 'options.png'),
    markdown: join(outputDir, 'issue.md'),
  };
  const server = await startDemoArticleServer();
  log('Starting headless Chromium (Japanese UI) with the extension…');
  let h: Harness | undefined;
  try {
    h = await Harness.start({ distDir, language: 'ja' });
    for (const [index, article] of DEMO_ARTICLES.entries()) {
      const url = new URL(article.path, server.origin).href;
      log(`Clipping 「${article.title}」 into ${article.category}`);
      await clip(h, url, article, index === 0 ? files.popup : undefined);
    }

    log(`Organising the issue: ${DEMO_WEEK.name} 第${DEMO_WEEK.number}回 (${DEMO_WEEK.date}号)`);
    const options = await h.context.newPage();
    await options.setViewportSize({ width: 1400, height: 900 });
    await options.goto(h.optionsUrl);
    for (const article of DEMO_ARTICLES) await waitForClipping(options, article.title);
    await setUpIssue(options);
    // The editor's ↑ on the second notable article puts it first.
    const notable = issueSection(options, 'notable-articles');
    const [first, second] = await sectionTitles(options, 'notable-articles');
    if (first === undefined || second === undefined) throw new Error('expected two notable articles');
    await notable.locator('[data-testid="clipping"]').nth(1).locator('[data-testid="item-up"]').click();
    await waitForValue(
      'the notable articles after ↑',
      () => sectionTitles(options, 'notable-articles'),
      (titles) => titles[0] === second && titles[1] === first,
    );

    const markdown = await waitForMarkdown(
      options,
      (text) =>
        text.startsWith(`# ${DEMO_WEEK.name} (${DEMO_WEEK.date}号)\n`) &&
        text.includes(`今回は第${DEMO_WEEK.number}回目の記事となります。`) &&
        text.endsWith(`${DEMO_WEEK.afterword}\n`) &&
        text.indexOf(`### ${second}`) < text.indexOf(`### ${first}`),
    );
    // The preview follows the Markdown once it rests; the screenshot waits for its last card.
    await waitForValue(
      'the preview cards',
      () => byTestId(options, 'issue-preview').locator('[data-testid="preview-card"]').count(),
      (count) => count === DEMO_ARTICLES.length,
    );
    await options.screenshot({ path: files.options, fullPage: true });
    await writeFile(files.markdown, markdown);
    return { markdown, files, pageErrors: h.takePageErrors() };
  } finally {
    await h?.close();
    await server.close();
  }
}
