import { useState } from 'preact/hooks';
import type { Category } from '../../core/category';
import type { Clipping } from '../../core/clipping';
import { moveClipping, moveClippingToCategory } from '../clipping-actions';
import { useOptionsState } from '../state';
import { EditableClipping } from './EditableClipping';
import { ItemControls } from './ItemControls';

export interface IssueSectionProps {
  category: Category;
  items: Clipping[];
  formatDate: (time: number) => string;
}

/** The drag payload type: only items of this page are accepted as drops. */
const DRAG_TYPE = 'application/x-weekly-clipper-item';

/**
 * One `##` section of the open issue, in the user's order. Items are reordered by drag and drop (also
 * across sections) or by the ↑/↓ buttons, which do the same for keyboard users.
 */
export function IssueSection({ category, items, formatDate }: IssueSectionProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const headingId = `section-${category.id}`;

  const drop = (event: DragEvent, index: number) => {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer?.getData(DRAG_TYPE);
    const dragged = id && state.clippings.value.find((clipping) => clipping.id === id);
    if (!dragged) return;
    if (dragged.categoryId === category.id)
      void moveClipping(state, dragged.id, index > items.indexOf(dragged) ? index - 1 : index);
    else void moveClippingToCategory(state, dragged.id, category.id, index);
  };
  const allowDrop = (event: DragEvent, index: number) => {
    if (!event.dataTransfer?.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    setDropTarget(index);
  };

  return (
    <section
      class="issue-section"
      aria-labelledby={headingId}
      data-testid="issue-section"
      data-category={category.id}
      onDragOver={(event) => allowDrop(event, items.length)}
      onDragLeave={() => setDropTarget(null)}
      onDrop={(event) => drop(event, items.length)}
    >
      <h2 id={headingId}>
        {category.label}
        <span class="count">{t('clippingCount', String(items.length))}</span>
      </h2>
      {items.length === 0 && <p class="empty">{t('emptySection')}</p>}
      <ol class="clippings">
        {items.map((item, index) => (
          <li
            key={item.id}
            class={dropTarget === index ? 'drop-before' : undefined}
            draggable={state.editingId.value !== item.id}
            onDragStart={(event) => {
              event.dataTransfer?.setData(DRAG_TYPE, item.id);
              if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(event) => {
              event.stopPropagation();
              allowDrop(event, index);
            }}
            onDrop={(event) => {
              event.stopPropagation();
              drop(event, index);
            }}
          >
            <EditableClipping
              clipping={item}
              formatDate={formatDate}
              handle={
                <span class="drag-handle" aria-hidden="true" title={t('dragHandle')}>
                  ⋮⋮
                </span>
              }
              actions={
                <ItemControls
                  item={item}
                  index={index}
                  count={items.length}
                  categories={state.categories.value}
                />
              }
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
