/**
 * A text field that saves as it is typed while other pages (another options tab, an import) may write
 * the same stored value. The field follows the stored value whenever it has nothing unsaved; when both
 * sides changed, it keeps what was typed, stops saving and holds the other side's text until the user
 * chooses. Nothing typed on either side is dropped silently.
 */
export interface SharedText {
  /** What the field shows. */
  value: string;
  /** The stored value the field last agreed with. */
  base: string;
  /** Stored forms of writes sent and not yet seen back, oldest first. */
  pending: readonly string[];
  /** The other side's stored value while both sides changed; null when there is nothing to decide. */
  theirs: string | null;
}

export function sharedText(stored: string): SharedText {
  return { value: stored, base: stored, pending: [], theirs: null };
}

export function typed(state: SharedText, value: string): SharedText {
  return { ...state, value };
}

/**
 * Whether the field holds text that is neither stored nor on its way, and may be written now. `form`
 * is the stored form of the text (a trimmed name), or undefined when the text cannot be stored yet.
 */
export function needsSave(state: SharedText, form: string | undefined): form is string {
  if (state.theirs !== null || form === undefined) return false;
  const last = state.pending.at(-1) ?? state.base;
  return form !== last;
}

export function sent(state: SharedText, form: string): SharedText {
  return { ...state, pending: [...state.pending, form] };
}

/**
 * The stored value as the page now reads it. Our own write coming back is an acknowledgement; anything
 * else came from elsewhere: followed when the field is clean, held for a choice when it is not.
 * `formOf` gives the stored form of what the field shows, undefined when it cannot be stored.
 */
export function storedChanged(
  state: SharedText,
  stored: string,
  formOf: (value: string) => string | undefined,
): SharedText {
  const mine = state.pending.indexOf(stored);
  if (mine !== -1) return { ...state, base: stored, pending: state.pending.slice(mine + 1) };
  if (stored === state.base && state.pending.length === 0) return state;
  const form = formOf(state.value);
  if (state.theirs === null && state.pending.length === 0 && form === state.base) {
    return { value: stored, base: stored, pending: [], theirs: null };
  }
  // The other side wrote what this field shows: agreed, but a text still in question stays shown.
  if (form === stored) return { ...state, base: stored };
  return { ...state, base: stored, theirs: stored };
}

/**
 * The store refused the write of `form` because it no longer held what the write was built on: it
 * holds `stored`, written elsewhere. That write and any sent after it (built on it) will not land; the
 * field keeps its text and holds the other side's, exactly as when both sides changed it.
 */
export function refused(state: SharedText, form: string, stored: string): SharedText {
  const at = state.pending.indexOf(form);
  const pending = at === -1 ? state.pending : state.pending.slice(0, at);
  return { ...state, base: stored, pending, theirs: state.value === stored ? null : stored };
}

/** Shows the other side's text; what was typed here is gone by the user's choice. */
export function takeTheirs(state: SharedText): SharedText {
  // Writes still on their way stay expected, so one landing later is seen as ours and then undone.
  return state.theirs === null ? state : { ...state, value: state.theirs, base: state.theirs, theirs: null };
}

/** Keeps what was typed here; the next save overwrites the other side's text. */
export function keepMine(state: SharedText): SharedText {
  return { ...state, theirs: null };
}
