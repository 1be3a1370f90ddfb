import { useEffect, useRef, useState } from 'preact/hooks';
import {
  keepMine,
  needsSave,
  refused,
  type SharedText,
  sent,
  sharedText,
  storedChanged,
  takeTheirs,
  typed,
} from '../core/shared-text';

export interface SharedTextOptions {
  /** The value as stored now; it changes when this page or another one writes it. */
  stored: string;
  /**
   * Writes the stored form of what was typed, only if the store still holds `basis` (what this write
   * was built on); otherwise calls `refuse` with what it holds and writes nothing.
   */
  save: (form: string, basis: string, refuse: (stored: string) => void) => void;
  /** The stored form of a value (a trimmed name), undefined when it cannot be stored yet. */
  formOf?: (value: string) => string | undefined;
  /** How long typing may pause before a write; every way of leaving writes at once. */
  delayMs?: number;
}

export interface SharedTextField {
  value: string;
  /** The other side's text while both sides changed the field; null otherwise. */
  theirs: string | null;
  input(value: string): void;
  /** Writes what is unsaved now (blur, view switch, page hide). */
  flush(): void;
  takeTheirs(): void;
  keepMine(): void;
}

const asIs = (value: string): string => value;

/**
 * A field saved as typed that follows the stored value when it changes elsewhere (another tab, an
 * import) and asks when both sides changed it (src/core/shared-text.ts). Unsaved text is written when
 * the field loses focus, when it unmounts (switching views) and when the page is hidden or closed.
 */
export function useSharedText({
  stored,
  save,
  formOf = asIs,
  delayMs = 300,
}: SharedTextOptions): SharedTextField {
  // The state lives in a ref so that unmount and pagehide flush what was typed last, not a stale copy.
  const state = useRef<SharedText | null>(null);
  state.current ??= sharedText(stored);
  const [, rerender] = useState(0);
  const latest = useRef({ save, formOf });
  latest.current = { save, formOf };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const current = (): SharedText => state.current ?? sharedText(stored);
  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const now = current();
    const form = latest.current.formOf(now.value);
    if (!needsSave(now, form)) return;
    const basis = now.pending.at(-1) ?? now.base;
    state.current = sent(now, form);
    latest.current.save(form, basis, (stored) => update(refused(current(), form, stored)));
  };
  const update = (next: SharedText) => {
    if (next === state.current) return;
    state.current = next;
    rerender((n) => n + 1);
    clearTimeout(timer.current);
    if (needsSave(next, latest.current.formOf(next.value))) timer.current = setTimeout(flush, delayMs);
  };

  useEffect(() => update(storedChanged(current(), stored, latest.current.formOf)), [stored]);

  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      flush();
      // Text held for a choice cannot be written without one: the browser asks before it is lost.
      if (current().theirs !== null) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      flush();
    };
  }, []);

  const now = current();
  return {
    value: now.value,
    theirs: now.theirs,
    input: (value) => update(typed(current(), value)),
    flush,
    takeTheirs: () => update(takeTheirs(current())),
    keepMine: () => update(keepMine(current())),
  };
}
