import { useEffect, useState } from 'preact/hooks';

/** Items drawn with the page's first render: more than a screen holds at 1024 px and beyond. */
export const FIRST_DRAWN = 24;
/** Items drawn per task after that: a slice well under a long task's 50 ms at 500 items. */
export const DRAWN_PER_TASK = 32;

/**
 * How many items of a long list to draw now. A 300-item issue has some 10,000 elements in its cards;
 * drawing them all before the first paint kept the page blank for half a second (issue 8). So the first
 * `first` are drawn at once, and `step` more per task after the first paint, until every item is
 * drawn; from then on the limit is gone and an added item is drawn at once, as a short list's are.
 */
export function useProgressiveLimit(
  total: number,
  first: number = FIRST_DRAWN,
  step: number = DRAWN_PER_TASK,
): number {
  const [limit, setLimit] = useState(first);
  const pending = limit < total;
  useEffect(() => {
    if (!pending) {
      if (limit !== Number.POSITIVE_INFINITY) setLimit(Number.POSITIVE_INFINITY);
      return;
    }
    // After the next frame, not before it: the first screen is painted before the rest is drawn.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit((drawn) => drawn + step));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending, limit, step]);
  return Math.min(limit, total);
}

/**
 * Shares `limit` drawn items among lists in order: each list gets what is left after the ones before
 * it, so the page fills from the top.
 */
export function shareLimit(lengths: readonly number[], limit: number): number[] {
  let left = limit;
  return lengths.map((length) => {
    const mine = Math.min(length, left);
    left -= mine;
    return mine;
  });
}
