import { useState } from 'preact/hooks';
import type { ClippingFields, ClippingProblem } from '../../core/clipping';
import { PROBLEM_MESSAGES } from '../../core/clipping';
import { Notices } from '../../ui/Notices';
import { useSubmitShortcut } from '../../ui/submit-shortcut';
import { addItem } from '../clipping-actions';
import { afterRender, focusOn } from '../focus-moves';
import { useOptionsState } from '../state';
import { firstProblemFieldId, ItemFields, problemsAfter } from './ItemFields';

/**
 * Adds an item by hand to the open issue, with or without a URL (a Q&A, a note of the team's own). A
 * refused item is said at its fields, and the first of them takes focus.
 */
export function AddItemForm() {
  const state = useOptionsState();
  const { t } = state.services;
  const firstCategory = state.categories.value[0]?.id ?? '';
  const empty: ClippingFields = { url: '', title: '', note: '', categoryId: firstCategory };
  const [fields, setFields] = useState<ClippingFields>(empty);
  const [problems, setProblems] = useState<ClippingProblem[]>([]);
  const edit = (change: Partial<ClippingFields>) => {
    setFields((current) => ({ ...current, ...change }));
    setProblems((current) => problemsAfter(current, change));
  };
  const submit = async () => {
    const result = await addItem(state, { ...fields, categoryId: fields.categoryId || firstCategory });
    setProblems(result.problems);
    if (result.saved) setFields({ ...empty, categoryId: fields.categoryId });
    const invalid = firstProblemFieldId('add', result.problems);
    if (invalid) afterRender(() => focusOn(document.getElementById(invalid)));
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
        <ItemFields
          idPrefix="add"
          testPrefix="add"
          fields={{ ...fields, categoryId: fields.categoryId || firstCategory }}
          problems={problems}
          categories={state.categories.value}
          t={t}
          urlLabel={t('fieldUrlOptional')}
          noteRows={6}
          onEdit={edit}
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
