/**
 * What the look tests (tests/e2e/look.test.ts, tests/e2e-firefox/look.test.ts) read in a page: computed
 * font sizes and how many lines a piece of text takes. The `read*` functions run in the page (passed to
 * `page.evaluate`), so each is self-contained.
 */

/** Body text at 14 px is intended; 13 px is the least (issue 10). Labels and counters may be 12 px. */
export const MIN_TEXT_PX = 13;

export interface Reading {
  what: string;
  px: number;
}

export interface LineCount {
  text: string;
  lines: number;
}

/** In the page: the computed font size of the first element matching each selector (0 when none). */
export function readFontSizes(selectors: Record<string, string>): Reading[] {
  return Object.entries(selectors).map(([what, selector]) => {
    const element = document.querySelector(selector);
    return { what, px: element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0 };
  });
}

/** In the page: the font size of every shown button and text control, named by its test id or text. */
export function readControlFontSizes(): Reading[] {
  return [...document.querySelectorAll<HTMLElement>('button, input, textarea, select')]
    .filter((element) => element.getClientRects().length > 0 && element.offsetWidth > 1)
    .filter((element) => !['checkbox', 'radio', 'file'].includes((element as HTMLInputElement).type))
    .map((element) => ({
      what: `${element.localName} ${element.dataset.testid ?? element.id} ${element.textContent?.trim()}`,
      px: Number.parseFloat(getComputedStyle(element).fontSize),
    }));
}

/**
 * In the page: how many lines each shown element matching `selector` takes, counted as the distinct
 * line boxes its text's rectangles sit on (a rectangle whose vertical middle falls within a line
 * already seen is on that line). A button's height would also count its padding and a taller font.
 */
export function readLineCounts(selector: string): LineCount[] {
  const range = document.createRange();
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((element) => element.getClientRects().length > 0 && element.offsetWidth > 1)
    .map((element) => {
      range.selectNodeContents(element);
      const lines: { top: number; bottom: number }[] = [];
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue;
        const middle = (rect.top + rect.bottom) / 2;
        if (!lines.some((line) => middle >= line.top && middle <= line.bottom)) {
          lines.push({ top: rect.top, bottom: rect.bottom });
        }
      }
      return { text: element.textContent?.trim() ?? '', lines: lines.length };
    });
}

/**
 * In the page: the text of each shown element matching `selector` that sticks out of `container` to the
 * left or right. Overflow towards the start of a row justified to its end (`.actions`) adds nothing to
 * `scrollWidth`, so boxes are compared instead.
 */
export function readOutside({ container, selector }: { container: string; selector: string }): string[] {
  const bounds = document.querySelector(container)?.getBoundingClientRect();
  if (!bounds) return [`no ${container}`];
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((element) => element.getClientRects().length > 0 && element.offsetWidth > 1)
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5;
    })
    .map((element) => element.textContent?.trim() ?? '');
}

/** The readings under the minimum; a test expects none, and a failure names them. */
export const tooSmall = (readings: Reading[]): Reading[] =>
  readings.filter((reading) => !(reading.px >= MIN_TEXT_PX));

/** The elements on more than one line (or on none, which would mean nothing was measured). */
export const wrapped = (counts: LineCount[]): LineCount[] => counts.filter((count) => count.lines !== 1);
