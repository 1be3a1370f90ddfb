import { compareNewestFirst } from '../../core/clipping';
import { placeClipping } from '../clipping-actions';
import { useOptionsState } from '../state';
import { EditableClipping } from './EditableClipping';

export interface BacklogViewProps {
  formatDate: (time: number) => string;
}

/** Clippings set aside for a later issue; each can go back into the open one. */
export function BacklogView({ formatDate }: BacklogViewProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const open = state.openIssue.value;
  const items = [...state.backlog.value].sort(compareNewestFirst);
  return (
    <section aria-labelledby="backlog-heading">
      <h2 id="backlog-heading">
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
                    onClick={() => void placeClipping(state, item.id, open.id)}
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
