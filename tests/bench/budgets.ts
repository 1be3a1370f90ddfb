/**
 * The budgets of issue 8, in one place: the size test (tests/e2e/bundle-size.test.ts) asserts the sizes,
 * `npm run bench` reports every budget as pass or fail. Timings are never asserted.
 */

const KIB = 1024;

/** What a page loads (JS + CSS, each file gzipped), in bytes. */
export const SIZE_BUDGETS = {
  // Issue 8's budget: 12 KB, read as 12,000 bytes (the stricter of KB and KiB). What a popup needs only
  // sometimes (the save path, the published panel and conflict question, storage errors' words, the
  // migrations) loads later and is not counted. 13,166 B before the third pass of issue 8.
  popup: 12_000,
  // Today's size plus about 5%: it may not grow unnoticed. 86.1 KiB when set (issue 8); 91.3 KiB with
  // the title cleanup rules, their parser and their settings field (issue 9); 96.4 KiB with issue 10's
  // topic, footer, Zenn checks, repeated-link marks, link cards and first-run setup. The setup cannot
  // be a lazy chunk of its own yet: a second lazy chunk on this page meets rolldown/rolldown#10731.
  // 101.4 KiB with issue 11's team repository panel, its actions and the publish button; git itself
  // (isomorphic-git, its file system) is a chunk loaded only once connected, not counted.
  options: 106 * KIB,
} as const;

/** How a measured figure is compared with its budget. */
export type Budget =
  /** The figure's median divided by the median of the blank page measured with it. */
  | { kind: 'ratio'; max: number }
  /** The figure's median in milliseconds. */
  | { kind: 'ms'; max: number }
  /**
   * The figure's median divided by the median of the hand-written floor page `floor`, measured in the
   * same rounds: how far above what any page of this kind can do.
   */
  | { kind: 'floor'; floor: string; max: number };

/** Time budgets by figure id (the ids `npm run bench` writes to bench/results.json). */
export const TIME_BUDGETS: Readonly<Record<string, Budget>> = {
  // Issue 8 puts the popup at its floor: ready ≤ 1.6× blank where the page that reads the tab is 1.57×,
  // clipped ≤ 2.0× where the page that also reads the database is 1.9×. This bench's clock (from the
  // request to open the page) reads those floors at 1.8× and 2.1×, the same pages, so the popup's
  // budgets are kept as the issue states them relative to the floor: 1.6 / 1.57 and 2.0 / 1.9
  // (docs/performance.md, "The popup's budgets").
  'popup-ready': { kind: 'floor', floor: 'floor-tab', max: 1.02 },
  'popup-clipped-10k': { kind: 'floor', floor: 'floor-db-clipped-10k', max: 1.05 },
  'options-ready-10k': { kind: 'ratio', max: 4 },
  'afterword-key-10k': { kind: 'ms', max: 16 },
  'options-ready-500': { kind: 'ratio', max: 4 },
  'afterword-key-500': { kind: 'ms', max: 16 },
  'move-up-500': { kind: 'ms', max: 50 },
  // "No long task over 50 ms" while an open options page takes in a clipping saved from the popup.
  'popup-save-seen-500-longest-task': { kind: 'ms', max: 50 },
  'search-10k': { kind: 'ms', max: 30 },
  'options-ready-100k': { kind: 'ms', max: 2000 },
  'afterword-key-100k': { kind: 'ms', max: 16 },
};
