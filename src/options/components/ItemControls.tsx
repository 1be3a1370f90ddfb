import type { Category } from '../../core/category';
import type { Clipping } from '../../core/clipping';
import { moveClippingToCategory, nudgeClipping, placeClipping, setCarryOver } from '../clipping-actions';
import { useOptionsState } from '../state';

export interface ItemControlsProps {
  item: Clipping;
  /** First and last in the section: ↑ or ↓ has nowhere to go. */
  first: boolean;
  last: boolean;
  categories: readonly Category[];
}

/** Keyboard-reachable controls for an item of the open issue: up, down, section, carry over, backlog. */
export function ItemControls({ item, first, last, categories }: ItemControlsProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const selectId = `move-${item.id}`;
  return (
    <>
      <button
        type="button"
        data-testid="item-up"
        aria-label={t('moveUpLabel', item.title)}
        disabled={first}
        onClick={() => void nudgeClipping(state, item.id, -1)}
      >
        ↑
      </button>
      <button
        type="button"
        data-testid="item-down"
        aria-label={t('moveDownLabel', item.title)}
        disabled={last}
        onClick={() => void nudgeClipping(state, item.id, 1)}
      >
        ↓
      </button>
      <label class="visually-hidden" for={selectId}>
        {t('moveToLabel', item.title)}
      </label>
      <select
        id={selectId}
        data-testid="item-category"
        value={item.categoryId}
        onChange={(event) => void moveClippingToCategory(state, item.id, event.currentTarget.value)}
      >
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="item-carry-over"
        aria-pressed={item.carryOver}
        onClick={() => void setCarryOver(state, item.id, !item.carryOver)}
      >
        {item.carryOver ? t('keepInIssue') : t('carryOver')}
      </button>
      <button
        type="button"
        data-testid="item-backlog"
        onClick={() => void placeClipping(state, item.id, null)}
      >
        {t('toBacklog')}
      </button>
    </>
  );
}
