/** Measuring pages of the extension in Chromium: loads interleaved with the blank page, interactions. */
import { setTimeout as delay } from 'node:timers/promises';
import type { Locator, Page } from 'playwright-core';
import type { Harness } from '../e2e/harness';
import { byTestId } from '../e2e/options-page';
import { type Figure, type FigureStatus, makeFigure } from './figures';
import { BLANK_PAGE } from './pages';
import { type Interaction, installRecorder, type ReadyCondition, type Recording } from './recorder';

const SETTLE_MS = 100;

type Instrumented = Window & { __bench?: Recording & { arm(spec: Interaction): void } };

export interface Series {
  runs: number[];
  status: FigureStatus;
  note?: string;
}

/** Opens `url` in a new tab with the recorder installed before the page's own scripts. */
export async function openRecorded(harness: Harness, url: string, ready: ReadyCondition): Promise<Page> {
  const page = await harness.context.newPage();
  await page.addInitScript(installRecorder, ready);
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

/** Waits until the recorder has `field` (polling every 20 ms, which costs the page next to nothing). */
export async function waitForRecording(
  page: Page,
  field: 'readyAt' | 'doneAt',
  timeoutMs: number,
): Promise<Recording> {
  await page.waitForFunction(
    (key) => {
      const recording = (window as Instrumented).__bench;
      return recording !== undefined && recording[key] !== null;
    },
    field,
    { timeout: timeoutMs, polling: 20 },
  );
  return page.evaluate(() => {
    const { readyAt, startAt, doneAt, timeOrigin, longTasks, late } = (window as Instrumented)
      .__bench as Recording;
    return { readyAt, startAt, doneAt, timeOrigin, longTasks: [...longTasks], late };
  });
}

/** How long a person holds the mouse button in a click (about 100 ms; 80 here). */
const CLICK_HOLD_MS = 80;

/**
 * Clicks `target` as a person does: the pointer comes to rest on it, the button goes down, is held, and
 * comes up. Playwright's own click sends down and up back to back, and checks the hit target in between
 * (a forced layout of the whole page per check): at 500 items that queued the click 20–50 ms behind
 * work a person's click never waits for, since their button is still held while it runs.
 */
export async function clickLikeAPerson(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('the element to click is not shown');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(CLICK_HOLD_MS);
  await page.mouse.up();
}

export function arm(page: Page, spec: Interaction): Promise<void> {
  return page.evaluate((armed) => (window as Instrumented).__bench?.arm(armed), spec);
}

/**
 * An idle blank page of the extension kept open during a series. An extension's pages share one renderer
 * process, so a closed options page can keep it busy (teardown, garbage) into the next page's load; an
 * evaluation in this page runs only once the renderer's main thread is free again.
 */
export class IdleProbe {
  private constructor(private readonly page: Page) {}

  static async open(harness: Harness): Promise<IdleProbe> {
    const page = await harness.context.newPage();
    await page.goto(harness.extensionUrl(BLANK_PAGE));
    return new IdleProbe(page);
  }

  /**
   * Waits a moment, then for two round trips into the renderer: each waits until its main thread is free
   * (a closed page's teardown, a garbage collection), whatever the machine's load.
   */
  async settle(): Promise<void> {
    await delay(SETTLE_MS);
    for (let trip = 0; trip < 2; trip += 1) {
      // A message, not a timer: timers of a tab in the background may be throttled to one a second.
      await this.page.evaluate(
        () =>
          new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(0);
          }),
      );
    }
  }

  /** Leaves `ready` for the launcher, asks for a tab on `url` and returns when it asked (timeOrigin + now). */
  open(url: string, ready: ReadyCondition): Promise<number> {
    return this.page.evaluate(
      ({ key, url, ready }) => {
        localStorage.setItem(key, JSON.stringify({ url, ready }));
        const requestedAt = performance.timeOrigin + performance.now();
        const { chrome } = globalThis as unknown as {
          chrome: { tabs: { create(properties: { url: string }): Promise<unknown> } };
        };
        void chrome.tabs.create({ url });
        return requestedAt;
      },
      { key: LAUNCH_KEY, url, ready },
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** Where the idle page leaves the next page's ready condition for the recorder (launcher below). */
const LAUNCH_KEY = 'bench-launch';
const launchers = new WeakSet<Harness>();

/**
 * Installs, once per browser context, a recorder for pages opened by `measureLoad`: the idle page leaves
 * `{ url, ready }` in the extension's localStorage (synchronous, shared by its pages) before it asks for
 * the tab, and the new page picks it up before any of its own scripts run. The product never uses
 * localStorage; the entry is removed as soon as it is read.
 */
async function installLauncher(harness: Harness): Promise<void> {
  if (launchers.has(harness)) return;
  launchers.add(harness);
  await harness.context.addInitScript({
    content: `(() => {
  let next = null;
  try { next = JSON.parse(localStorage.getItem(${JSON.stringify(LAUNCH_KEY)}) ?? 'null'); } catch {}
  if (!next || new URL(next.url).href !== location.href) return;
  localStorage.removeItem(${JSON.stringify(LAUNCH_KEY)});
  (${installRecorder.toString()})(next.ready);
})();`,
  });
}

/**
 * Milliseconds from the request to open the page to ready; the page is closed afterwards. The idle page
 * asks for a new tab (`chrome.tabs.create`) and notes the time; the new page notes when it is ready; both
 * are `timeOrigin + now` in the same renderer process, so one clock. This counts what a person waits
 * for after a click (the browser creating the view and starting its navigation) as well as the page's
 * own work, for the blank page as for every other page.
 */
export async function measureLoad(
  harness: Harness,
  url: string,
  ready: ReadyCondition,
  timeoutMs: number,
  probe: IdleProbe,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const { ms, late } = await loadOnce(harness, url, ready, timeoutMs, probe);
    // The blank page's late reading is exact (navigation timing); another page's may be late: again.
    if (late) lateLoads[ready.kind === 'blank' ? 'blank' : 'redone'] += 1;
    if (!late || ready.kind === 'blank') return ms;
    if (attempt === LATE_ATTEMPTS) throw new Error(`the recorder came late ${attempt} times in a row`);
  }
}

/** How often a load whose recorder came after the page was parsed is tried again. */
const LATE_ATTEMPTS = 3;

/** Loads seen with a late recorder (bench/results.json reports it): the blank page's kept, others redone. */
export const lateLoads = { blank: 0, redone: 0 };

async function loadOnce(
  harness: Harness,
  url: string,
  ready: ReadyCondition,
  timeoutMs: number,
  probe: IdleProbe,
): Promise<{ ms: number; late: boolean }> {
  await installLauncher(harness);
  // Only the tab asked for: any other page that opens meanwhile is not this load's.
  const wanted = new URL(url).href;
  const opened = harness.context.waitForEvent('page', {
    timeout: timeoutMs,
    predicate: async (page) => {
      if (page.url() === wanted) return true;
      await page.waitForURL(wanted, { waitUntil: 'commit', timeout: 2_000 }).catch(() => undefined);
      return page.url() === wanted;
    },
  });
  const requestedAt = await probe.open(url, ready);
  const page = await opened;
  try {
    const { readyAt, timeOrigin, late } = await waitForRecording(page, 'readyAt', timeoutMs).catch(
      async (error: unknown) => {
        throw new Error(`${await diagnose(page)}: ${error instanceof Error ? error.message : error}`);
      },
    );
    return { ms: timeOrigin + (readyAt as number) - requestedAt, late };
  } finally {
    await page.close();
    await probe.settle();
  }
}

/** Why a page opened by `measureLoad` never got ready: no recorder (the launcher missed it), or not ready. */
async function diagnose(page: Page): Promise<string> {
  try {
    return await page.evaluate(
      (key) =>
        (window as Instrumented).__bench
          ? 'recorder installed, page not ready'
          : `no recorder (launch entry: ${localStorage.getItem(key) ?? 'none'})`,
      LAUNCH_KEY,
    );
  } catch (error) {
    return `page not reachable (${error instanceof Error ? error.message.split('\n')[0] : error})`;
  }
}

export interface LoadSpec {
  id: string;
  label: string;
  url: string;
  ready: ReadyCondition;
}

function failure(error: unknown): { status: FigureStatus; note: string } {
  const message = error instanceof Error ? error.message : String(error);
  const timedOut = /timeout|exceeded/i.test(message);
  return { status: timedOut ? 'timeout' : 'error', note: message.split('\n')[0]?.slice(0, 160) ?? '' };
}

/**
 * Loads the blank page and then each spec's page, round after round (`warmups` rounds not counted), in
 * one browser session: each figure is compared with the blank runs made among its own.
 */
export async function loadSeries(
  harness: Harness,
  phase: string,
  specs: readonly LoadSpec[],
  {
    runs,
    warmups,
    timeoutMs,
    blankId,
  }: { runs: number; warmups: number; timeoutMs: number; blankId: string },
): Promise<{ figures: Figure[]; blank: number[] }> {
  const blank: number[] = [];
  const series = new Map<string, Series>(specs.map((spec) => [spec.id, { runs: [], status: 'ok' }]));
  const blankUrl = harness.extensionUrl(BLANK_PAGE);
  let blankFailure: { status: FigureStatus; note: string } | undefined;
  const probe = await IdleProbe.open(harness);
  try {
    for (let round = 0; round < warmups + runs; round += 1) {
      try {
        const blankMs = await measureLoad(harness, blankUrl, { kind: 'blank' }, timeoutMs, probe);
        if (round >= warmups) blank.push(blankMs);
      } catch (error) {
        // Without the blank page nothing of this phase can be compared: its figures say why.
        const failed = failure(error);
        blankFailure = failed;
        for (const entry of series.values()) if (entry.status === 'ok') Object.assign(entry, failed);
        break;
      }
      for (const spec of specs) {
        const entry = series.get(spec.id) as Series;
        if (entry.status !== 'ok') continue;
        try {
          const ms = await measureLoad(harness, spec.url, spec.ready, timeoutMs, probe);
          if (round >= warmups) entry.runs.push(ms);
        } catch (error) {
          Object.assign(entry, failure(error));
        }
      }
    }
  } finally {
    await probe.close();
  }
  const figures = [
    makeFigure(
      blankId,
      'blank page (opened → parsed)',
      phase,
      blank,
      blank,
      blankFailure?.status,
      blankFailure?.note,
    ),
    ...specs.map((spec) => {
      const entry = series.get(spec.id) as Series;
      return makeFigure(spec.id, spec.label, phase, entry.runs, blank, entry.status, entry.note);
    }),
  ];
  return { figures, blank };
}

/**
 * Repeats an interaction on an open page: `prepare` returns what to wait for, `act` performs the input;
 * each run is startAt (the input event) → doneAt (the DOM shows the result). Between runs the page is
 * left `settleMs` to finish what the input started (saves), as a person's next key would.
 */
export async function interactionSeries(
  page: Page,
  {
    runs,
    warmups,
    timeoutMs,
    settleMs = 200,
  }: { runs: number; warmups: number; timeoutMs: number; settleMs?: number },
  prepare: (run: number) => Promise<Interaction | null>,
  act: (run: number) => Promise<void>,
): Promise<Series> {
  const series: Series = { runs: [], status: 'ok' };
  for (let run = 0; run < warmups + runs; run += 1) {
    try {
      const spec = await prepare(run);
      if (!spec) {
        Object.assign(series, { status: 'error', note: `nothing left to do at run ${run}` });
        break;
      }
      await arm(page, spec);
      await act(run);
      const { startAt, doneAt } = await waitForRecording(page, 'doneAt', timeoutMs);
      if (run >= warmups) series.runs.push((doneAt as number) - (startAt as number));
      await page.waitForTimeout(settleMs);
    } catch (error) {
      Object.assign(series, failure(error));
      break;
    }
  }
  return series;
}

export interface ImportResult {
  ok: boolean;
  message: string;
  /** Wall-clock ms from choosing the file to the status shown (informational; one run). */
  ms: number;
}

/** Imports a backup through the options page's settings view, as a person would; merges (no replace). */
export async function importBackup(
  harness: Harness,
  name: string,
  text: string,
  timeoutMs: number,
): Promise<ImportResult> {
  const options = await harness.openOptions();
  try {
    await byTestId(options, 'nav-settings').click();
    const started = Date.now();
    await byTestId(options, 'backup-import').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const done = options.locator(
      '[data-testid="backup-status"][data-state="ok"], [data-testid="backup-status"][data-state="error"]',
    );
    await done.first().waitFor({ state: 'attached', timeout: timeoutMs });
    const ms = Date.now() - started;
    const state = await done.first().getAttribute('data-state');
    const message = ((await done.first().textContent()) ?? '').trim();
    return { ok: state === 'ok', message, ms };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { ok: false, message: `no import status: ${message}`, ms: Number.NaN };
  } finally {
    await options.close();
  }
}
