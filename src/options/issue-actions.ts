import { isIsoDate, localIsoDate } from '../core/calendar';
import { isIssueNumber } from '../core/fields';
import {
  firstIssue,
  type Issue,
  type IssueDraft,
  issueItems,
  parseArchiveHash,
  publishIssue,
} from '../core/issue';
import { nextUpdatedAt } from '../core/updated-at';
import type { GuardedOutcome, TextGuard } from './settings-actions';
import type { OptionsState } from './state';

/** Changes to issues: the open one's number, date, headline, topic and afterword; publishing. */

export type IssueChange = Partial<Pick<Issue, 'number' | 'date' | 'headlineId' | 'topic' | 'afterword'>>;

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
  return state.write(
    async (repos): Promise<GuardedOutcome<Issue> | undefined> => {
      // Read when this write's turn comes, so quick successive changes build on each other.
      const mirrored = state.openIssue.value;
      if (!mirrored || (guard && mirrored.id !== guard.issueId)) return undefined;
      const issue = (await repos.issues.get(mirrored.id)) ?? mirrored;
      const updated = { ...issue, ...change, updatedAt: nextUpdatedAt(issue, state.services.now()) };
      if (guard && guard.read(issue) !== guard.basis && guard.read(issue) !== guard.read(updated)) {
        return { refused: issue };
      }
      await repos.issues.save(updated);
      return { saved: updated };
    },
    (outcome) => {
      if ('saved' in outcome) {
        state.mergeIssues([outcome.saved]);
        return;
      }
      state.mergeIssues([outcome.refused]);
      guard?.refuse(guard.read(outcome.refused));
    },
  );
}

/** Freezes the open issue and opens the next with `next`'s number and date; carried-over items move. */
export async function publishOpenIssue(state: OptionsState, next: IssueDraft): Promise<boolean> {
  if (!isValidChange(next)) return false;
  const { now, newId } = state.services;
  const done = await state.commit(
    async (repos) => {
      const issue = state.openIssue.value;
      if (!issue) return undefined;
      // Publish what the database holds now, clippings saved from the popup a moment ago included.
      const items = await repos.clippings.listByIssue(issue.id);
      const plan = publishIssue(issue, issueItems(issue.id, items), { id: newId(), ...next }, now());
      await repos.issues.publish(plan);
      return { plan, items };
    },
    ({ plan, items }) => {
      state.mergeClippings(items);
      state.mergeIssues([plan.published, plan.next]);
      state.mergeClippings(plan.carried);
      state.say('success', 'published', [String(plan.published.number), String(plan.next.number)]);
    },
  );
  return done !== undefined;
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
