import { useComputed } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { Clipping } from '../../core/clipping';
import { removeClipping, saveEdit } from '../clipping-actions';
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

/** A clipping card that turns into its editor in place; every list of clippings on the page uses it. */
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
  if (editing.value) {
    return (
      <ClippingEditor
        clipping={clipping}
        categories={state.categories.value}
        t={t}
        onSave={(fields, base, options) =>
          saveEdit(state, clipping.id, fields, base, { ...options, afterPublish })
        }
        onCancel={() => {
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
        onEdit={() => {
          state.editingId.value = clipping.id;
        }}
        onDelete={() => void removeClipping(state, clipping.id)}
      />
      <OtherNotes clipping={clipping} />
    </>
  );
}
