import { useMemo, useRef, useState } from 'preact/hooks';
import type { Category } from '../../core/category';
import type { Clipping } from '../../core/clipping';
import { moveClipping, moveClippingToCategory } from '../clipping-actions';
import { useOptionsState } from '../state';
import { DRAG_TYPE, IssueItem } from './IssueItem';
import { memo } from './memo';

export interface IssueSectionProps {
  category: Category;
  items: Clipping[];
  /** How many of `items` to draw now (the first ones); the rest follow (IssueView, progressive.ts). */
  drawn: number;
  formatDate: (time: number) => string;
}

/**
 * One `##` section of the open issue, in the user's order. Items are reordered by drag and drop (also
 * across sections) or by the ↑/↓ buttons, which do the same for keyboard users. An empty section is
 * one muted line, its heading saying 「項目なし」, and stays a place to drop an item. Its heading takes
 * focus when the section's last item is deleted. Memoised: a section whose items array is the same
 * (open-issue-view.ts keeps it) is not rendered again.
 */
export const IssueSection = memo(function IssueSection({
  category,
  items,
  drawn,
  formatDate,
}: IssueSectionProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const headingId = `section-${category.id}`;
  const categories = state.categories.value;
  // The handlers read the latest items through a ref, so they stay the same functions for IssueItem's memo.
  const latest = useRef(items);
  latest.current = items;

  const handlers = useMemo(() => {
    const drop = (event: DragEvent, index: number) => {
      event.preventDefault();
      setDropTarget(null);
      const id = event.dataTransfer?.getData(DRAG_TYPE);
      const dragged = id && state.clippings.value.find((clipping) => clipping.id === id);
      if (!dragged) return;
      if (dragged.categoryId === category.id)
        void moveClipping(state, dragged.id, index > latest.current.indexOf(dragged) ? index - 1 : index);
      else void moveClippingToCategory(state, dragged.id, category.id, index);
    };
    const allowDrop = (event: DragEvent, index: number) => {
      if (!event.dataTransfer?.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      setDropTarget(index);
    };
    return { drop, allowDrop };
  }, [state, category.id]);
  const { drop, allowDrop } = handlers;

  const empty = items.length === 0;
  return (
    <section
      class={empty ? 'issue-section issue-section-empty' : 'issue-section'}
      aria-labelledby={headingId}
      data-testid="issue-section"
      data-category={category.id}
      onDragOver={(event) => allowDrop(event, items.length)}
      onDragLeave={() => setDropTarget(null)}
      onDrop={(event) => drop(event, items.length)}
    >
      <h2 id={headingId} tabIndex={-1}>
        {category.label}
        <span class="count">{empty ? t('emptySection') : t('clippingCount', String(items.length))}</span>
      </h2>
      <ol class="clippings">
        {(drawn < items.length ? items.slice(0, drawn) : items).map((item, index) => (
          <IssueItem
            key={item.id}
            item={item}
            index={index}
            last={index === items.length - 1}
            categories={categories}
            dropBefore={dropTarget === index}
            formatDate={formatDate}
            onDragOverAt={allowDrop}
            onDropAt={drop}
          />
        ))}
      </ol>
    </section>
  );
});
