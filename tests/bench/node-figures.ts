/** The figures measured in Node: rendering an issue, reading and planning a backup import. */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { renderPreviewHtml } from '../../src/core/render/markdown-preview';
import { type IssueSource, renderZenn } from '../../src/core/render/zenn';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { parseBackup } from '../../src/core/transfer/backup';
import { planMerge } from '../../src/core/transfer/backup-merge';
import { makeClipping, makeIssue } from '../support/factories';
import { HOSTILE_INPUTS } from '../support/hostile-inputs';
import { type Figure, makeFigure, median } from './figures';
import { type Library, OPEN_ISSUE_ID } from './fixtures';

const HOSTILE_ISSUE = makeIssue();

function time(runs: number, warmups: number, work: () => void): number[] {
  const times: number[] = [];
  for (let run = 0; run < warmups + runs; run += 1) {
    const start = performance.now();
    work();
    const ms = performance.now() - start;
    if (run >= warmups) times.push(ms);
  }
  return times;
}

export function nodeFigures(library10k: Library, library100k: Library, runs: number): Figure[] {
  const parsed = parseBackup(library10k.text);
  if (!parsed.ok)
    throw new Error(`the 10,000-clipping fixture does not parse: ${JSON.stringify(parsed.errors[0])}`);
  const { backup } = parsed;
  const issue = backup.issues.find((candidate) => candidate.id === OPEN_ISSUE_ID);
  if (!issue) throw new Error('the fixture has no open issue');
  const items = backup.clippings.filter((clipping) => clipping.issueId === issue.id);
  const source = { issue, clippings: items, categories: backup.categories, settings: backup.settings };
  const figures = [
    makeFigure(
      'render-zenn-300',
      `renderZenn, ${items.length}-item issue (Node)`,
      'Node',
      time(Math.max(runs, 30), 3, () => renderZenn(source)),
      null,
    ),
    makeFigure(
      'parse-backup-10k',
      `parseBackup, 10,000 clippings, ${(library10k.bytes / 2 ** 20).toFixed(1)} MiB (Node)`,
      'Node',
      time(runs, 1, () => parseBackup(library10k.text)),
      null,
    ),
  ];
  const empty = { clippings: [], issues: [], categories: [], settings: DEFAULT_SETTINGS };
  figures.push(
    makeFigure(
      'plan-merge-10k',
      'planMerge, 10,000 clippings into an empty install (Node)',
      'Node',
      time(runs, 1, () => planMerge(empty, backup)),
      null,
    ),
  );
  const huge = parseBackup(library100k.text);
  figures.push(
    makeFigure(
      'parse-backup-100k',
      `parseBackup, 100,000 clippings, ${(library100k.bytes / 2 ** 20).toFixed(1)} MiB (Node)`,
      'Node',
      time(runs, 1, () => parseBackup(library100k.text)),
      null,
      'ok',
      huge.ok ? undefined : `refused: ${huge.errors[0]?.code ?? '?'}`,
    ),
  );
  return figures;
}

/**
 * The long hostile inputs (tests/support/hostile-inputs.ts), each as one item's title or note, rendered
 * to Markdown and to the preview's HTML: the slowest of them, as one figure. (These were 250 ms asserts
 * once, which failed on a loaded machine; they are reported here instead.)
 */
export function hostileFigure(runs: number): Figure {
  const issue = { ...HOSTILE_ISSUE };
  const render = (source: IssueSource) => () => renderPreviewHtml(renderZenn(source));
  // Three runs each pick the slowest input; it alone gets the full series.
  let slowest: { name: string; source: IssueSource; median: number } | null = null;
  for (const input of HOSTILE_INPUTS.filter(({ name }) => name.startsWith('long:'))) {
    const clippings = [
      makeClipping({ issueId: issue.id, title: input.title ?? '題', note: input.note ?? '' }),
    ];
    const source = { issue, clippings, categories: DEFAULT_CATEGORIES, settings: DEFAULT_SETTINGS };
    const quick = median(time(3, 1, render(source))) ?? 0;
    if (!slowest || quick > slowest.median) slowest = { name: input.name, source, median: quick };
  }
  return makeFigure(
    'render-hostile-slowest',
    'renderZenn + preview HTML, slowest long hostile input (Node)',
    'Node',
    slowest ? time(runs, 0, render(slowest.source)) : [],
    null,
    'ok',
    slowest?.name,
  );
}
