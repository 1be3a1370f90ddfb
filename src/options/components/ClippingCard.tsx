import type { ComponentChildren } from 'preact';
import type { Clipping } from '../../core/clipping';
import type { Translate } from '../../core/messages';
import { isHttpUrl } from '../../core/url';

export interface ClippingCardProps {
  clipping: Clipping;
  t: Translate;
  formatDate: (time: number) => string;
  onEdit: () => void;
  onDelete: () => void;
  /** Controls that depend on where the card is shown (reorder, move, carry over, backlog). */
  actions?: ComponentChildren;
  /** Leading control, e.g. the drag handle. */
  handle?: ComponentChildren;
  /** Marks on the item where it is shown, beside 「持ち越し」 (in the open issue: 「第N回で紹介済み」). */
  flags?: ComponentChildren;
}

/** One clipping as read: title (a link only for http(s) URLs), URL, note as plain text, who and when. */
export function ClippingCard({
  clipping,
  t,
  formatDate,
  onEdit,
  onDelete,
  actions,
  handle,
  flags,
}: ClippingCardProps) {
  const linkable = isHttpUrl(clipping.url);
  return (
    <article
      class={clipping.carryOver ? 'clipping carried' : 'clipping'}
      data-testid="clipping"
      data-id={clipping.id}
    >
      <div class="clipping-head">
        {handle}
        <h3 class="clipping-title">
          {linkable ? (
            <a href={clipping.url} target="_blank" rel="noopener noreferrer" data-testid="clipping-title">
              {clipping.title}
            </a>
          ) : (
            <span data-testid="clipping-title">{clipping.title}</span>
          )}
        </h3>
      </div>
      <p class="clipping-url" data-testid="clipping-url">
        {clipping.url || t('noUrl')}
      </p>
      {clipping.carryOver && <p class="badge">{t('carriedOver')}</p>}
      {flags}
      {clipping.note && (
        <p class="clipping-note" data-testid="clipping-note">
          {clipping.note}
        </p>
      )}
      <footer class="clipping-meta">
        <span>
          <time dateTime={new Date(clipping.createdAt).toISOString()}>
            {t('clippedAt', formatDate(clipping.createdAt))}
          </time>
          {clipping.clippedBy && <span class="clipped-by">{t('clippedBy', clipping.clippedBy)}</span>}
        </span>
        <span class="clipping-actions">
          {actions}
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
