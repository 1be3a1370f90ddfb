import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface ToolbarProps {
  /** What the controls act on, e.g. 「『記事』の操作」. */
  label: string;
  class?: string;
  children: ComponentChildren;
}

const CONTROLS = 'button, select, input, textarea, a[href]';

/** The controls that can take focus now, in order (a disabled ↑ is skipped). */
function controlsOf(toolbar: HTMLElement): HTMLElement[] {
  return [...toolbar.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (control) => !(control as HTMLButtonElement).disabled,
  );
}

/**
 * Gives the toolbar's one tab stop to `last` (the control focused last), else to the first control that
 * can take focus now; every other control is -1.
 */
function rove(toolbar: HTMLElement, last: HTMLElement | null): void {
  const controls = controlsOf(toolbar);
  const chosen = last && controls.includes(last) ? last : controls[0];
  for (const control of toolbar.querySelectorAll<HTMLElement>(CONTROLS)) {
    control.tabIndex = control === chosen ? 0 : -1;
  }
}

/**
 * A row of controls that is one tab stop: ←/→ move between them, Home/End go to the ends, Tab leaves
 * (the WAI-ARIA toolbar pattern, https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/). ↑/↓ stay with a
 * select, which needs them. A card of the open issue has seven controls; as a tab stop each, 11 items
 * put 「Markdown をコピー」 99 presses of Tab below the heading, and 37 as a toolbar (issue 10).
 */
export function Toolbar({ label, class: className, children }: ToolbarProps) {
  const toolbar = useRef<HTMLDivElement>(null);
  // Only ever a control a person focused: a fallback (↓ while ↑ is disabled) is not remembered.
  const last = useRef<HTMLElement | null>(null);
  // After every render: a control may have appeared, gone or been disabled.
  useLayoutEffect(() => {
    if (toolbar.current) rove(toolbar.current, last.current);
  });
  return (
    <div
      role="toolbar"
      aria-label={label}
      class={className}
      ref={toolbar}
      onFocusIn={(event) => {
        const target = event.target as HTMLElement;
        if (toolbar.current && target !== toolbar.current) {
          last.current = target;
          rove(toolbar.current, target);
        }
      }}
      onKeyDown={(event) => {
        const element = toolbar.current;
        if (!element || event.altKey || event.ctrlKey || event.metaKey) return;
        const controls = controlsOf(element);
        const at = controls.indexOf(event.target as HTMLElement);
        if (at < 0) return;
        const to = {
          ArrowLeft: at - 1,
          ArrowRight: at + 1,
          Home: 0,
          End: controls.length - 1,
        }[event.key];
        if (to === undefined) return;
        // Also keeps a select from changing its value, which ←/→ do in Chromium.
        event.preventDefault();
        const next = controls[(to + controls.length) % controls.length];
        // Focusing it runs onFocusIn, which moves the tab stop.
        next?.focus();
      }}
    >
      {children}
    </div>
  );
}
