import type { Category } from '../category';
import type { Clipping } from '../clipping';
import { type Deletion, deletionsById, isDeleted } from '../deletion';
import { compareItemOrder, type Issue } from '../issue';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../settings';
import { type BackupData, compareIds, sortById } from './backup';
import { RECORDS_PER_STEP } from './json-file';
import { finish, type Work } from './paced';

/**
 * Merging a backup into this install's data (docs/backup-format.md, "Merge"). Pure: it takes both data
 * sets and returns only the records to write, so the storage layer can write them in one transaction.
 */

export interface MergeCounts {
  /** Records written that this install did not have. */
  added: number;
  /** Records written over one this install had (a newer incoming version, or an issue closed by the merge). */
  updated: number;
  /** Incoming records that change nothing: the same or an older version of what is here. */
  unchanged: number;
}

export interface MergePlan {
  clippings: Clipping[];
  issues: Issue[];
  categories: Category[];
  /** Tombstones this install did not have, or had older. */
  deletions: Deletion[];
  /** Present only when the settings are to be written (see `mergeSettings`). */
  settings?: NewsletterSettings;
  counts: MergeCounts;
}

type Versioned = { id: string; updatedAt: number };

/**
 * By id, the newer `updatedAt` wins; on a tie this install's version stays (a merge never flip-flops).
 * A record this install does not have and that `deleted` says was deleted after that version is not
 * brought back.
 */
function* newerWins<T extends Versioned>(
  current: readonly T[],
  incoming: readonly T[],
  progress: { done: number; total: number },
  deleted: (record: T) => boolean = () => false,
) {
  const merged = new Map<string, T>();
  for (const record of current) merged.set(record.id, record);
  const written = new Map<string, T>();
  for (const record of incoming) {
    if (++progress.done % RECORDS_PER_STEP === 0) yield { phase: 'merging' as const, ...progress };
    const here = merged.get(record.id);
    if (here ? here.updatedAt >= record.updatedAt : deleted(record)) continue;
    merged.set(record.id, record);
    written.set(record.id, record);
  }
  return { merged, written };
}

/**
 * The app keeps one issue open. When the merged issues would have more than one, one stays open and the
 * others are closed as published, their items kept with them (nothing moves, nothing is lost). The one
 * that stays open is, in this order: the higher number (the later issue in the series); the one with
 * items (so a fresh install's empty 第1回 gives way to a restored one); the later date; this install's.
 * A closed issue gets `updatedAt` + 1, so its published state wins over the open copy in later merges.
 * Its items then move into the one that stays open (`gatherIntoOpenIssue`).
 */
function closeExtraOpenIssues(
  merged: Map<string, Issue>,
  clippings: ReadonlyMap<string, Clipping>,
  openHere: string | undefined,
): { keep?: Issue; closed: Issue[] } {
  const open = [...merged.values()].filter((issue) => issue.status === 'open');
  if (open.length < 2) return { closed: [] };
  const used = new Set([...clippings.values()].map((clipping) => clipping.issueId));
  const hasItems = (issue: Issue) => (used.has(issue.id) ? 1 : 0);
  const isHere = (issue: Issue) => (issue.id === openHere ? 1 : 0);
  // Positive when `a` should stay open rather than `b`; the last tie-break (lower id) only makes it total.
  const stayOpen = (a: Issue, b: Issue) =>
    a.number - b.number ||
    hasItems(a) - hasItems(b) ||
    (a.date > b.date ? 1 : a.date < b.date ? -1 : 0) ||
    isHere(a) - isHere(b) ||
    compareIds(b, a);
  const keep = open.reduce((best, issue) => (stayOpen(issue, best) > 0 ? issue : best));
  const closed = open
    .filter((issue) => issue !== keep)
    .map((issue): Issue => {
      const updatedAt = issue.updatedAt + 1;
      return { ...issue, status: 'published', publishedAt: updatedAt, updatedAt };
    });
  return { keep, closed };
}

/**
 * The items of issues a merge closed, moved into the issue that stays open, after its own items and
 * in their own order. Those issues were never published (two browsers each opened a 第1回): left
 * there, their items would sit in the archive with no way to move them. Like any merge change, a move
 * is not an edit: `updatedAt` + 1, so the moved version wins the next time the same file is merged.
 */
