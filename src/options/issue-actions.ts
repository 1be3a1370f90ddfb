import { isIsoDate, localIsoDate } from '../core/calendar';
import { isIssueNumber } from '../core/fields';
import {
  firstIssue,
  type Issue,
  type IssueDraft,
  issueItems,
  type PublishPlan,
  publishIssue,
} from '../core/issue';
import { nextUpdatedAt } from '../core/updated-at';
import type { OptionsState } from './state';

/** Changes to issues: the open one's number, date, headline and afterword; publishing. */

export type IssueChange = Partial<Pick<Issue, 'number' | 'date' | 'headlineId' | 'afterword'>>;

/** Opens 第1回 when the page finds no open issue (a fresh install opened here before any clip). */
export async function ensureOpenIssue(state: OptionsState): Promise<void> {
  if (state.openIssue.value) return;
  const { now, newId } = state.services;
  const time = now();
  const candidate = firstIssue(
    newId(),
    localIsoDate(new Date(time)),
    state.settings.value.meetingWeekday,
    time,
  );
  await state.write(
    (repos) => repos.issues.ensureOpen(candidate),
    (open) => state.mergeIssues([open]),
  );
}

/** A change the open issue may take: the number and date rules an import checks too (core/fields.ts). */
export function isValidChange(change: IssueChange): boolean {
  if (change.number !== undefined && !isIssueNumber(change.number)) return false;
  if (change.date !== undefined && !isIsoDate(change.date)) return false;
  return true;
}

export async function updateOpenIssue(state: OptionsState, change: IssueChange): Promise<boolean> {
  if (!isValidChange(change)) return false;
  let updated: Issue | undefined;
  return state.write(
    (repos) => {
      // Read when this write's turn comes, so quick successive changes build on each other.
      const issue = state.openIssue.value;
      if (!issue) return undefined;
      updated = { ...issue, ...change, updatedAt: nextUpdatedAt(issue, state.services.now()) };
      return repos.issues.save(updated);
    },
    () => updated && state.mergeIssues([updated]),
  );
}

/** Freezes the open issue and opens the next with `next`'s number and date; carried-over items move. */
export async function publishOpenIssue(state: OptionsState, next: IssueDraft): Promise<boolean> {
  if (!isValidChange(next)) return false;
  const { now, newId } = state.services;
  let plan: PublishPlan | undefined;
  const done = await state.write(
    async (repos) => {
      // Publish what the database holds now, clippings saved from the popup a moment ago included.
      state.clippings.value = await repos.clippings.list();
      const issue = state.openIssue.value;
      if (!issue) return;
      plan = publishIssue(
        issue,
        issueItems(issue.id, state.clippings.value),
        { id: newId(), ...next },
        now(),
      );
      await repos.issues.publish(plan);
    },
    () => {
      if (!plan) return;
      state.mergeIssues([plan.published, plan.next]);
      state.mergeClippings(plan.carried);
      state.say('success', 'published', [String(plan.published.number), String(plan.next.number)]);
    },
  );
  return done && plan !== undefined;
}
