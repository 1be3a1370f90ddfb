import { compareNewestFirst } from '../../core/clipping';
import { placeClipping } from '../clipping-actions';
import { focusAfterRemoving } from '../focus-moves';
import { useOptionsState } from '../state';
import { EditableClipping } from './EditableClipping';

export interface BacklogViewProps {
  formatDate: (time: number) => string;
}

/**
 * Clippings set aside for a later issue; each can go back into the open one. The heading takes focus
 * when the last card leaves.
 */
export function BacklogView({ formatDate }: BacklogViewProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const open = state.openIssue.value;
  const items = [...state.backlog.value].sort(compareNewestFirst);
  return (
    <section aria-labelledby="backlog-heading">
      <h2 id="backlog-heading" tabIndex={-1}>
        {t('navBacklog')} <span class="count">{t('clippingCount', String(items.length))}</span>
      </h2>
      {items.length === 0 && <p class="empty">{t('backlogEmpty')}</p>}
      <ul class="clippings">
        {items.map((item) => (
          <li key={item.id}>
            <EditableClipping
              clipping={item}
              formatDate={formatDate}
              actions={
                open && (
                  <button
                    type="button"
                    data-testid="item-to-issue"
                    onClick={(event) => {
                      // The card leaves the backlog: focus goes to its neighbour, as after a delete.
                      const card = event.currentTarget.closest('[data-testid="clipping"]');
                      const moveFocus = card ? focusAfterRemoving(card) : undefined;
                      void placeClipping(state, item.id, open.id).then(moveFocus);
                    }}
                  >
                    {t('toIssue')}
                  </button>
                )
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
