import { useCallback } from 'preact/hooks';
import type { Clipping } from '../../core/clipping';
import { headlineItem, type Issue } from '../../core/issue';
import { updateOpenIssue } from '../issue-actions';
import { useOptionsState } from '../state';
import { SyncedField } from './SyncedField';

export interface IssueMetaProps {
  issue: Issue;
  /** The items the Zenn title may name, in rendered order. */
  rendered: readonly Clipping[];
}

/** The open issue's number (第N回), date (号), headline and topic for the Zenn title, and afterword. */
export function IssueMeta({ issue, rendered }: IssueMetaProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const showAfterword = useCallback((text: string) => state.showAfterword(issue.id, text), [state, issue.id]);
  const showTopic = useCallback((text: string) => state.showTopic(issue.id, text), [state, issue.id]);
  return (
    <div class="issue-meta">
      <div class="issue-meta-row">
        <div class="field">
          <label for="issue-number">{t('issueNumber')}</label>
          <input
            id="issue-number"
            data-testid="issue-number"
            type="number"
            min={1}
            step={1}
            value={issue.number}
            onChange={(event) => {
              const input = event.currentTarget;
              void updateOpenIssue(state, { number: input.valueAsNumber }).then((saved) => {
                if (!saved) input.value = String(issue.number);
              });
            }}
          />
        </div>
        <div class="field">
          <label for="issue-date">{t('issueDate')}</label>
          <input
            id="issue-date"
            data-testid="issue-date"
            type="date"
            value={issue.date}
            onChange={(event) => {
              const input = event.currentTarget;
              void updateOpenIssue(state, { date: input.value }).then((saved) => {
                if (!saved) input.value = issue.date;
              });
            }}
          />
        </div>
        <div class="field grow">
          <label for="issue-headline">{t('headline')}</label>
          <select
            id="issue-headline"
            data-testid="issue-headline"
            value={issue.headlineId ?? ''}
            onChange={(event) =>
              void updateOpenIssue(state, { headlineId: event.currentTarget.value || null })
            }
          >
            <option value="">{t('headlineFirst')}</option>
            {rendered.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </select>
        </div>
        {/* Blank means the headline's title, which the placeholder shows; keyed by issue like あとがき. */}
        <div class="grow">
          <SyncedField
            key={issue.id}
            id="issue-topic"
            label={t('issueTopic')}
            help={t('issueTopicHelp')}
            placeholder={headlineItem(issue, rendered)?.title}
            stored={issue.topic ?? ''}
            onShown={showTopic}
            save={(topic, basis, refuse) =>
              void updateOpenIssue(
                state,
                { topic },
                { issueId: issue.id, read: (i) => i.topic ?? '', basis, refuse },
              )
            }
          />
        </div>
      </div>
      {/* Keyed by issue: after publishing, the field starts over on the next issue's own afterword. */}
      <SyncedField
        key={issue.id}
        id="issue-afterword"
        label={t('afterword')}
        rows={3}
        stored={issue.afterword}
        onShown={showAfterword}
        save={(afterword, basis, refuse) =>
          void updateOpenIssue(
            state,
            { afterword },
            { issueId: issue.id, read: (i) => i.afterword, basis, refuse },
          )
        }
      />
    </div>
  );
}
