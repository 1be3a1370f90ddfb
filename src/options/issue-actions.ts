import { isIsoDate, localIsoDate } from '../core/calendar';
import { isIssueNumber } from '../core/fields';
import {
  firstIssue,
  type Issue,
  type IssueDraft,
  issueItems,
  type PublishPlan,
  parseArchiveHash,
  publishIssue,
} from '../core/issue';
import { nextUpdatedAt } from '../core/updated-at';
import type { TextGuard } from './settings-actions';
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

/**
 * Changes the open issue, applied to the issue as stored now. With `guard`, only the issue it names
 * while it is still the open one (a field's last text flushed after publishing belongs to the issue it
 * was typed for), and only over the text the change was built on.
 */
export async function updateOpenIssue(
  state: OptionsState,
  change: IssueChange,
  guard?: TextGuard<Issue> & { issueId: string },
): Promise<boolean> {
  if (!isValidChange(change)) return false;
  let updated: Issue | undefined;
  return state.write(
    async (repos) => {
      // Read when this write's turn comes, so quick successive changes build on each other.
      const mirrored = state.openIssue.value;
      if (!mirrored || (guard && mirrored.id !== guard.issueId)) return;
      const issue = (await repos.issues.list()).find((stored) => stored.id === mirrored.id) ?? mirrored;
      updated = { ...issue, ...change, updatedAt: nextUpdatedAt(issue, state.services.now()) };
      if (guard && guard.read(issue) !== guard.basis && guard.read(issue) !== guard.read(updated)) {
        state.mergeIssues([issue]);
        guard.refuse(guard.read(issue));
        updated = undefined;
        return;
      }
      await repos.issues.save(updated);
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

/** Opens the view a hash names: `#archive/<issueId>/<clippingId>` shows that published item read-only. */
export function openFromHash(state: OptionsState, hash: string): void {
  const target = parseArchiveHash(hash);
  if (!target) return;
  state.view.value = 'archive';
  state.archivedId.value = target.issueId;
  state.archivedItemId.value = target.clippingId;
}

/**
 * Asks before allowing edits of a published issue, the one exception to its being frozen; each save
 * made then is recorded on the issue. Returns whether the user agreed.
 */
export function confirmPublishedEdit(state: OptionsState, issue: Issue): boolean {
  return state.services.confirm(state.services.t('editPublishedConfirm', String(issue.number)));
}
