import { useEffect, useRef } from 'preact/hooks';
import type { Clipping } from '../../core/clipping';
import type { Translate } from '../../core/messages';

export interface ArchivedItemProps {
  clipping: Clipping;
  t: Translate;
  /** The item the page was opened on, from the popup: scrolled to and marked. */
  current: boolean;
}

/** One item of a published issue as it went out, read-only: title, URL and the note as plain text. */
export function ArchivedItem({ clipping, t, current }: ArchivedItemProps) {
  const element = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (current) element.current?.scrollIntoView({ block: 'center' });
  }, [current]);
  return (
    <li
      ref={element}
      class={current ? 'archived-item current' : 'archived-item'}
      data-testid="archive-item"
      data-id={clipping.id}
      aria-current={current ? 'true' : undefined}
    >
      <p class="clipping-title">{clipping.title}</p>
      <p class="clipping-url">{clipping.url || t('noUrl')}</p>
      {clipping.note && <p class="clipping-note">{clipping.note}</p>}
    </li>
  );
}
