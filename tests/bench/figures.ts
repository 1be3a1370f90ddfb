/** The figures of `npm run bench`: series of runs, their summaries, budgets and the printed table. */
import { type Budget, TIME_BUDGETS } from './budgets';

export type FigureStatus =
  | 'ok'
  /** The product refused the data (e.g. a backup over the importer's limit): nothing to measure. */
  | 'refused'
  /** A run did not finish in time; the series stopped there. */
  | 'timeout'
  | 'error';

export interface Figure {
  id: string;
  label: string;
  /** Which data the figure was measured with. */
  phase: string;
  status: FigureStatus;
  /** Why the figure is not ok, or how it was measured when that is not obvious. */
  note?: string;
  /** Milliseconds, one per timed run (warm-up runs excluded). */
  runs: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  /** Median of the blank page's runs interleaved with this figure's (same browser, same phase). */
  blankMedian: number | null;
  /** median ÷ blankMedian. */
  ratio: number | null;
  budget?: Budget;
  /** median ÷ the floor page's median, for a budget relative to a floor. */
  floorRatio?: number | null;
  pass?: boolean | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function makeFigure(
  id: string,
  label: string,
  phase: string,
  runs: number[],
  blankRuns: readonly number[] | null,
  status: FigureStatus = 'ok',
  note?: string,
): Figure {
  const mid = status === 'ok' ? median(runs) : null;
  const blankMedian = blankRuns ? median(blankRuns) : null;
  const ratio = mid !== null && blankMedian ? mid / blankMedian : null;
  const budget = TIME_BUDGETS[id];
  let pass: boolean | null | undefined;
  if (budget && budget.kind !== 'floor') {
    const value = budget.kind === 'ratio' ? ratio : mid;
    pass = value === null ? null : value <= budget.max;
  }
  // A floor budget is judged by judgeFloorBudgets, once the floor's figure is there too.
  return {
    id,
    label,
    phase,
    status,
    ...(note ? { note: note.replace(/\s+/g, ' ').trim() } : {}),
    runs: runs.map((run) => Math.round(run * 100) / 100),
    median: mid,
    min: status === 'ok' && runs.length > 0 ? Math.min(...runs) : null,
    max: status === 'ok' && runs.length > 0 ? Math.max(...runs) : null,
    blankMedian,
    ratio,
    ...(budget ? { budget, pass } : {}),
  };
}

function ms(value: number | null): string {
  return value === null ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function formatBudget(budget: Budget | undefined): string {
  if (!budget) return '';
  if (budget.kind === 'floor') return `≤ ${budget.max}× ${budget.floor}`;
  return budget.kind === 'ratio' ? `≤ ${budget.max}×` : `≤ ${budget.max} ms`;
}

/**
 * Judges every figure whose budget is relative to a floor page, measured in the same phase: its median
 * ÷ the floor's median. Sets `floorRatio` and `pass`; n/a when either is missing.
 */
export function judgeFloorBudgets(figures: Figure[]): void {
  for (const figure of figures) {
    const budget = figure.budget;
    if (budget?.kind !== 'floor') continue;
    const floor = figures.find((other) => other.id === budget.floor);
    const ratio = figure.median !== null && floor?.median ? figure.median / floor.median : null;
    figure.floorRatio = ratio;
    figure.pass = ratio === null ? null : ratio <= budget.max;
  }
}

export function verdict(pass: boolean | null | undefined): string {
  return pass === undefined ? '' : pass === null ? 'n/a' : pass ? 'pass' : 'FAIL';
}

/** The table as Markdown, the form docs/performance.md keeps. */
export function figureTable(figures: readonly Figure[]): string {
  const rows = [
    '| figure | data | median ms | min–max ms | runs | ÷ blank | budget | |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const figure of figures) {
    const range = figure.min === null ? '—' : `${ms(figure.min)}–${ms(figure.max)}`;
    const median =
      figure.status === 'ok'
        ? ms(figure.median)
        : `${figure.status}${figure.note ? ` (${figure.note})` : ''}`;
    const ratio = figure.ratio === null ? '—' : `${figure.ratio.toFixed(2)}×`;
    const floor = typeof figure.floorRatio === 'number' ? ` (${figure.floorRatio.toFixed(2)}× floor)` : '';
    rows.push(
      `| ${figure.label} | ${figure.phase} | ${median} | ${range} | ${figure.runs.length} | ${ratio} | ${formatBudget(figure.budget)} | ${verdict(figure.pass)}${floor} |`,
    );
  }
  return rows.join('\n');
}
