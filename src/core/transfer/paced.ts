/**
 * Long imports as work that can stop and go on. A step of work is a generator that yields its
 * progress every few hundred records; `finish` runs it at once (tests, scripts), `runPaced` runs it in
 * slices, handing the page back between them so that it stays responsive and a counter can move.
 * Pure: the clock and the way to hand control back are the caller's.
 */

/** The phases of an import, in order, as the options page shows them. */
export type ImportPhase = 'reading' | 'checking' | 'merging' | 'writing';

export interface ImportProgress {
  phase: ImportPhase;
  /** Records done in this phase; `total` is how many there are (0 while reading, which has no count). */
  done: number;
  total: number;
}

export type Work<T> = Generator<ImportProgress, T, void>;

/** Runs the work to its end without a pause. */
export function finish<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

export interface Pace {
  /** A clock in milliseconds (`performance.now`). */
  now(): number;
  /** Resolves once the page has had its turn (other tasks, input, a frame). */
  rest(): Promise<void>;
  /** Told the progress at each pause and at the end of each phase. */
  report(progress: ImportProgress): void;
  /** How long a slice may run before it rests, in ms; well under the 50 ms of a long task. */
  slice?: number;
}

/** The slice when the pace names none: a frame's worth, leaving the page room to draw. */
export const DEFAULT_SLICE_MS = 12;

/** Runs the work in slices of `pace.slice` ms, reporting and resting between them. */
export async function runPaced<T>(work: Work<T>, pace: Pace): Promise<T> {
  const slice = pace.slice ?? DEFAULT_SLICE_MS;
  let started = pace.now();
  let last: ImportProgress | undefined;
  for (;;) {
    const step = work.next();
    if (step.done) {
      if (last) pace.report({ ...last, done: last.total });
      return step.value;
    }
    if (last && last.phase !== step.value.phase) pace.report({ ...last, done: last.total });
    last = step.value;
    if (pace.now() - started >= slice) {
      pace.report(step.value);
      await pace.rest();
      started = pace.now();
    }
  }
}

/** Yields progress every `every` items of a loop; a helper for the generators above. */
export function* counted<T>(
  items: Iterable<T>,
  phase: ImportPhase,
  total: number,
  each: (item: T) => void,
  every = 256,
): Generator<ImportProgress, void, void> {
  let done = 0;
  for (const item of items) {
    each(item);
    if (++done % every === 0) yield { phase, done, total };
  }
}
