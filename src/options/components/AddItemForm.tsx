import { useState } from 'preact/hooks';
import type { ClippingFields, ClippingProblem } from '../../core/clipping';
import { PROBLEM_MESSAGES } from '../../core/clipping';
import { CategorySelect } from '../../ui/CategorySelect';
import { NoteField } from '../../ui/NoteField';
import { Notices } from '../../ui/Notices';
import { useSubmitShortcut } from '../../ui/submit-shortcut';
import { TextField } from '../../ui/TextField';
import { addItem } from '../clipping-actions';
import { useOptionsState } from '../state';

/** Adds an item by hand to the open issue, with or without a URL (a Q&A, a note of the team's own). */
export function AddItemForm() {
  const state = useOptionsState();
  const { t } = state.services;
  const firstCategory = state.categories.value[0]?.id ?? '';
  const empty: ClippingFields = { url: '', title: '', note: '', categoryId: firstCategory };
  const [fields, setFields] = useState<ClippingFields>(empty);
  const [problems, setProblems] = useState<ClippingProblem[]>([]);
  const edit = (change: Partial<ClippingFields>) => setFields((current) => ({ ...current, ...change }));
  const submit = async () => {
    const result = await addItem(state, { ...fields, categoryId: fields.categoryId || firstCategory });
    setProblems(result.problems);
    if (result.saved) setFields({ ...empty, categoryId: fields.categoryId });
  };
  const shortcut = useSubmitShortcut(() => void submit());
  return (
    <details class="add-item" data-testid="add-item">
      <summary>{t('addItem')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        {...shortcut}
      >
        <p class="hint">{t('addItemHint')}</p>
        <Notices
          notices={problems.map((problem) => ({ tone: 'error', text: t(PROBLEM_MESSAGES[problem]) }))}
        />
        <TextField
          id="add-title"
          testId="add-title"
          label={t('fieldTitle')}
          value={fields.title}
          onInput={(title) => edit({ title })}
        />
        <TextField
          id="add-url"
          testId="add-url"
          label={t('fieldUrlOptional')}
          inputMode="url"
          value={fields.url}
          onInput={(url) => edit({ url })}
        />
        <NoteField
          id="add-note"
          testId="add-note"
          t={t}
          rows={6}
          value={fields.note}
          onInput={(note) => edit({ note })}
        />
        <CategorySelect
          id="add-category"
          testId="add-category"
          t={t}
          value={fields.categoryId || firstCategory}
          categories={state.categories.value}
          onChange={(categoryId) => edit({ categoryId })}
        />
        <div class="actions">
          <button type="submit" class="primary" data-testid="add-save">
            {t('addItemSave')}
          </button>
        </div>
      </form>
    </details>
  );
}
