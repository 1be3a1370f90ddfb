import { addDays, nextWeekday, type Weekday } from './calendar';
import type { Clipping } from './clipping';
import { nextUpdatedAt } from './updated-at';

/** One edition (号) of the newsletter. Exactly one is open at a time; published ones are frozen. */
export interface Issue {
  id: string;
  /** 第N回. Stored, never derived from dates: weeks without an issue get no number. */
  number: number;
  /** The 号 date, `YYYY-MM-DD`: the day of the team's weekly meeting. */
  date: string;
  /** The clipping named in the Zenn article title; null means the first item. */
  headlineId: string | null;
  /**
   * The topic the Zenn article title names (`{topic}の話題など`), as the team writes it; blank or absent
   * means the headline item's title.
   */
  topic?: string;
  /** あとがき; the section is left out while this is blank. */
  afterword: string;
  status: 'open' | 'published';
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  /**
   * When the issue was changed after publishing, through the archive's confirmed 「公開済みの号を編集」:
   * a published issue is frozen otherwise, so each exception is kept. Absent when never edited.
   */
  editedAfterPublish?: number[];
}

export interface IssueDraft {
  number: number;
  date: string;
}

/** The first issue of a fresh install: 第1回, dated on the next meeting day (today if it is one). */
export function firstIssue(id: string, today: string, meetingWeekday: Weekday, now: number): Issue {
  return openIssue(id, { number: 1, date: nextWeekday(today, meetingWeekday) }, now);
}

export function openIssue(id: string, { number, date }: IssueDraft, now: number): Issue {
  return {
    id,
    number,
    date,
    headlineId: null,
    afterword: '',
    status: 'open',
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
}

/** What follows an issue by default: the next number, a week later. Both stay editable. */
export function followingIssue(issue: Pick<Issue, 'number' | 'date'>): IssueDraft {
  return { number: issue.number + 1, date: addDays(issue.date, 7) };
}

export interface PublishPlan {
  published: Issue;
  next: Issue;
  /** Clippings marked to carry over, now in the next issue (and no longer marked). */
  carried: Clipping[];
}

/**
 * Publishing freezes the issue and opens the next one. Items marked "carry over" move to the next
 * issue, after anything already there; everything else stays with the published issue.
 */
export function publishIssue(
  issue: Issue,
  items: readonly Clipping[],
  next: { id: string } & IssueDraft,
  now: number,
): PublishPlan {
  if (issue.status !== 'open') throw new Error('Only the open issue can be published.');
  const published: Issue = { ...issue, status: 'published', publishedAt: now, updatedAt: now };
  const opened = openIssue(next.id, next, now);
  const carried = items
    .filter((item) => item.issueId === issue.id && item.carryOver)
    .map(
      (item): Clipping => ({
        ...item,
        issueId: opened.id,
        carryOver: false,
        updatedAt: nextUpdatedAt(item, now),
      }),
    );
  return { published, next: opened, carried };
}

/** Items of an issue in the user's order: by position, then the order they were clipped. */
export function compareItemOrder(a: Clipping, b: Clipping): number {
  return a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The issue's items in order, carried-over ones included (they are shown, marked, but not rendered). */
export function issueItems(issueId: string, clippings: readonly Clipping[]): Clipping[] {
  return clippings.filter((clipping) => clipping.issueId === issueId).sort(compareItemOrder);
}

/** The item the Zenn title names: the chosen headline if it is still rendered, else the first rendered item. */
export function headlineItem(issue: Issue, rendered: readonly Clipping[]): Clipping | undefined {
  return rendered.find((item) => item.id === issue.headlineId) ?? rendered[0];
}

/** The published issue with one more edit after publishing on record. */
export function recordPublishedEdit(issue: Issue, at: number): Issue {
  return { ...issue, editedAfterPublish: [...(issue.editedAfterPublish ?? []), at] };
}

// The archive's address lives in its own module so the popup can link there without this one (issue 8).
export { archiveHash, parseArchiveHash } from './archive-hash';
