import type { Category } from '../../core/category';
import type { Clipping } from '../../core/clipping';
import { ensureOpenIssue } from '../issue-actions';
import { shareLimit, useProgressiveLimit } from '../progressive';
import { useOptionsState } from '../state';
import { AddItemForm } from './AddItemForm';
import { IssueMeta } from './IssueMeta';
import { IssueSection } from './IssueSection';
import { OpenIssueOutput } from './OpenIssueOutput';
import { PublishPanel } from './PublishPanel';
import { TeamPanel } from './TeamPanel';

export interface IssueViewProps {
  formatDate: (time: number) => string;
}

const NO_ITEMS: Clipping[] = [];

interface IssueSectionsProps {
  categories: readonly Category[];
  sections: ReadonlyMap<string, Clipping[]>;
  formatDate: (time: number) => string;
}

/**
 * The issue's sections in category order, drawn progressively (progressive.ts): a long issue shows its
 * first screen at once and the rest in the tasks after. A component of its own, so that drawing more
 * renders only the sections, not the issue's details and Markdown.
 */
function IssueSections({ categories, sections, formatDate }: IssueSectionsProps) {
  const lists = categories.map((category) => sections.get(category.id) ?? NO_ITEMS);
  const total = lists.reduce((sum, items) => sum + items.length, 0);
  const drawn = shareLimit(
    lists.map((items) => items.length),
    useProgressiveLimit(total),
  );
  return (
    <>
      {categories.map((category, index) => (
        <IssueSection
          key={category.id}
          category={category}
          items={lists[index] as Clipping[]}
          drawn={drawn[index] as number}
          formatDate={formatDate}
        />
      ))}
    </>
  );
}

/** The open issue being written: its details, its sections to organise, and the generated Markdown. */
export function IssueView({ formatDate }: IssueViewProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const issue = state.openIssue.value;
  if (!issue) {
    if (!state.loaded.value) return <p class="empty">{t('loading')}</p>;
    // A fresh install: the first clip opens 第1回; restoring a backup brings its own issues.
    return (
      <section class="issue-view empty-start">
        <p class="empty">{t('noIssueYet')}</p>
        <button
          type="button"
          class="primary"
          data-testid="issue-start"
          onClick={() => void ensureOpenIssue(state)}
        >
          {t('startFirstIssue')}
        </button>
      </section>
    );
  }
  const items = state.openItems.value;
  const sections = state.openSections.value;
  const known = new Set(state.categories.value.map((category) => category.id));
  const orphans = items.filter((item) => !known.has(item.categoryId));
  return (
    <section class="issue-view" aria-labelledby="issue-heading">
      <h2 id="issue-heading" class="issue-heading" tabIndex={-1}>
        {t('issueHeading', [String(issue.number), issue.date])}
      </h2>
      <IssueMeta issue={issue} rendered={state.openRendered.value} />
      <div class="issue-layout">
        <div class="issue-sections">
          <IssueSections categories={state.categories.value} sections={sections} formatDate={formatDate} />
          {orphans.length > 0 && (
            <p class="notice notice-error" role="alert">
              {t('orphanItems', String(orphans.length))}
            </p>
          )}
          <AddItemForm />
          <PublishPanel issue={issue} carrying={items.filter((item) => item.carryOver).length} />
          <TeamPanel />
        </div>
        <OpenIssueOutput />
      </div>
    </section>
  );
}
