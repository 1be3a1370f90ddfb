import { useComputed } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Clipping } from '../../core/clipping';
import { removeClipping, saveEdit } from '../clipping-actions';
import { focusAfterRemoving } from '../focus-moves';
import { useOptionsState } from '../state';
import { ClippingCard } from './ClippingCard';
import { ClippingEditor } from './ClippingEditor';
import { OtherNotes } from './OtherNotes';

export interface EditableClippingProps {
  clipping: Clipping;
  formatDate: (time: number) => string;
  actions?: ComponentChildren;
  handle?: ComponentChildren;
  /** Marks shown on the card (ClippingCard's `flags`). */
  flags?: ComponentChildren;
  /** In the archive, after the user confirmed 「公開済みの号を編集」: saves are recorded as such. */
  afterPublish?: boolean;
}

/**
 * A clipping card that turns into its editor in place; every list of clippings on the page uses it.
 * Closing the editor (Esc, 「キャンセル」, a save) puts focus back on the card's 「編集」; deleting the card
 * puts it on the next card, the previous one, or the list's heading.
 */
export function EditableClipping({
  clipping,
  formatDate,
  actions,
  handle,
  flags,
  afterPublish = false,
}: EditableClippingProps) {
  const state = useOptionsState();
  const { t } = state.services;
  // Subscribed to whether this card is the one edited, not to every change of which one is.
  const editing = useComputed(() => state.editingId.value === clipping.id);
  const card = useRef<HTMLElement>(null);
  // Set when this card's own editor closes; another card's 「編集」 closing it leaves focus there.
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (editing.value || !returnFocus.current) return;
    returnFocus.current = false;
    card.current?.querySelector<HTMLElement>('[data-testid="clipping-edit"]')?.focus();
  });
  if (editing.value) {
    return (
      <ClippingEditor
        clipping={clipping}
        categories={state.categories.value}
        t={t}
        onSave={async (fields, base, options) => {
          // Set first: the card may be drawn again before the save's promise settles.
          returnFocus.current = true;
          const result = await saveEdit(state, clipping.id, fields, base, { ...options, afterPublish });
          if (!result.saved) returnFocus.current = false;
          return result;
        }}
        onCancel={() => {
          returnFocus.current = true;
          state.editingId.value = null;
        }}
      />
    );
  }
  return (
    <>
      <ClippingCard
        clipping={clipping}
        t={t}
        formatDate={formatDate}
        actions={actions}
        handle={handle}
        flags={flags}
        cardRef={card}
        onEdit={() => {
          state.editingId.value = clipping.id;
        }}
        onDelete={() => {
          const moveFocus = card.current ? focusAfterRemoving(card.current) : undefined;
          void removeClipping(state, clipping.id).then(moveFocus);
        }}
      />
      <OtherNotes clipping={clipping} />
    </>
  );
}
