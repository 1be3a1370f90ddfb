import type { Clipping } from '../../core/clipping';
import { foldOtherNote } from '../clipping-actions';
import { useOptionsState } from '../state';

export interface OtherNotesProps {
  clipping: Clipping;
}

/** Notes other members wrote on the same article, kept by a team merge until the editor folds them in. */
export function OtherNotes({ clipping }: OtherNotesProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const pending = (clipping.otherNotes ?? []).filter((entry) => entry.note.trim() !== '');
  if (pending.length === 0) return null;
  return (
    <div class="other-notes" data-testid="other-notes">
      <p class="other-notes-heading">{t('otherNotesHeading')}</p>
      {pending.map((entry) => (
        <figure key={entry.id} class="other-note" data-testid="other-note">
          <figcaption>{t('otherNoteBy', entry.clippedBy || '?')}</figcaption>
          <p class="clipping-note">{entry.note}</p>
          <span class="clipping-actions">
            <button
              type="button"
              data-testid="other-note-append"
              onClick={() => void foldOtherNote(state, clipping.id, entry.id, true)}
            >
              {t('otherNoteAppend')}
            </button>
            <button type="button" onClick={() => void foldOtherNote(state, clipping.id, entry.id, false)}>
              {t('otherNoteDismiss')}
            </button>
          </span>
        </figure>
      ))}
    </div>
  );
}
