import type { ClippingGroup } from '../../core/grouping';
import type { Translate } from '../../core/messages';
import { useOptionsState } from '../state';
import { ClippingCard } from './ClippingCard';
import { ClippingEditor } from './ClippingEditor';

export interface CategorySectionProps {
  group: ClippingGroup;
  t: Translate;
  formatDate: (time: number) => string;
}

/** One category's clippings, newest first, each shown as a card or, while edited, as its editor. */
export function CategorySection({ group, t, formatDate }: CategorySectionProps) {
  const state = useOptionsState();
  const headingId = `category-${group.category?.id ?? 'none'}`;
  return (
    <section class="category" aria-labelledby={headingId} data-testid="category-section">
      <h2 id={headingId}>
        {group.category?.label ?? t('uncategorized')}
        <span class="count">{t('clippingCount', String(group.clippings.length))}</span>
      </h2>
      {group.clippings.length === 0 ? (
        <p class="empty">{t('emptyCategory')}</p>
      ) : (
        <ul class="clippings">
          {group.clippings.map((clipping) => (
            <li key={clipping.id}>
              {state.editingId.value === clipping.id ? (
                <ClippingEditor
                  clipping={clipping}
                  categories={state.categories.value}
                  t={t}
                  onSave={(fields) => state.saveEdit(clipping.id, fields)}
                  onCancel={() => {
                    state.editingId.value = null;
                  }}
                />
              ) : (
                <ClippingCard
                  clipping={clipping}
                  t={t}
                  formatDate={formatDate}
                  onEdit={() => {
                    state.editingId.value = clipping.id;
                  }}
                  onDelete={() => void state.remove(clipping.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
