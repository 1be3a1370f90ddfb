import { useRef } from 'preact/hooks';
import { type SubmitShortcut, submitShortcut } from './submit-shortcut-handlers';

export type { SubmitShortcut } from './submit-shortcut-handlers';

/**
 * Ctrl/Cmd+Enter saves, never while an IME composition is active (see submit-shortcut-handlers.ts), for a
 * function component: the composition state lives across renders in a ref.
 */
export function useSubmitShortcut(submit: () => void): SubmitShortcut {
  return submitShortcut(useRef(false), submit);
}
