import type { Translate } from '../../core/messages';
import { CategorySelect } from '../../ui/CategorySelect';
import { NoteField } from '../../ui/NoteField';
import { Notices } from '../../ui/Notices';
import { useSubmitShortcut } from '../../ui/submit-shortcut';
import { TextField } from '../../ui/TextField';
import { usePopupState } from '../state';

export interface ClipFormProps {
  t: Translate;
}

/** The clip form: title, URL, note and category; saves on the button, Enter in a field, or Ctrl/Cmd+Enter. */
export function ClipForm({ t }: ClipFormProps) {
  const state = usePopupState();
  const { fields, status, saving } = state;
  const shortcut = useSubmitShortcut(() => void state.save());
  const loading = status.value === 'loading';
  const current = fields.value;
  return (
    <form
      class="clip-form"
      data-testid="clip-form"
      data-state={status.value}
      aria-busy={loading || saving.value}
      onSubmit={(event) => {
        event.preventDefault();
        void state.save();
      }}
      {...shortcut}
    >
      <Notices notices={state.notices.value} testId="clip-notices" />
      <TextField
        id="clip-title"
        testId="clip-title"
        label={t('fieldTitle')}
        value={current.title}
        disabled={loading}
        onInput={(title) => state.edit({ title })}
      />
      <TextField
        id="clip-url"
        testId="clip-url"
        label={t('fieldUrl')}
        inputMode="url"
        value={current.url}
        disabled={loading}
        onInput={(url) => state.edit({ url })}
      />
      <NoteField
        id="clip-note"
        testId="clip-note"
        t={t}
        value={current.note}
        disabled={loading}
        autoFocus={!loading}
        onInput={(note) => state.edit({ note })}
      />
      <CategorySelect
        id="clip-category"
        testId="clip-category"
        t={t}
        value={current.categoryId}
        categories={state.categories.value}
        disabled={loading}
        onChange={(categoryId) => state.edit({ categoryId })}
      />
      <div class="actions">
        <button type="submit" class="primary" data-testid="clip-save" disabled={loading || saving.value}>
          {saving.value ? t('saving') : t(state.isUpdate.value ? 'update' : 'save')}
        </button>
      </div>
    </form>
  );
}
