import { Component } from 'preact';
import type { Translate } from '../../core/messages';
import { CategorySelect } from '../../ui/CategorySelect';
import { NoteField } from '../../ui/NoteField';
import { Notices } from '../../ui/Notices';
import { submitShortcut } from '../../ui/submit-shortcut-handlers';
import { TextField } from '../../ui/TextField';
import type { PopupState } from '../state';

export interface ClipFormProps {
  state: PopupState;
  t: Translate;
  onOpenPublished?: (issueId: string, clippingId: string) => void;
}

/**
 * The clip form: title, URL, note and category; saves on the button, Enter in a field, or Ctrl/Cmd+Enter.
 * A class that keeps its IME composition state itself: the popup loads no preact/hooks.
 */
export class ClipForm extends Component<ClipFormProps> {
  private readonly shortcut = submitShortcut({ current: false }, () => void this.props.state.save());

  override render() {
    const { state, t, onOpenPublished } = this.props;
    const { status, saving } = state;
    // Loaded when needed (state.ts needParts): until then, a published page shows only its notices.
    const parts = state.parts.value;
    const loading = status.value === 'loading';
    const around = state.around.value;
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
        {...this.shortcut}
      >
        {/* Its room is kept from the first frame, so the form does not move when it is drawn. */}
        <div class="clip-where">{around && <around.Where state={state} t={t} />}</div>
        <Notices notices={state.notices.value} testId="clip-notices" />
        {status.value === 'published' ? (
          parts && <parts.PublishedPanel state={state} t={t} onOpenPublished={onOpenPublished} />
        ) : (
          <ClipFields state={state} t={t} />
        )}
      </form>
    );
  }
}

/** The fields and the save button, with a conflict question above them when there is one. */
function ClipFields({ state, t }: { state: PopupState; t: Translate }) {
  const { fields, saving } = state;
  // Usable from the moment the tab is read; a save asked for before the database answers waits for it.
  const locked = !state.usable.value;
  const current = fields.value;
  const oldNote = state.oldNote.value;
  const parts = state.parts.value;
  const reading = state.reading.value;
  const refused = state.refused.value;
  return (
    <>
      {parts && <parts.ConflictPrompt state={state} t={t} />}
      <TextField
        id="clip-title"
        testId="clip-title"
        label={t('fieldTitle')}
        value={current.title}
        disabled={locked}
        error={refused.title && t(refused.title)}
        onInput={(title) => state.edit({ title })}
      />
      {reading && <reading.PageChoices state={state} t={t} />}
      <TextField
        id="clip-url"
        testId="clip-url"
        label={t('fieldUrl')}
        inputMode="url"
        value={current.url}
        disabled={locked}
        error={refused.url && t(refused.url)}
        onInput={(url) => state.edit({ url })}
      />
      <NoteField
        id="clip-note"
        testId="clip-note"
        t={t}
        value={current.note}
        disabled={locked}
        autoFocus={!locked}
        onInput={(note) => state.edit({ note })}
      />
      {oldNote !== null && (
        <button
          type="button"
          class="link-button"
          data-testid="clip-old-note"
          onClick={() => state.insertOldNote()}
        >
          {t('insertOldNote')}
        </button>
      )}
      <CategorySelect
        id="clip-category"
        testId="clip-category"
        t={t}
        value={current.categoryId}
        categories={state.categories.value}
        disabled={locked}
        error={refused.categoryId && t(refused.categoryId)}
        onChange={(categoryId) => state.edit({ categoryId })}
      />
      <div class="actions">
        <button
          type="submit"
          class="primary"
          data-testid="clip-save"
          disabled={locked || saving.value}
          onFocus={() => state.warmSave()}
        >
          {saving.value ? t('saving') : t(state.existing.value ? 'update' : 'save')}
        </button>
      </div>
    </>
  );
}
