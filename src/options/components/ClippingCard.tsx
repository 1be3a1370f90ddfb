import type { ComponentChildren, Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { Clipping } from '../../core/clipping';
import type { Translate } from '../../core/messages';
import { isHttpUrl } from '../../core/url';
import { Toolbar } from './Toolbar';

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
  /** The card itself, for moving focus to it or into it (focus-moves.ts). */
  cardRef?: Ref<HTMLElement>;
}

/**
 * One clipping as read: title (a link only for http(s) URLs), URL, note as plain text, who and when.
 * Its controls are one toolbar, so Tab passes a card in two presses (the title's link, the toolbar).
 * The card takes focus by script only, when a card beside it leaves the list (focus-moves.ts).
 */
export function ClippingCard({
  clipping,
  t,
  formatDate,
  onEdit,
  onDelete,
  actions,
  handle,
  flags,
  cardRef,
}: ClippingCardProps) {
  const linkable = isHttpUrl(clipping.url);
  const titleId = useId();
  return (
    <article
      class={clipping.carryOver ? 'clipping carried' : 'clipping'}
      data-testid="clipping"
      data-id={clipping.id}
      tabIndex={-1}
      aria-labelledby={titleId}
      ref={cardRef}
    >
      <div class="clipping-head">
        {handle}
        <h3 class="clipping-title" id={titleId}>
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
        <Toolbar label={t('clippingActions', clipping.title)} class="clipping-actions">
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
        </Toolbar>
      </footer>
    </article>
  );
}
