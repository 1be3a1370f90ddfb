/**
 * The built Firefox extension (dist-firefox/) in Debian's firefox-esr, headless, driven by puppeteer-core
 * over WebDriver BiDi. Each harness is a fresh profile with the extension installed as a temporary
 * add-on, the Japanese UI (the langpack from firefox-esr-l10n-ja), and an article server on 127.0.0.1.
 *
 * What a test cannot do as a person does, and what stands in for it:
 * - click the toolbar button: the popup's page is opened in a tab with `?tabId=N`, as in Chromium
 *   (the popup's e2e contract, src/popup/main.tsx);
 * - learn a tab's id: the test copy of the extension gets the `tabs` permission and the article
 *   server's host permission (the shipped manifest has neither), and an extension page asks
 *   `browser.tabs.query`;
 * - look at the clipboard: the test copy gets `clipboardRead`, so the page can read back what it wrote;
 * - look in the Downloads folder: downloads go to `downloadsDir` without asking (the profile's prefs).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type ArticleServer, startArticleServer } from '../e2e/article-server';
import { REPO_ROOT } from '../support/extension-files';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST = process.env.E2E_FIREFOX_DIST_DIR ?? join(REPO_ROOT, 'dist-firefox');
/** The moz-extension:// host of the installed copy, fixed by the pref `extensions.webextensions.uuids`. */
const EXTENSION_UUID = '6b3f2e1a-9c4d-4e7b-8a15-3d2c1b0a9f87';
const CONTROL_PAGE = 'e2e-control.html';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  browser_specific_settings: { gecko: { id: string } };
  action: { default_popup: string };
  options_ui: { page: string };
}

/** An error's message with those of its causes, which is where puppeteer puts the protocol's. */
function causes(error: unknown): string {
  const messages: string[] = [];
  for (let cause = error; cause instanceof Error && messages.length < 10; cause = cause.cause) {
    messages.push(cause.message);
  }
  return messages.join(' / ');
}

export class FirefoxHarness {
  private constructor(
    readonly browser: Browser,
    private readonly manifest: Manifest,
    private readonly server: ArticleServer,
    private readonly tempRoot: string,
  ) {}

  /** Where the browser saves downloads, without a dialog. */
  get downloadsDir(): string {
    return join(this.tempRoot, 'downloads');
  }

