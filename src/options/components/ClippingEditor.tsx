import { useState } from 'preact/hooks';
import type { Category } from '../../core/category';
import {
  type Clipping,
  type ClippingFields,
  type ClippingProblem,
  PROBLEM_MESSAGES,
} from '../../core/clipping';
import type { Translate } from '../../core/messages';
import { Notices } from '../../ui/Notices';
import { useSubmitShortcut } from '../../ui/submit-shortcut';
import type { EditResult } from '../clipping-actions';
import { afterRender, focusOn } from '../focus-moves';
import { firstProblemFieldId, ItemFields, problemsAfter } from './ItemFields';

export interface ClippingEditorProps {
  clipping: Clipping;
  categories: readonly Category[];
  t: Translate;
  /** Saves `fields`; `base` is what the editor opened with, for conflict detection. */
  onSave: (
    fields: ClippingFields,
    base: ClippingFields,
    options: { overwrite: boolean },
  ) => Promise<EditResult>;
  onCancel: () => void;
}

const fieldsOf = ({ url, title, note, categoryId }: Clipping): ClippingFields => ({
  url,
  title,
  note,
  categoryId,
});

/**
 * Edits one clipping in place. Nothing typed here is dropped: it stays until saved or cancelled (Esc, or
 * 「キャンセル」). A refused save says why at each field and the banner, and focuses the first such field.
 */
export function ClippingEditor({ clipping, categories, t, onSave, onCancel }: ClippingEditorProps) {
  // The version this edit started from: another page's save since then is a conflict, never overwritten silently.
  const [base, setBase] = useState<ClippingFields>(() => fieldsOf(clipping));
  const [fields, setFields] = useState<ClippingFields>(base);
  const [problems, setProblems] = useState<ClippingProblem[]>([]);
  const [conflict, setConflict] = useState<EditResult['conflict']>(undefined);
  const [saving, setSaving] = useState(false);
  const prefix = `edit-${clipping.id}`;
  const edit = (change: Partial<ClippingFields>) => {
    setFields((current) => ({ ...current, ...change }));
    setProblems((current) => problemsAfter(current, change));
  };
  const submit = async (overwrite = false) => {
    if (saving) return;
    setSaving(true);
    const result = await onSave(fields, base, { overwrite });
    setSaving(false);
    setProblems(result.problems);
    setConflict(result.conflict);
    const invalid = firstProblemFieldId(prefix, result.problems);
    if (invalid) afterRender(() => focusOn(document.getElementById(invalid)));
  };
  const takeTheirs = () => {
    if (!conflict?.current) return onCancel();
    const theirs = fieldsOf(conflict.current);
    setBase(theirs);
    setFields(theirs);
    setConflict(undefined);
  };
  const shortcut = useSubmitShortcut(() => void submit());
  return (
    <form
      class="clipping-editor"
      data-testid="clipping-editor"
      aria-label={t('editClipping', clipping.title)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        // Esc during an IME composition cancels the composition, not the edit.
        if (event.key === 'Escape' && !event.isComposing && event.keyCode !== 229) onCancel();
        else shortcut.onKeyDown(event);
      }}
      onCompositionStart={shortcut.onCompositionStart}
      onCompositionEnd={shortcut.onCompositionEnd}
    >
      <Notices notices={problems.map((problem) => ({ tone: 'error', text: t(PROBLEM_MESSAGES[problem]) }))} />
      {conflict && (
        <div class="notice notice-error" role="alert" data-testid="edit-conflict">
          <p>{t(conflict.current ? 'editConflict' : 'editConflictDeleted')}</p>
          <div class="actions">
            <button type="button" data-testid="edit-conflict-reload" onClick={takeTheirs}>
              {t(conflict.current ? 'editConflictReload' : 'cancel')}
            </button>
            <button
              type="button"
              class="danger"
              data-testid="edit-conflict-overwrite"
              onClick={() => void submit(true)}
            >
              {t(conflict.current ? 'editConflictOverwrite' : 'editConflictRestore')}
            </button>
          </div>
        </div>
      )}
      <ItemFields
        idPrefix={prefix}
        testPrefix="edit"
        fields={fields}
        problems={problems}
        categories={categories}
        t={t}
        urlLabel={t('fieldUrl')}
        noteRows={8}
        autoFocusNote
        onEdit={edit}
      />
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" data-testid="edit-save" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
