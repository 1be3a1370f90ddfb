import { useState } from 'preact/hooks';
import { addCategory } from '../settings-actions';
import { useOptionsState } from '../state';
import { CategoryRow } from './CategoryRow';

/** Add, rename, reorder and delete categories; deleting one with clippings asks where they go. */
export function CategoryManager() {
  const state = useOptionsState();
  const { t } = state.services;
  const [label, setLabel] = useState('');
  const categories = state.categories.value;
  return (
    <section aria-labelledby="categories-heading" class="category-manager">
      <h3 id="categories-heading">{t('categoriesHeading')}</h3>
      <ol class="category-list">
        {categories.map((category, index) => (
          <CategoryRow key={category.id} category={category} index={index} count={categories.length} />
        ))}
      </ol>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void addCategory(state, label).then((added) => added && setLabel(''));
        }}
      >
        <label class="visually-hidden" for="new-category">
          {t('newCategory')}
        </label>
        <input
          id="new-category"
          data-testid="new-category"
          placeholder={t('newCategoryPlaceholder')}
          value={label}
          onInput={(event) => setLabel(event.currentTarget.value)}
        />
        <button type="submit" data-testid="add-category">
          {t('addCategory')}
        </button>
      </form>
    </section>
  );
}
