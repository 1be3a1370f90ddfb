/** Whether an IME composition is under way in the form; one per form, kept across its renders. */
export interface Composing {
  current: boolean;
}

/** The form's keyboard handlers, spread onto the `<form>`. */
export interface SubmitShortcut {
  onCompositionStart(): void;
  onCompositionEnd(): void;
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * Keyboard handling for a form that saves on Ctrl+Enter / Cmd+Enter and never while an IME composition
 * is active. Japanese users confirm a conversion with Enter: that Enter must not save or submit.
 *
 * A composition is detected three ways because browsers disagree on the order of events: Chrome sends
 * the confirming keydown with `isComposing` before `compositionend`; Safari sends `compositionend`
 * first and then a keydown with `isComposing` false but `keyCode` 229.
 * https://developer.mozilla.org/en-US/docs/Web/API/Element/keydown_event#keydown_events_with_ime
 *
 * Hook-free, for a class component that keeps `composing` itself: the popup loads no preact/hooks, and
 * importing it at all would install its render hooks (issue 8: the popup's 12 KB start-up budget).
 */
export function submitShortcut(composing: Composing, submit: () => void): SubmitShortcut {
  return {
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.keyCode !== 229) return;
      if (event.isComposing || event.keyCode === 229 || composing.current) {
        // Also blocks implicit submission from a single-line input while converting.
        if (event.key === 'Enter' || event.keyCode === 229) event.preventDefault();
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        submit();
      }
    },
  };
}
