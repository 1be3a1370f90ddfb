import type { Category } from '../../core/category';
import type { Clipping } from '../../core/clipping';
import { moveClippingToCategory, nudgeClipping, placeClipping, setCarryOver } from '../clipping-actions';
import { focusAfterRemoving, refocusItemControl } from '../focus-moves';
import { useOptionsState } from '../state';

export interface ItemControlsProps {
  item: Clipping;
  /** First and last in the section: ↑ or ↓ has nowhere to go. */
  first: boolean;
  last: boolean;
  categories: readonly Category[];
}

/**
 * Keyboard-reachable controls for an item of the open issue: up, down, section, carry over, backlog.
 * Moving the item can drop focus (its card is moved in the page, or ↑ is disabled once it is first):
 * focus then follows the item to its new place.
 */
export function ItemControls({ item, first, last, categories }: ItemControlsProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const selectId = `move-${item.id}`;
  const nudge = (by: -1 | 1) =>
    void nudgeClipping(state, item.id, by).then(() =>
      refocusItemControl(item.id, by < 0 ? ['item-up', 'item-down'] : ['item-down', 'item-up']),
    );
  return (
    <>
      <button
        type="button"
        data-testid="item-up"
        aria-label={t('moveUpLabel', item.title)}
        disabled={first}
        onClick={() => nudge(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        data-testid="item-down"
        aria-label={t('moveDownLabel', item.title)}
        disabled={last}
        onClick={() => nudge(1)}
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
        onChange={(event) =>
          void moveClippingToCategory(state, item.id, event.currentTarget.value).then(() =>
            refocusItemControl(item.id, ['item-category']),
          )
        }
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
        onClick={(event) => {
          const card = event.currentTarget.closest('[data-testid="clipping"]');
          const moveFocus = card ? focusAfterRemoving(card) : undefined;
          void placeClipping(state, item.id, null).then(moveFocus);
        }}
      >
        {t('toBacklog')}
      </button>
    </>
  );
}
