import { useComputed } from '@preact/signals';
import type { Category } from '../../core/category';
import type { Clipping } from '../../core/clipping';
import { useOptionsState } from '../state';
import { EditableClipping } from './EditableClipping';
import { ItemControls } from './ItemControls';
import { memo } from './memo';
import { RepeatedLinkMark } from './RepeatedLinkMark';

/** The drag payload type: only items of this page are accepted as drops. */
export const DRAG_TYPE = 'application/x-weekly-clipper-item';

export interface IssueItemProps {
  item: Clipping;
  index: number;
  /** Last in its section (a boolean, not the count, so adding an item renders only the previous last). */
  last: boolean;
  categories: readonly Category[];
  dropBefore: boolean;
  formatDate: (time: number) => string;
  /** Drag handlers of the section, the same functions on every render. */
  onDragOverAt: (event: DragEvent, index: number) => void;
  onDropAt: (event: DragEvent, index: number) => void;
}

/**
 * One item of a section of the open issue, draggable, with its controls. Memoised: with every prop the
 * same (the item object changes only when it was saved), a change elsewhere in the issue does not
 * render it again, which keeps one key in あとがき from drawing hundreds of cards.
 */
export const IssueItem = memo(function IssueItem({
  item,
  index,
  last,
  categories,
  dropBefore,
  formatDate,
  onDragOverAt,
  onDropAt,
}: IssueItemProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const editing = useComputed(() => state.editingId.value === item.id);
  // Its own entry only: the marks of other items arriving (after the first paint) leave this card alone.
  const repeated = useComputed(() => state.repeatedLinks.value.get(item.id));
  return (
    <li
      class={dropBefore ? 'drop-before' : undefined}
      draggable={!editing.value}
      onDragStart={(event) => {
        event.dataTransfer?.setData(DRAG_TYPE, item.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        event.stopPropagation();
        onDragOverAt(event, index);
      }}
      onDrop={(event) => {
        event.stopPropagation();
        onDropAt(event, index);
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
        flags={repeated.value && <RepeatedLinkMark links={repeated.value} />}
        actions={<ItemControls item={item} first={index === 0} last={last} categories={categories} />}
      />
    </li>
  );
});
