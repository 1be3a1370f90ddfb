import { useEffect, useState } from 'preact/hooks';
import { isSetupDone, isSetupPending } from './setup-actions';
import type { OptionsState } from './state';

/**
 * Whether the page shows the first-run setup: `checking` until it knows, `first` on a fresh install,
 * `redo` when asked for from the settings, `none` otherwise.
 */
export type SetupShown = 'checking' | 'first' | 'redo' | 'none';

/**
 * Decides once, when the page has loaded, whether this install is offered the setup. While it is shown,
 * each change to the issues (a restore, a clip from the popup, another tab) reads the mark again, so
 * that a restore or a setup finished in another tab puts it away; a clip from the popup does not.
 */
export function useSetupShown(state: OptionsState): [SetupShown, (shown: SetupShown) => void] {
  const [shown, setShown] = useState<SetupShown>('checking');
  const loaded = state.loaded.value;
  const issues = state.issues.value;
  useEffect(() => {
    if (!loaded || (shown !== 'checking' && shown !== 'first')) return;
    // Issues on record answer at once, without a read: the issue view's first paint waits for nothing.
    if (shown === 'checking' && issues.length > 0) {
      setShown('none');
      return;
    }
    let current = true;
    const next: Promise<SetupShown> =
      shown === 'checking'
        ? isSetupPending(state).then((pending) => (pending ? 'first' : 'none'))
        : isSetupDone(state).then((done) => (done ? 'none' : 'first'));
    next.then(
      (answer) => {
        if (current) setShown(answer);
      },
      () => {
        // Unread, the page shows the editor, which can still start 第1回; a shown setup stays.
        if (current && shown === 'checking') setShown('none');
      },
    );
    return () => {
      current = false;
    };
  }, [state, loaded, issues, shown]);
  return [shown, setShown];
}
