/**
 * The in-page instrument of `npm run bench`, injected from outside before any of the page's own scripts
 * (Playwright's addInitScript): the page's code is not changed. It records, with performance.now():
 *
 * - `readyAt`: the first moment the page's "ready" condition holds, from navigation start. Conditions are
 *   checked right after anything that can change them: a DOM mutation (MutationObserver), a form control's
 *   `value` being set (the setter is wrapped, as preact sets `value` as a property, which no observer
 *   sees), a `focus()` call, `readystatechange`.
 * - after `__bench.arm(spec)`: `startAt`, the timeStamp of the next keydown or click (the input event
 *   the page acts on), and `doneAt`, the first moment the DOM shows the result that spec names. Not
 *   pointerdown: the time a button is held down is the hand's, and a driver's own checks between
 *   pointerdown and click (Playwright's hit test lays the page out) are not the page's.
 * - every long task (PerformanceObserver 'longtask'), for the popup save seen by an open options page.
 *
 * This function is serialised into the page: it must use nothing from outside its own body.
 */
export type ReadyCondition =
  /** The document is parsed (DOMContentLoaded): the earliest a module script can have filled anything. */
  | { kind: 'blank' }
  /** Title and URL filled, the note focused. */
  | { kind: 'popup' }
  /** The form in state `existing`, title and URL filled, the note showing `note`. */
  | { kind: 'popup-clipped'; note: string }
  /** The issue Markdown textarea holds every one of `includes`. */
  | { kind: 'options'; includes: string[] };

export type Interaction =
  /** A key in the afterword: done when the Markdown contains the afterword's new text. */
  | { kind: 'afterword' }
  /** An ↑ on `title` in `section`: done when `title` is listed before `before`. */
  | { kind: 'moved'; section: string; title: string; before: string }
  /** The last key of a search: done when the results' heading shows `query`. */
  | { kind: 'search'; query: string }
  /** The popup's save: done when the form's state is `saved`. */
  | { kind: 'saved' }
  /**
   * No input here (it happens in another page): done when a clipping titled `title` is listed, or the
   * issue's Markdown has it.
   */
  | { kind: 'listed'; title: string };

export interface Recording {
  readyAt: number | null;
  startAt: number | null;
  doneAt: number | null;
  timeOrigin: number;
  longTasks: { start: number; duration: number }[];
  /**
   * The recorder came too late to see the page become ready (the driver attached to the new tab late):
   * the blank page was parsed already (its ready is then read from the navigation timing), or another
   * page's condition held already. Came after parsing but before ready, it sees every change that
   * completes the condition, so the reading is exact.
   */
  late: boolean;
}

export function installRecorder(ready: ReadyCondition): void {
  const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const fieldValue = (id: string) => (q(id) as HTMLInputElement | null)?.value ?? '';
  // The Markdown was a textarea (its value) and is now read-only text (its textContent): read either.
  const markdownText = () => {
    const element = q('issue-markdown');
    return element instanceof HTMLTextAreaElement ? element.value : (element?.textContent ?? '');
  };
  const recording: Recording & { arm(spec: Interaction): void } = {
    readyAt: null,
    startAt: null,
    doneAt: null,
    timeOrigin: performance.timeOrigin,
    longTasks: [],
    late: false,
    arm(spec) {
      armed = spec;
      want = null;
      recording.startAt = null;
      recording.doneAt = null;
    },
  };
  let armed: Interaction | null = null;
  let want: string | null = null;
  Object.assign(window, { __bench: recording });

  const isReady = (): boolean => {
    switch (ready.kind) {
      case 'blank':
        return document.readyState !== 'loading';
      case 'popup': {
        const note = q('clip-note');
        return (
          fieldValue('clip-title') !== '' &&
          fieldValue('clip-url') !== '' &&
          !!note &&
          document.activeElement === note
        );
      }
      case 'popup-clipped':
        return (
          q('clip-form')?.getAttribute('data-state') === 'existing' &&
          fieldValue('clip-title') !== '' &&
          fieldValue('clip-url') !== '' &&
          fieldValue('clip-note') === ready.note
        );
      case 'options': {
        const markdown = markdownText();
        return markdown !== '' && ready.includes.every((text) => markdown.includes(text));
      }
    }
  };
  const titlesIn = (root: ParentNode) =>
    [...root.querySelectorAll('[data-testid="clipping-title"]')].map((title) => title.textContent ?? '');
  const isDone = (spec: Interaction): boolean => {
    switch (spec.kind) {
      case 'afterword':
        return want !== null && markdownText().includes(want);
      case 'moved': {
        const section = document.querySelector(
          `[data-testid="issue-section"][data-category="${spec.section}"]`,
        );
        const titles = section ? titlesIn(section) : [];
        const at = titles.indexOf(spec.title);
        const before = titles.indexOf(spec.before);
        return at !== -1 && before !== -1 && at < before;
      }
      case 'search':
        return (q('search-results')?.querySelector('h2')?.textContent ?? '').includes(spec.query);
      case 'saved':
        return q('clip-form')?.getAttribute('data-state') === 'saved';
      case 'listed':
        // The Markdown too: a list drawn incrementally or virtually may not have the new card in the DOM.
        return titlesIn(document).includes(spec.title) || markdownText().includes(`### ${spec.title}`);
    }
  };

  let scheduled = false;
  const check = () => {
    scheduled = false;
    const now = performance.now();
    if (recording.readyAt === null && isReady()) {
      const parsed = (
        performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      )?.domInteractive;
      recording.readyAt = ready.kind === 'blank' && recording.late && parsed ? parsed : now;
    }
    if (armed && recording.doneAt === null && (recording.startAt !== null || armed.kind === 'listed')) {
      if (isDone(armed)) recording.doneAt = now;
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(check);
  };

  for (const proto of [
    HTMLInputElement.prototype,
    HTMLTextAreaElement.prototype,
    HTMLSelectElement.prototype,
  ]) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
    const set = descriptor?.set;
    if (!descriptor || !set) continue;
    Object.defineProperty(proto, 'value', {
      ...descriptor,
      set(this: HTMLInputElement, value: string) {
        set.call(this, value);
        schedule();
      },
    });
  }
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
    focus.call(this, options);
    schedule();
  };
  new MutationObserver(schedule).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  document.addEventListener('readystatechange', schedule);
  const start = (event: Event) => {
    if (armed && armed.kind !== 'listed' && recording.startAt === null) recording.startAt = event.timeStamp;
  };
  document.addEventListener('keydown', start, true);
  document.addEventListener('click', start, true);
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target as HTMLTextAreaElement | null;
      if (armed?.kind === 'afterword' && target?.getAttribute('data-testid') === 'issue-afterword') {
        want = target.value.trim();
      }
      schedule();
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        recording.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the figure that needs it says so.
  }
  recording.late = ready.kind === 'blank' ? document.readyState !== 'loading' : isReady();
  // Installed late, nothing may change any more: look once now.
  schedule();
}