  static async start(locale = 'ja'): Promise<FirefoxHarness> {
    const tempRoot = await mkdtemp(join(tmpdir(), 'weekly-clipper-firefox-'));
    const extension = join(tempRoot, 'extension');
    await cp(DIST, extension, { recursive: true });
    const manifest = JSON.parse(await readFile(join(extension, 'manifest.json'), 'utf8')) as Manifest;
    const patched = {
      ...manifest,
      permissions: [...new Set([...(manifest.permissions ?? []), 'tabs', 'clipboardRead'])],
      host_permissions: [...new Set([...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'])],
    };
    await writeFile(join(extension, 'manifest.json'), JSON.stringify(patched, null, 2));
    await writeFile(
      join(extension, CONTROL_PAGE),
      '<!doctype html><meta charset="utf-8"><title>control</title>',
    );
    const server = await startArticleServer();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      protocol: 'webDriverBiDi',
      userDataDir: join(tempRoot, 'profile'),
      // Lets the driver open moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({
          [manifest.browser_specific_settings.gecko.id]: EXTENSION_UUID,
        }),
        'intl.locale.requested': locale,
        // Host permissions are optional in Firefox's Manifest V3; the test copy's are granted at install.
        'extensions.originControls.grantByDefault': true,
        // permissions.request() grants without its prompt, which no driver can press: the team test's
        // 「接続」 asks the data-collection consent this way (tests/e2e-firefox/team-sync.test.ts).
        'extensions.webextOptionalPermissionPrompts': false,
        // Firefox 153 lets action.openPopup() open the popup without a user gesture when a window has
        // focus, which a headless run has or has not from one test to the next. Off, the context menu
        // takes its save-and-badge path every time; the popup path is covered in Chromium.
        'extensions.openPopupWithoutUserGesture.enabled': false,
        'browser.download.folderList': 2,
        'browser.download.dir': join(tempRoot, 'downloads'),
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
      },
    });
    try {
      await browser.installExtension(extension);
    } catch (error) {
      await browser.close();
      await server.close();
      throw error;
    }
    return new FirefoxHarness(browser, manifest, server, tempRoot);
  }

  extensionUrl(path: string): string {
    return `moz-extension://${EXTENSION_UUID}/${path.replace(/^\/+/, '')}`;
  }

  get optionsUrl(): string {
    return this.extensionUrl(this.manifest.options_ui.page);
  }

  popupUrl(tabId: number): string {
    return `${this.extensionUrl(this.manifest.action.default_popup)}?tabId=${tabId}`;
  }

  /** An article page; `head` adds to its query what its head should say (tests/e2e/article-server.ts). */
  articleUrl(slug: string, title: string, head: Record<string, string> = {}): string {
    const query = new URLSearchParams({ title, ...head });
    return `${this.server.origin}/article/${encodeURIComponent(slug)}?${query}`;
  }

  /**
   * Opens `url` in a new tab and waits for `selector`. `goto` on an extension page may never resolve in
   * Firefox over BiDi, so the navigation is not awaited; the selector is. Now and then every wait in such
   * a tab fails with a protocol error (firefox-esr 153: "right-hand side of 'in' should be an object"
   * in the driver's own script.sys.mjs); the tab is then closed and the page opened again, at most
   * three times. Opening a page again is what a person does with a popup, and changes nothing stored.
   */
  async open(url: string, selector: string): Promise<Page> {
    for (let attempt = 1; ; attempt += 1) {
      const page = await this.browser.newPage();
      page.goto(url).catch(() => undefined);
      try {
        await page.waitForSelector(selector, { timeout: 10_000 });
        return page;
      } catch (error) {
        await page.close().catch(() => undefined);
        if (attempt === 3 || !/Protocol error|unknown error/.test(causes(error))) throw error;
      }
    }
  }

  /** Opens an article in a new tab and finds its tab id. */
  async openArticle(
    slug: string,
    title: string,
    head: Record<string, string> = {},
  ): Promise<{ page: Page; tabId: number; url: string }> {
    const url = this.articleUrl(slug, title, head);
    const page = await this.browser.newPage();
    await page.goto(url);
    const control = await this.open(this.extensionUrl(CONTROL_PAGE), 'title');
    try {
      const tabs = await control.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
          }
        ).browser;
        return api.tabs.query({});
      });
      const tab = tabs.find((candidate) => candidate.url === url);
      if (tab?.id === undefined) throw new Error(`no tab shows ${url}: ${JSON.stringify(tabs)}`);
      return { page, tabId: tab.id, url };
    } finally {
      await control.close();
    }
  }

  /**
   * What a click on a context-menu entry runs (src/background/main.ts), with the arguments the menu
   * passes, called in the background page (no driver can right-click); then the tab's badge and tooltip.
   */
  async menuClick(
    click: Record<string, unknown>,
    tabId: number,
  ): Promise<{ outcome: unknown; badge: [string, string] }> {
    const control = await this.open(this.extensionUrl(CONTROL_PAGE), 'title');
    try {
      return await control.evaluate(
        async (click, tabId) => {
          interface Api {
            runtime: { getBackgroundPage(): Promise<Window> };
            tabs: { get(id: number): Promise<unknown> };
            action: {
              getBadgeText(details: { tabId: number }): Promise<string>;
              getTitle(details: { tabId: number }): Promise<string>;
            };
          }
          const api = (globalThis as unknown as { browser: Api }).browser;
          const background = (await api.runtime.getBackgroundPage()) as unknown as {
            weeklyClipperMenuClick(click: unknown, tab: unknown): Promise<unknown>;
          };
          const outcome = await background.weeklyClipperMenuClick(click, await api.tabs.get(tabId));
          const badge: [string, string] = [
            await api.action.getBadgeText({ tabId }),
            await api.action.getTitle({ tabId }),
          ];
          // Through JSON: an object made in the background page is not readable from here as it is.
          return JSON.parse(JSON.stringify({ outcome, badge }));
        },
        click,
        tabId,
      );
    } finally {
      await control.close();
    }
  }

  /** The extension's keyboard commands as Firefox registered them (`browser.commands.getAll`). */
  async commands(): Promise<{ name?: string; shortcut?: string }[]> {
    const control = await this.open(this.extensionUrl(CONTROL_PAGE), 'title');
    try {
      return await control.evaluate(() => {
        const api = (
          globalThis as unknown as {
            browser: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
          }
        ).browser;
        return api.commands.getAll();
      });
    } finally {
      await control.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.close();
    await rm(this.tempRoot, { recursive: true, force: true });
  }
}
