import { undoRemove } from '../clipping-actions';
import { useOptionsState } from '../state';

/** The page's last outcome (saved, deleted with undo, or an error), announced to screen readers. */
export function PageNotice() {
  const state = useOptionsState();
  const notice = state.notice.value;
  return (
    <div class="page-notice" role={notice?.tone === 'error' ? 'alert' : 'status'} data-testid="page-notice">
      {notice && (
        <p class={`notice notice-${notice.tone}`}>
          {notice.text}
          {notice.undo && (
            <button
              type="button"
              class="link-button"
              data-testid="undo"
              onClick={() => void undoRemove(state)}
            >
              {state.services.t('undo')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
