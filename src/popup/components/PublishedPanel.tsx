import { archiveHash } from '../../core/archive-hash';
import type { Translate } from '../../core/messages';
import { openOptionsAt } from '../../platform/runtime';
import { reclip } from '../form-changes';
import type { PopupState } from '../state';

export interface PublishedPanelProps {
  state: PopupState;
  t: Translate;
  /** Opens the published item; by default in the options page's archive, closing the popup. */
  onOpenPublished?: (issueId: string, clippingId: string) => void;
}

/** The options page on a published item, read-only in the archive; the popup closes once it opened. */
function openInArchive(issueId: string, clippingId: string): void {
  void openOptionsAt(archiveHash(issueId, clippingId)).then(() => window.close());
}

/**
 * Shown instead of the fields on a page whose clipping went out in a published issue: that issue is
 * frozen, so the choices are a new clipping in the open issue or a read-only look at the old one.
 */
export function PublishedPanel({ state, t, onOpenPublished = openInArchive }: PublishedPanelProps) {
  const found = state.published.value;
  if (!found) return null;
  const { issue, clipping } = found;
  return (
    <div class="published-panel">
      <p role="status" class="notice notice-info" data-testid="clip-published">
        {t('publishedIn', [String(issue.number), issue.date])}
      </p>
      <div class="actions">
        <button type="button" class="primary" data-testid="clip-reclip" onClick={() => reclip(state)}>
          {t('reclip')}
        </button>
        <button
          type="button"
          data-testid="clip-view-published"
          onClick={() => onOpenPublished(issue.id, clipping.id)}
        >
          {t('viewPublished')}
        </button>
      </div>
    </div>
  );
}