export function gatherIntoOpenIssue(
  clippings: Iterable<Clipping>,
  closedIds: ReadonlySet<string>,
  openId: string,
): Clipping[] {
  const all = [...clippings];
  // A loop, not Math.max(...orders): spreading 100,000 arguments overflows the stack.
  let last = Number.NEGATIVE_INFINITY;
  for (const clipping of all) if (clipping.issueId === openId) last = Math.max(last, clipping.order);
  const after = last === Number.NEGATIVE_INFINITY ? 0 : last + 1;
  return all
    .filter((clipping) => clipping.issueId !== null && closedIds.has(clipping.issueId))
    .sort(compareItemOrder)
    .map((clipping, index) => ({
      ...clipping,
      issueId: openId,
      order: after + index,
      carryOver: false,
      updatedAt: clipping.updatedAt + 1,
    }));
}

const sameSettings = (a: NewsletterSettings, b: NewsletterSettings) =>
  a.name === b.name &&
  a.introTemplate === b.introTemplate &&
  a.meetingWeekday === b.meetingWeekday &&
  a.memberName === b.memberName &&
  a.emoji === b.emoji &&
  a.topics.length === b.topics.length &&
  a.topics.every((topic, index) => topic === b.topics[index]);

/**
 * Settings have no `updatedAt`, and `memberName` is who uses this browser: a merge keeps this install's
 * settings, unless they were never changed from the defaults (a fresh install), where the file's are taken.
 */
function mergeSettings(current: NewsletterSettings, incoming: NewsletterSettings) {
  return sameSettings(current, DEFAULT_SETTINGS) && !sameSettings(current, incoming)
    ? { ...incoming, topics: [...incoming.topics] }
    : undefined;
}

/**
 * What merging `incoming` into `current` writes. Clippings and issues: by id, the newer `updatedAt` wins.
 * Categories have no `updatedAt`: an unknown id is added, a known one keeps this install's label and
 * order. Nothing is deleted, and a clipping deleted here after the file's version of it is not brought
 * back; the file's tombstones are kept, the later of two winning. Merging the same
 * file again writes nothing.
 */
export function planMerge(current: BackupData, incoming: BackupData): MergePlan {
  return finish(mergeWork(current, incoming));
}

/** `planMerge` as work that yields its progress (`merging`, incoming records compared / total). */
export function* mergeWork(current: BackupData, incoming: BackupData): Work<MergePlan> {
  const progress = { done: 0, total: incoming.clippings.length + incoming.issues.length };
  const here = deletionsById(current.deletions);
  const deletions = [...deletionsById(incoming.deletions).values()].filter(
    (deletion) => (here.get(deletion.id)?.deletedAt ?? -1) < deletion.deletedAt,
  );
  // Only this install's tombstones hold a clipping back: the file's own say what its browser deleted,
  // and a clipping it still has is one it brought back since (a fresh import gives back the file).
  const clippings = yield* newerWins(current.clippings, incoming.clippings, progress, (clipping) =>
    isDeleted(here, clipping),
  );
  const issues = yield* newerWins(current.issues, incoming.issues, progress);
  const openHere = current.issues.find((issue) => issue.status === 'open')?.id;
  const { keep, closed } = closeExtraOpenIssues(issues.merged, clippings.merged, openHere);
  for (const issue of closed) issues.written.set(issue.id, issue);
  if (keep) {
    const closedIds = new Set(closed.map((issue) => issue.id));
    for (const moved of gatherIntoOpenIssue(clippings.merged.values(), closedIds, keep.id)) {
      clippings.merged.set(moved.id, moved);
      clippings.written.set(moved.id, moved);
    }
  }
  const knownCategories = new Set(current.categories.map((category) => category.id));
  const categories = incoming.categories.filter((category) => !knownCategories.has(category.id));

  const counts: MergeCounts = { added: categories.length, updated: 0, unchanged: 0 };
  const count = <T extends Versioned>(
    here: readonly T[],
    written: ReadonlyMap<string, T>,
    from: readonly T[],
  ) => {
    const hereIds = new Set<string>();
    for (const record of here) hereIds.add(record.id);
    let updated = 0;
    for (const id of written.keys()) if (hereIds.has(id)) updated++;
    counts.updated += updated;
    counts.added += written.size - updated;
    let unchanged = 0;
    for (const record of from) if (!written.has(record.id)) unchanged++;
    counts.unchanged += unchanged;
  };
  count(current.clippings, clippings.written, incoming.clippings);
  count(current.issues, issues.written, incoming.issues);
  counts.unchanged += incoming.categories.length - categories.length;

  const plan: MergePlan = {
    clippings: sortById([...clippings.written.values()]),
    issues: sortById([...issues.written.values()]),
    categories: categories.map((category) => ({ ...category })).sort(compareIds),
    deletions: deletions.sort(compareIds),
    counts,
  };
  const settings = mergeSettings(current.settings, incoming.settings);
  if (settings) plan.settings = settings;
  return plan;
}
