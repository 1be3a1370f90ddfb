import { useState } from 'preact/hooks';
import type { Category } from '../../core/category';
import { SharedTextConflict } from '../../ui/SharedTextConflict';
import { useSharedText } from '../../ui/use-shared-text';
import { clippingsIn, deleteCategory, moveCategory, renameCategory } from '../settings-actions';
import { useOptionsState } from '../state';

export interface CategoryRowProps {
  category: Category;
  index: number;
  count: number;
}

/** One category: rename in place, move up/down, delete (asking where its clippings go). */
export function CategoryRow({ category, index, count }: CategoryRowProps) {
  const state = useOptionsState();
  const { t } = state.services;
  // Renamed as typed; a rename in another tab shows here unless this row has unsaved text.
  const label = useSharedText({
    stored: category.label,
    formOf: (value) => value.trim() || undefined,
    save: (form, basis, refuse) => void renameCategory(state, category.id, form, { basis, refuse }),
  });
  const [deleting, setDeleting] = useState(false);
  const others = state.categories.value.filter((other) => other.id !== category.id);
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '');
  const inUse = clippingsIn(state, category.id);
  const inputId = `category-${category.id}`;
  return (
    <li data-testid="category-row">
      <label class="visually-hidden" for={inputId}>
        {t('categoryLabel')}
      </label>
      <input
        id={inputId}
        data-testid="category-label"
        value={label.value}
        onInput={(event) => label.input(event.currentTarget.value)}
        onBlur={label.flush}
      />
      <SharedTextConflict field={label} t={t} testId={`${inputId}-label`} />
      <button
        type="button"
        aria-label={t('moveUpLabel', category.label)}
        disabled={index === 0}
        onClick={() => void moveCategory(state, category.id, -1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={t('moveDownLabel', category.label)}
        disabled={index === count - 1}
        onClick={() => void moveCategory(state, category.id, 1)}
      >
        ↓
      </button>
      {!deleting ? (
        <button type="button" class="danger" data-testid="category-delete" onClick={() => setDeleting(true)}>
          {t('delete')}
        </button>
      ) : (
        <fieldset class="confirm-delete">
          <legend class="visually-hidden">{t('deleteCategoryHeading', category.label)}</legend>
          {inUse > 0 && (
            <>
              <label for={`${inputId}-move`}>{t('deleteCategoryMoveTo', String(inUse))}</label>
              <select
                id={`${inputId}-move`}
                data-testid="category-move-to"
                value={moveTo}
                onChange={(event) => setMoveTo(event.currentTarget.value)}
              >
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.label}
                  </option>
                ))}
              </select>
            </>
          )}
          <button type="button" onClick={() => setDeleting(false)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="danger"
            data-testid="category-delete-confirm"
            disabled={inUse > 0 && !moveTo}
            onClick={() => void deleteCategory(state, category.id, inUse > 0 ? moveTo : null)}
          >
            {t('deleteCategoryConfirm')}
          </button>
        </fieldset>
      )}
    </li>
  );
}
