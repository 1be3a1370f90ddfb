import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamRepository, type GitServer, startGitServer } from '../support/git-server';
import { FirefoxHarness } from './harness';
import { clipArticle, text, typeInto, waitForText } from './pages';

/**
 * Issue 11 in firefox-esr: a member and an editor, each their own Firefox with the built extension,
 * connect to one bare repository behind a real `git http-backend`. The member clips from the popup
 * with no options page open, so the background (an event page in Firefox) sends the save; the editor
 * syncs and finds it in the issue, then publishes the article to the repository. Connecting asks
 * Firefox's data-collection consent with the host permission; the profile's pref
 * `extensions.webextOptionalPermissionPrompts` grants it as a person pressing 「許可」 would (no driver
 * can press a browser prompt).
 */

const TOKEN = 'github_pat_firefox_team_token';
let server: GitServer;
let member: FirefoxHarness;
let editor: FirefoxHarness;

beforeAll(async () => {
  server = await startGitServer(TOKEN);
  await createTeamRepository(server, 'neco');
  member = await FirefoxHarness.start('ja');
  editor = await FirefoxHarness.start('ja');
}, 120_000);

afterAll(async () => {
  await Promise.all([member?.close(), editor?.close()]);
  await server?.close();
});

const STATUS = '[data-testid="team-sync-status"]';

/** Polls until the status line's `data-state` passes `accept`, and returns its text. */
async function waitForStatus(page: Page, accept: (state: string) => boolean): Promise<string> {
  let last = '';
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    last = await page.$eval(STATUS, (element) => element.getAttribute('data-state') ?? '').catch(() => '');
    if (accept(last)) return text(page, 'team-sync-status');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the team sync status never got past ${JSON.stringify(last)}`);
}

/** Opens the settings, names the member, and presses 「接続」 with `token`. */
async function connect(harness: FirefoxHarness, name: string, token: string): Promise<Page> {
  const page = await harness.open(harness.optionsUrl, '.options:not([aria-busy="true"])');
  // A fresh profile opens on the first-run setup; a member joining a team skips it.
  if (await page.$('[data-testid="setup"]')) {
    await page.click('[data-testid="setup-skip"]');
    await page.waitForSelector('[data-testid="setup"]', { hidden: true });
  }
  await page.click('[data-testid="nav-settings"]');
  await typeInto(page, 'setting-member', name);
  await page.keyboard.press('Tab');
  await typeInto(page, 'team-remote-url', server.url('neco'));
  await typeInto(page, 'team-remote-token', token);
  await page.click('[data-testid="team-connect"]');
  return page;
}

/** What the extension holds of the optional permissions, asked from one of its pages. */
function grantedPermissions(page: Page): Promise<{ origins: string[]; data_collection?: string[] }> {
  return page.evaluate(() => {
    const api = (
      globalThis as unknown as {
        browser: { permissions: { getAll(): Promise<{ origins: string[]; data_collection?: string[] }> } };
      }
    ).browser;
    return api.permissions.getAll().then((all) => JSON.parse(JSON.stringify(all)));
  });
}

async function remoteFile(path: string): Promise<string> {
  return server.git('neco', 'show', `weekly-clipper:${path}`).catch(() => '');
}

describe('the team repository in Firefox', () => {
  it('says a wrong token is refused, then connects with the consent to send the clippings', async () => {
    const page = await connect(member, '佐藤', 'github_pat_wrong');
    const refused = await waitForStatus(page, (state) => state === 'error');
    expect(refused).toContain('アクセストークンが受け付けられませんでした（401）');
    expect(refused).not.toContain('github_pat_wrong');
    expect(await page.$('[data-testid="team-remote-connected"]')).toBeNull();

    await typeInto(page, 'team-remote-token', TOKEN);
    await page.click('[data-testid="team-connect"]');
    await waitForStatus(page, (state) => state === 'ok');
    await page.waitForSelector('[data-testid="team-remote-connected"]');
    const granted = await grantedPermissions(page);
    expect(granted.data_collection).toEqual(expect.arrayContaining(['websiteContent', 'authenticationInfo']));
    // The token is in this browser's storage only, and not on the page once connected.
    expect(await page.$eval('body', (body) => body.innerHTML)).not.toContain(TOKEN);
    await page.close();
  });

  it('sends a popup’s save from the background; the editor finds it in the issue and publishes', async () => {
    // No options page is open in the member's browser: the background sends the save.
    const url = await clipArticle(member, 'cilium-114', 'Cilium 1.14 の新機能', 'Firefox から届くメモ。');
    let path = '';
    for (const deadline = Date.now() + 30_000; !path && Date.now() < deadline; ) {
      const files = await server
        .git('neco', 'ls-tree', '-r', '--name-only', 'weekly-clipper')
        .catch(() => '');
      path = files.split('\n').find((file) => file.endsWith('/佐藤.jsonl')) ?? '';
      if (!path) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(path).toMatch(/^clips\/\d{4}-\d{2}-\d{2}\/佐藤\.jsonl$/);
    expect(await remoteFile(path)).toContain('Firefox から届くメモ。');
    expect(await server.git('neco', 'log', '-1', '--format=%an', 'weekly-clipper')).toBe('佐藤\n');

    const page = await connect(editor, '編集', TOKEN);
    await waitForStatus(page, (state) => state === 'ok');
    await page.click('[data-testid="nav-issue"]');
    await (await page.waitForSelector('[data-testid="issue-start"]'))?.click();
    await page.waitForSelector('[data-testid="issue-markdown"]');
    await page.click('[data-testid="nav-settings"]');
    await page.click('[data-testid="team-sync"]');
    const synced = await waitForStatus(page, (state) => state === 'ok' || state === 'error');
    expect(synced).toContain('追加 1');
    await page.click('[data-testid="nav-issue"]');
    const markdown = await waitForText(page, 'issue-markdown', (md) => md.includes('Cilium 1.14'));
    expect(markdown).toContain(`### Cilium 1.14 の新機能\n\n${url}\n\nFirefox から届くメモ。`);

    // Publishing: the article on a branch of its own, exactly the Markdown shown, and the PR link.
    await page.click('[data-testid="issue-publish-repo"]');
    const link = await page.waitForSelector('[data-testid="issue-pull-request"]', { timeout: 30_000 });
    const href = (await link?.evaluate((node) => node.getAttribute('href'))) ?? '';
    const slug = href.split('...').at(-1) ?? '';
    expect(slug).toMatch(/^weekly-\d{4}-\d{2}-\d{2}$/);
    expect(href).toBe(`${server.url('neco').replace(/\.git$/, '')}/compare/main...${slug}`);
    const file = await server.git('neco', 'show', `${slug}:articles/${slug}.md`);
    expect(file.startsWith('---\ntitle: ')).toBe(true);
    expect(file.endsWith(markdown)).toBe(true);
    await page.close();
  });
});
