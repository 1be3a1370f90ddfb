import { archiveHash } from '../../core/archive-hash';
import type { RepeatedLink } from '../../core/repeated-links';
import { openFromHash } from '../issue-actions';
import { useOptionsState } from '../state';

export interface RepeatedLinkMarkProps {
  /** Where the item's link went out, newest issue first (core/repeated-links.ts). */
  links: readonly RepeatedLink[];
}

/**
 * 「第41回で紹介済み」 on an item of the open issue whose link went out in a recent issue: a warning, never
 * a block. Each issue named is a link to its item in the archive, at the address the popup's
 * 「公開済みの記事を見る」 opens (`#archive/<issue>/<item>`), so it also opens in a tab of its own.
 */
export function RepeatedLinkMark({ links }: RepeatedLinkMarkProps) {
  const state = useOptionsState();
  const { t } = state.services;
  // One link per issue: its first item with this URL, the one the archive points at.
  const seen = new Set<string>();
  const byIssue = links.filter(({ issue }) => !seen.has(issue.id) && seen.add(issue.id));
  const [latest, ...earlier] = byIssue;
  if (!latest) return null;
  const linkTo = ({ issue, clipping }: RepeatedLink, text: string) => {
    const hash = `#${archiveHash(issue.id, clipping.id)}`;
    return (
      <a
        href={hash}
        data-testid="item-repeated-link"
        title={t('repeatedShow', [String(issue.number), issue.date])}
        onClick={(event) => {
          event.preventDefault();
          openFromHash(state, hash);
        }}
      >
        {text}
      </a>
    );
  };
  return (
    <p class="badge repeated-link" data-testid="item-repeated">
      {linkTo(latest, t('repeatedIn', String(latest.issue.number)))}
      {earlier.map((link) => (
        <span key={link.issue.id}>
          {' · '}
          {linkTo(link, t('repeatedAlsoIn', String(link.issue.number)))}
        </span>
      ))}
    </p>
  );
}
