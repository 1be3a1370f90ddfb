/**
 * Where keyboard focus goes when the page removes or replaces the control that held it (issue 10):
 * a deleted card, an editor closed, an issue published. Left alone, the browser puts focus on the body
 * and a keyboard user starts again from the top of the page.
 */

/**
 * Runs `move` once Preact has drawn the change that caused it. Preact renders in a microtask
 * (`options.debounceRendering`, else `queueMicrotask`); a task runs after every microtask queued before it.
 */
export function afterRender(move: () => void): void {
  setTimeout(move);
}

/** Focus is nowhere in particular: on the body, or on an element the page has since removed. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** Focuses `element`; a heading or a card is made focusable by script only (tabindex -1), not by Tab. */
export function focusOn(element: Element | null | undefined): void {
  if (!(element instanceof HTMLElement)) return;
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.tabIndex = -1;
  element.focus();
}

const CARD = '[data-testid="clipping"]';

function cardOf(item: Element | null): HTMLElement | null {
  return item?.querySelector<HTMLElement>(CARD) ?? null;
}

/**
 * Decides, before `card` leaves its list (deleted, or set aside in the backlog), where focus goes then:
 * the next card, else the previous one, else the list's heading. The returned function moves focus
 * there once the card is gone, if focus went down with it; a person who has moved on keeps their place.
 */
export function focusAfterRemoving(card: Element): () => void {
  const item = card.closest('li');
  const list = item?.parentElement;
  let next = item?.nextElementSibling ?? null;
  while (next && !cardOf(next)) next = next.nextElementSibling;
  let previous = item?.previousElementSibling ?? null;
  while (previous && !cardOf(previous)) previous = previous.previousElementSibling;
  const ids = [cardOf(next), cardOf(previous)].map((found) => found?.dataset.id);
  const headingId = card.closest('section')?.querySelector('h2')?.id;
  return () =>
    afterRender(() => {
      if (!focusLost()) return;
      const target =
        ids
          .map((id) => (id && list ? list.querySelector(`${CARD}[data-id="${CSS.escape(id)}"]`) : null))
          .find((found) => found?.isConnected) ?? (headingId ? document.getElementById(headingId) : null);
      focusOn(target);
    });
}

/**
 * After a control of an item moved the item (↑, ↓, another section), focus the same control of the
 * item where it now is, or the first of `fallbacks` that can take it (↑ is disabled at the top).
 */
export function refocusItemControl(itemId: string, testIds: readonly string[]): void {
  afterRender(() => {
    if (!focusLost()) return;
    const card = document.querySelector(`${CARD}[data-id="${CSS.escape(itemId)}"]`);
    const control = testIds
      .map((testId) => card?.querySelector<HTMLElement>(`[data-testid="${testId}"]`))
      .find((found) => found && !(found as HTMLButtonElement).disabled);
    focusOn(control);
  });
}
