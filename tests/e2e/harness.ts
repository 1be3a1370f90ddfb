/**
 * Loads the built extension (dist/) into Debian's Chromium with playwright-core and drives it as a person
 * would: article pages from a local HTTP server, the popup opened on a tab, the options page.
 * tests/e2e/README.md describes the contract the UI keeps with these tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type ArticleServer, startArticleServer } from './article-server';
import { CONTROL_PAGE, type ExtensionCopy, prepareExtensionCopy, stripSlash } from './extension-copy';
import { type FormState, waitForLoadedForm } from './popup';
import { readClippings, readDraft, type StoredDraft } from './stored-drafts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const DEFAULT_DIST = join(REPO_ROOT, 'dist');

/** The `chrome` global of an extension page, as far as these tests use it. */
declare const chrome: {
  runtime: { id: string };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    get(tabId: number): Promise<{ id?: number; url?: string }>;
  };
};

export interface OpenedTab {
  page: Page;
  tabId: number;
}

/** The toolbar's real popup (Harness.clickToolbarButton): evaluates an expression in it. */
export type ToolbarPopup = ((expression: string) => Promise<unknown>) & { isOpen(): Promise<boolean> };

export interface HarnessOptions {
  /** A built extension; defaults to $E2E_DIST_DIR, else the repository's dist/. */
  distDir?: string;
  /** Extra files for the extension copy only (path inside the extension → text), e.g. the bench's pages. */
  extraFiles?: Readonly<Record<string, string>>;
  /**
   * Chromium's UI language, and with it the extension's `_locales`: Japanese (the product's default)
   * unless a test asks for English. Chromium on Linux takes it from LANGUAGE/LANG, not from `--lang`;
   * Debian's chromium needs chromium-l10n for anything but en-US.
   */
  language?: 'ja' | 'en';
}

export class Harness {
  private contextOrNull: BrowserContext | null = null;
  private controlPageOrNull: Page | null = null;
  private readonly errors: string[] = [];

  private constructor(
    private readonly copy: ExtensionCopy,
    private readonly extensionDir: string,
    private readonly profileDir: string,
    private readonly tempRoot: string,
    private readonly server: ArticleServer,
    private readonly language: 'ja' | 'en',
  ) {}

