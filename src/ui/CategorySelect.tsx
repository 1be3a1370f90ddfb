import type { Category } from '../core/category';
import type { Translate } from '../core/messages';
import { fieldError } from './field-error';

export interface CategorySelectProps {
  id: string;
  value: string;
  categories: readonly Category[];
  onChange: (categoryId: string) => void;
  t: Translate;
  testId?: string;
  disabled?: boolean;
  /** Why a save refused this field, shown under it (field-error.tsx). */
  error?: string;
}

/** A labelled select of the user's categories, in their order; labels are shown as the user wrote them. */
export function CategorySelect({
  id,
  value,
  categories,
  onChange,
  t,
  testId,
  disabled,
  error,
}: CategorySelectProps) {
  const refused = fieldError(id, error, testId);
  return (
    <div class="field">
      <label for={id}>{t('fieldCategory')}</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
        {...refused.attrs}
      >
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.label}
          </option>
        ))}
      </select>
      {refused.message}
    </div>
  );
}
