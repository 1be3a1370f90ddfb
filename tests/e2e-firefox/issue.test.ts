import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FirefoxHarness } from './harness';
import { clipArticle, openIssueWith, text, waitForText } from './pages';

/**
 * The options page in firefox-esr, in Japanese: copy the issue's Markdown to the clipboard, and carry a
 * backup from one profile into a fresh one, where a broken file changes nothing first.
 */
const harnesses: FirefoxHarness[] = [];
afterAll(async () => {
  await Promise.all(harnesses.map((harness) => harness.close()));
});

async function start(): Promise<FirefoxHarness> {
  const harness = await FirefoxHarness.start('ja');
  harnesses.push(harness);
  return harness;
}

/** The text of the first notice in `testId` once one shows, with its tone (`success`, `error`). */
async function notice(page: Page, testId: string): Promise<{ tone: string; text: string }> {
  const element = await page.waitForSelector(`[data-testid="${testId}"] .notice`);
  return (
    element?.evaluate((node) => ({
      tone: node.className.replace(/.*notice-(\w+).*/, '$1'),
      text: node.textContent ?? '',
    })) ?? { tone: '', text: '' }
  );
}

/** The path of a finished download matching `pattern`. */
async function waitForFile(dir: string, pattern: RegExp): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const names = await readdir(dir).catch(() => [] as string[]);
    // Firefox makes an empty file of the final name at once, writes `name.part` beside it, and moves
    // that over the empty one when the download is complete: done is the name alone, and not empty.
    const name = names.find((candidate) => pattern.test(candidate));
    if (name && !names.includes(`${name}.part`) && (await stat(join(dir, name))).size > 0) {
      return join(dir, name);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no finished download matching ${pattern} in ${dir}`);
}

async function backupStatus(page: Page, state: 'ok' | 'error'): Promise<string> {
  const status = await page.waitForSelector(`[data-testid="backup-status"][data-state="${state}"]`);
  return (await status?.evaluate((node) => node.textContent ?? '')) ?? '';
}

describe('the issue in Firefox', () => {
  it('copies exactly the Markdown it shows', async () => {
    const harness = await start();
    const url = await clipArticle(harness, 'copy', 'コピーする記事', 'クリップボードに届くメモ。');
    const options = await openIssueWith(harness, '### コピーする記事');
    const markdown = await text(options, 'issue-markdown');
    expect(markdown).toContain(`### コピーする記事\n\n${url}\n\nクリップボードに届くメモ。`);

    await options.click('[data-testid="issue-copy"]');
    const outcome = await notice(options, 'copy-status');
    expect(outcome.tone).toBe('success');
    expect(outcome.text).toContain('コピーしました');
    expect(await options.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
    await options.close();
  });

  it('exports a backup and imports it into a fresh profile with identical Markdown; a broken file changes nothing', async () => {
    const first = await start();
    await clipArticle(first, 'move-one', '移行する記事 <1>', 'バックアップで運ぶメモ。');
    await clipArticle(first, 'move-two', 'もう一つの記事', '二つ目。');
    const options = await openIssueWith(first, '### もう一つの記事');
    const markdown = await text(options, 'issue-markdown');
    expect(markdown).toContain('### 移行する記事 \\<1>');

    await options.click('[data-testid="nav-settings"]');
    await options.click('[data-testid="backup-export"]');
    const file = await waitForFile(first.downloadsDir, /^weekly-clipper-backup-\d{8}-\d{4}\.json$/);
    const backup = await readFile(file, 'utf8');
    expect(JSON.parse(backup).format).toBe('weekly-clipper-backup');

    const second = await start();
    const fresh = await second.open(second.optionsUrl, '[data-testid="nav-settings"]');
    await fresh.click('[data-testid="nav-settings"]');
    const broken = join(second.downloadsDir, '..', 'broken.json');
    await writeFile(broken, backup.replace('"updatedAt":', '"updatedAt": "soon", "x":'));
    const input = await fresh.waitForSelector('input[data-testid="backup-import"]');
    await input?.uploadFile(broken);
    expect(await backupStatus(fresh, 'error')).toMatch(/\w+\[\d+\]|JSON/);
    await fresh.click('[data-testid="nav-issue"]');
    // The broken file changed nothing: the fresh profile still offers its first-run setup.
    await fresh.waitForSelector('[data-testid="setup"]');

    await fresh.click('[data-testid="nav-settings"]');
    const again = await fresh.waitForSelector('input[data-testid="backup-import"]');
    await again?.uploadFile(file);
    await backupStatus(fresh, 'ok');
    await fresh.click('[data-testid="nav-issue"]');
    await waitForText(fresh, 'issue-markdown', (shown) => shown === markdown);
  });
});
