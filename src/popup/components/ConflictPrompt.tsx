import type { EditedField } from '../../core/draft';
import type { MessageKey, Translate } from '../../core/messages';
import { resolveConflict } from '../form-changes';
import type { PopupState } from '../state';

export interface ConflictPromptProps {
  state: PopupState;
  t: Translate;
}

const FIELD_LABELS: Record<EditedField, MessageKey> = {
  url: 'fieldUrl',
  title: 'fieldTitle',
  note: 'fieldNote',
  categoryId: 'fieldCategory',
};

/** Asks which version to keep when a field typed here was also changed elsewhere; typing is never dropped. */
export function ConflictPrompt({ state, t }: ConflictPromptProps) {
  const open = state.conflict.value;
  if (!open) return null;
  const names = open.fields.map((name) => t(FIELD_LABELS[name])).join('、');
  return (
    <div role="alert" class="notice notice-error" data-testid="clip-conflict">
      <p>{t(open.found === 'save' ? 'saveConflict' : 'draftConflict', names)}</p>
      <div class="actions">
        <button type="button" data-testid="clip-keep-mine" onClick={() => resolveConflict(state, 'mine')}>
          {t('keepMine')}
        </button>
        <button type="button" data-testid="clip-take-stored" onClick={() => resolveConflict(state, 'stored')}>
          {t('takeStored')}
        </button>
      </div>
    </div>
  );
}
