import type { Clipping } from '../../core/clipping';
import type { Translate } from '../../core/messages';
import { isHttpUrl } from '../../core/url';

export interface ClippingCardProps {
  clipping: Clipping;
  t: Translate;
  formatDate: (time: number) => string;
  onEdit: () => void;
  onDelete: () => void;
}

/** One clipping as read: title (a link only for http(s) URLs), URL, note as plain text, date, actions. */
export function ClippingCard({ clipping, t, formatDate, onEdit, onDelete }: ClippingCardProps) {
  const linkable = isHttpUrl(clipping.url);
  return (
    <article class="clipping" data-testid="clipping" data-id={clipping.id}>
      <h3 class="clipping-title">
        {linkable ? (
          <a href={clipping.url} target="_blank" rel="noopener noreferrer" data-testid="clipping-title">
            {clipping.title}
          </a>
        ) : (
          <span data-testid="clipping-title">{clipping.title}</span>
        )}
      </h3>
      <p class="clipping-url" data-testid="clipping-url">
        {clipping.url || t('noUrl')}
      </p>
      {clipping.note && (
        <p class="clipping-note" data-testid="clipping-note">
          {clipping.note}
        </p>
      )}
      <footer class="clipping-meta">
        <time dateTime={new Date(clipping.createdAt).toISOString()}>
          {t('clippedAt', formatDate(clipping.createdAt))}
        </time>
        <span class="clipping-actions">
          <button
            type="button"
            data-testid="clipping-edit"
            aria-label={t('editClipping', clipping.title)}
            onClick={onEdit}
          >
            {t('edit')}
          </button>
          <button
            type="button"
            class="danger"
            data-testid="clipping-delete"
            aria-label={t('deleteClipping', clipping.title)}
            onClick={onDelete}
          >
            {t('delete')}
          </button>
        </span>
      </footer>
    </article>
  );
}
