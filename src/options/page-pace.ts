import type { ImportProgress, Pace } from '../core/transfer/paced';

/**
 * Hands the page back for a moment: `scheduler.yield()` where the browser has it (Chromium 129+),
 * which resumes ahead of other queued work but after input; otherwise a message to ourselves, a new
 * task without the 4 ms clamp that nested `setTimeout`s get (HTML, "timer initialisation steps").
 * https://developer.mozilla.org/docs/Web/API/Scheduler/yield
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** The pace of a long import on the options page: slices of a few ms, progress to `report`. */
export function createPagePace(report: (progress: ImportProgress) => void): Pace {
  return { now: () => performance.now(), rest: yieldToPage, report };
}
