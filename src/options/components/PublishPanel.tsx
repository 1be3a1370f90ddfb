import { useState } from 'preact/hooks';
import type { Issue } from '../../core/issue';
import { followingIssue } from '../../core/issue';
import { afterRender, focusOn } from '../focus-moves';
import { publishOpenIssue } from '../issue-actions';
import { useOptionsState } from '../state';

export interface PublishPanelProps {
  issue: Issue;
  /** How many items are marked to move to the next issue. */
  carrying: number;
}

/**
 * 公開済みにする: freezes the open issue and opens the next. Asks first, showing the next issue's number
 * and date (editable: a skipped week or a Thursday meeting) and what carries over. Focus follows: to
 * the next number when asked, back to the button when cancelled, to the new issue's heading once done.
 */
export function PublishPanel({ issue, carrying }: PublishPanelProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const [confirming, setConfirming] = useState(false);
  const proposed = followingIssue(issue);
  const [number, setNumber] = useState(proposed.number);
  const [date, setDate] = useState(proposed.date);
  const focusById = (id: string) => afterRender(() => focusOn(document.getElementById(id)));
  if (!confirming) {
    return (
      <div class="publish">
        <button
          type="button"
          id="issue-publish"
          data-testid="issue-publish"
          onClick={() => {
            setNumber(proposed.number);
            setDate(proposed.date);
            setConfirming(true);
            focusById('next-number');
          }}
        >
          {t('publish')}
        </button>
      </div>
    );
  }
  return (
    <form
      class="publish confirming"
      data-testid="publish-confirm"
      aria-label={t('publishConfirmHeading', String(issue.number))}
      onSubmit={(event) => {
        event.preventDefault();
        void publishOpenIssue(state, { number, date }).then((done) => {
          if (!done) return;
          setConfirming(false);
          focusById('issue-heading');
        });
      }}
    >
      <p>{t('publishConfirm', [String(issue.number), issue.date])}</p>
      {carrying > 0 && <p>{t('publishCarrying', String(carrying))}</p>}
      <div class="issue-meta-row">
        <div class="field">
          <label for="next-number">{t('nextNumber')}</label>
          <input
            id="next-number"
            data-testid="next-number"
            type="number"
            min={1}
            step={1}
            required
            value={number}
            onInput={(event) => setNumber(event.currentTarget.valueAsNumber)}
          />
        </div>
        <div class="field">
          <label for="next-date">{t('nextDate')}</label>
          <input
            id="next-date"
            data-testid="next-date"
            type="date"
            required
            value={date}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
        </div>
      </div>
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            setConfirming(false);
            focusById('issue-publish');
          }}
        >
          {t('cancel')}
        </button>
        <button type="submit" class="primary" data-testid="publish-confirm-button">
          {t('publishConfirmButton')}
        </button>
      </div>
    </form>
  );
}