  /** Copies and patches dist/, starts the article server and launches Chromium. */
  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const distDir = options.distDir ?? process.env.E2E_DIST_DIR ?? DEFAULT_DIST;
    const tempRoot = await mkdtemp(join(tmpdir(), 'weekly-clipper-e2e-'));
    const extensionDir = join(tempRoot, 'extension');
    let copy: ExtensionCopy;
    let server: ArticleServer;
    try {
      copy = await prepareExtensionCopy(distDir, extensionDir, options.extraFiles);
      server = await startArticleServer();
    } catch (error) {
      await rm(tempRoot, { recursive: true, force: true });
      throw error;
    }
    const harness = new Harness(
      copy,
      extensionDir,
      join(tempRoot, 'profile'),
      tempRoot,
      server,
      options.language ?? 'ja',
    );
    try {
      await harness.launch();
    } catch (error) {
      await harness.close();
      throw error;
    }
    return harness;
  }

  get extensionId(): string {
    return this.copy.extensionId;
  }

  get context(): BrowserContext {
    if (!this.contextOrNull) throw new Error('Chromium is not running');
    return this.contextOrNull;
  }

  get baseUrl(): string {
    return this.server.origin;
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${stripSlash(path)}`;
  }

  /**
   * A URL of the article server. Every path and query is served; the page's <title> is `title` when
   * given, else the query's `title` parameter, else one made from the path.
   */
  articleUrl(slug: string, query = '', hash = ''): string {
    const search = query === '' || query.startsWith('?') ? query : `?${query}`;
    const fragment = hash === '' || hash.startsWith('#') ? hash : `#${hash}`;
    return `${this.server.origin}/article/${encodeURIComponent(slug)}${search}${fragment}`;
  }

  /** Opens a URL in a new tab and finds its tab id. */
  async openTab(url: string): Promise<OpenedTab> {
    const before = new Set((await this.queryTabs()).map((tab) => tab.id));
    const page = await this.context.newPage();
    await page.goto(url);
    const tabId = await this.findNewTab(before, page.url());
    return { page, tabId };
  }

  /** The popup's URL clipping tab `tabId` (the manifest's action.default_popup with `?tabId=N`). */
  popupUrl(tabId: number): string {
    return `${this.extensionUrl(this.copy.popupPath)}?tabId=${tabId}`;
  }

  /** The options page's URL (the manifest's options_ui.page). */
  get optionsUrl(): string {
    return this.extensionUrl(this.copy.optionsPath);
  }

  /** The popup page on tab `tabId`, in a tab of its own. */
  async openPopup(tabId: number): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.popupUrl(tabId));
    return page;
  }

  /**
   * Clicks the extension's toolbar button on the tab showing `page`, as a person does: Chromium opens
   * the real popup with the click's activeTab grant (CDP `Extensions.triggerAction`). Playwright does not
   * attach to an extension's popup, so the popup is reached through the browser's CDP session; the
   * returned function evaluates an expression in it and gives its value, and `isOpen` tells whether
   * the popup is still there (it closes itself after a save).
   */
  async clickToolbarButton(page: Page): Promise<ToolbarPopup> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser to click the toolbar of');
    const cdp = await browser.newBrowserCDPSession();
    type Targets = { targetInfos: { targetId: string; url: string; type: string }[] };
    const { targetInfos } = (await cdp.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    } as never)) as Targets;
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab shows ${page.url()}`);
    await cdp.send(
      'Extensions.triggerAction' as never,
      { id: this.extensionId, targetId: tab.targetId } as never,
    );
    const popupUrl = this.extensionUrl(this.copy.popupPath);
    let popup: { targetId: string } | undefined;
    for (const deadline = Date.now() + 10_000; !popup && Date.now() < deadline; await delay(50)) {
      popup = ((await cdp.send('Target.getTargets')) as Targets).targetInfos.find(
        (target) => target.type === 'page' && target.url.startsWith(popupUrl),
      );
    }
    if (!popup) throw new Error('the toolbar button opened no popup');
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: popup.targetId,
      flatten: false,
    } as never)) as { sessionId: string };
    let nextId = 0;
    const evaluate = async (expression: string) => {
      const id = ++nextId;
      const answer = new Promise<unknown>((resolve, reject) => {
        const listener = (event: { sessionId: string; message: string }) => {
          const message = JSON.parse(event.message) as {
            id?: number;
            result?: { result?: { value?: unknown }; exceptionDetails?: { text: string } };
            error?: { message: string };
          };
          if (event.sessionId !== sessionId || message.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget' as never, listener as never);
          const failure = message.error?.message ?? message.result?.exceptionDetails?.text;
          if (failure) reject(new Error(`in the popup: ${failure}`));
          else resolve(message.result?.result?.value);
        };
        cdp.on('Target.receivedMessageFromTarget' as never, listener as never);
      });
      const params = { expression, awaitPromise: true, returnByValue: true };
      await cdp.send(
        'Target.sendMessageToTarget' as never,
        {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.evaluate', params }),
        } as never,
      );
      return answer;
    };
    const isOpen = async () =>
      ((await cdp.send('Target.getTargets')) as Targets).targetInfos.some(
        (target) => target.targetId === popup.targetId,
      );
    return Object.assign(evaluate, { isOpen });
  }

  /** Opens the popup on `tabId` and waits until it has loaded the tab, clipping and draft. */
  async openPopupReady(tabId: number): Promise<{ popup: Page; state: FormState }> {
    const popup = await this.openPopup(tabId);
    const state = await waitForLoadedForm(popup);
    return { popup, state };
  }

  /**
   * Opens the options page. A fresh profile opens on the first-run setup (`setup`); unless `setup` is
   * `keep`, it is skipped through its own button, as a person who does not need it does, so that a test
   * about something else starts on the issue editor as before the setup existed (tests/e2e/setup.test.ts
   * walks through the setup itself).
   */
  async openOptions({ setup = 'skip' }: { setup?: 'skip' | 'keep' } = {}): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.optionsUrl);
    if (setup === 'skip') await skipSetup(page);
    return page;
  }

  /** The extension's keyboard commands as Chromium registered them (`chrome.commands.getAll`). */
  async commands(): Promise<{ name?: string; shortcut?: string }[]> {
    const control = await this.controlPage();
    return control.evaluate(() => chrome.commands.getAll());
  }

  /** The popup's stored draft for a tab URL (see stored-drafts.ts). */
  /** Every stored clipping (tests/e2e/stored-drafts.ts readClippings). */
  async readClippings(): Promise<Record<string, unknown>[]> {
    return readClippings(await this.controlPage());
  }

  async readDraft(tabUrl: string): Promise<StoredDraft | undefined> {
    return readDraft(await this.controlPage(), tabUrl);
  }

  /** Polls `readDraft` until `accept` holds; fails with the last draft seen. */
  async waitForDraft(
    tabUrl: string,
    accept: (draft: StoredDraft | undefined) => boolean,
    timeoutMs = 10_000,
  ): Promise<StoredDraft | undefined> {
    const deadline = Date.now() + timeoutMs;
    let draft = await this.readDraft(tabUrl);
    while (!accept(draft)) {
      if (Date.now() > deadline) {
        throw new Error(`the draft for ${tabUrl} never matched; last seen: ${JSON.stringify(draft)}`);
      }
      await delay(50);
      draft = await this.readDraft(tabUrl);
    }
    return draft;
  }

  /** Uncaught exceptions and console errors of the extension's pages since the last call; clears them. */
  takePageErrors(): string[] {
    return this.errors.splice(0);
  }

  /** Closes Chromium and starts it again on the same profile and extension copy. */
  async restart(): Promise<void> {
    await this.closeBrowser();
    await this.launch();
  }

  /** Closes Chromium and the server and removes the temporary copy and profile. */
  async close(): Promise<void> {
    await this.closeBrowser();
    await this.server.close();
    await rm(this.tempRoot, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const dir = this.extensionDir;
    const context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      // Playwright's `headless: true` adds plain `--headless`, which in Chromium ≥ 132 is the new headless
      // mode, and that one loads extensions (https://developer.chrome.com/docs/chromium/headless).
      headless: true,
      env: {
        ...process.env,
        LANGUAGE: this.language,
        LANG: this.language === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8',
      },
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    this.contextOrNull = context;
    context.on('page', (page) => this.watchErrors(page));
    for (const page of context.pages()) this.watchErrors(page);
    const control = await this.controlPage();
    const loadedId = await control.evaluate(() => chrome.runtime.id).catch(() => undefined);
    if (loadedId !== this.extensionId) {
      throw new Error(
        `the extension did not load as ${this.extensionId} (got ${String(loadedId)}); is ${dir} a valid extension for this Chromium?`,
      );
    }
  }

  private watchErrors(page: Page): void {
    const where = () => page.url().replace(/^chrome-extension:\/\/[a-p]{32}/, '');
    page.on('pageerror', (error) => this.errors.push(`${where()}: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`${where()}: console.error: ${message.text()}`);
    });
  }

  private async closeBrowser(): Promise<void> {
    const context = this.contextOrNull;
    this.contextOrNull = null;
    this.controlPageOrNull = null;
    await context?.close();
  }

  /** The extension's background service worker, once it runs. */
  async serviceWorker(): Promise<Worker> {
    return this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
  }

  /**
   * What a click on a context-menu entry runs (src/background/main.ts), with the arguments the menu
   * passes: the click's data and the tab, read from chrome.tabs. No driver can right-click a page.
   */
  async menuClick(click: Record<string, unknown>, tabId: number): Promise<unknown> {
    const worker = await this.serviceWorker();
    return worker.evaluate(
      async ({ click, tabId }) => {
        const scope = globalThis as unknown as {
          weeklyClipperMenuClick(click: unknown, tab: unknown): Promise<unknown>;
        };
        return scope.weeklyClipperMenuClick(click, await chrome.tabs.get(tabId));
      },
      { click, tabId },
    );
  }

  /** One extension page kept open for chrome.tabs and IndexedDB look-ups. */
  private async controlPage(): Promise<Page> {
    if (this.controlPageOrNull && !this.controlPageOrNull.isClosed()) return this.controlPageOrNull;
    const page =
      this.context.pages().find((candidate) => candidate.url() === 'about:blank') ??
      (await this.context.newPage());
    await page.goto(this.extensionUrl(CONTROL_PAGE));
    this.controlPageOrNull = page;
    return page;
  }

  private async queryTabs(): Promise<{ id?: number; url?: string }[]> {
    const control = await this.controlPage();
    return control.evaluate(() => chrome.tabs.query({}));
  }

  /** The tab that was not there before and shows `url`; waits for the tab's URL to settle. */
  private async findNewTab(before: Set<number | undefined>, url: string): Promise<number> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const tabs = await this.queryTabs();
      const fresh = tabs.filter((tab) => !before.has(tab.id) && tab.url === url);
      if (fresh.length === 1 && fresh[0]?.id !== undefined) return fresh[0].id;
      if (Date.now() > deadline) {
        throw new Error(`no single new tab shows ${url}; tabs: ${JSON.stringify(tabs)}`);
      }
      await delay(50);
    }
  }
}

/**
 * Skips the first-run setup if the page offers it. The page is `aria-busy` until it knows whether it
 * does; a page that never loads is left as it is, for the test to see why.
 */
async function skipSetup(page: Page): Promise<void> {
  const decided = await page
    .locator('.options:not([aria-busy="true"])')
    .waitFor({ timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  const setup = page.locator('[data-testid="setup"]');
  if (!decided || (await setup.count()) === 0) return;
  await page.locator('[data-testid="setup-skip"]').click();
  await setup.waitFor({ state: 'detached' });
}
