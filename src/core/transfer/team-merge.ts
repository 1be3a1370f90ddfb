import { type Category, sortCategories } from '../category';
import type { Clipping, OtherNote } from '../clipping';
import { type Deletion, deletionsById, isDeleted } from '../deletion';
import { compareItemOrder, type Issue } from '../issue';
import { nextUpdatedAt } from '../updated-at';
import { urlMatchKey } from '../url';
import { compareCodeUnits, RECORDS_PER_STEP } from './json-file';
import { finish, type Work } from './paced';
import type { TeamClipping, TeamFile } from './team-file';

/**
 * The merge plan: what importing members' team files (team-file.ts) changes in the editor's open
 * issue. Pure; the options page writes the plan in one transaction. The rules are in docs/team-merge.md.
 */

export interface TeamMergeLocal {
  openIssue: Pick<Issue, 'id'>;
  /** Every local clipping, in any issue or the backlog. */
  clippings: readonly Clipping[];
  categories: readonly Category[];
  /** Tombstones of deleted clippings: a file's older version of one never brings it back. */
  deletions?: readonly Deletion[];
}

/** Each incoming clipping is counted once, so the four add up to the number of clippings in the files. */
export interface TeamMergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Incoming clippings of a URL already in the issue whose note was kept on that item as an other note. */
  mergedNotes: number;
  /** Items of the issue (or notes folded into one) that a member deleted, counted apart from the four. */
  removed: number;
}

export interface TeamMergePlan {
  add: Clipping[];
  update: Clipping[];
  /** Ids of local clippings a member's deletion removes. */
  remove: string[];
  addCategories: Category[];
  /** The files' tombstones not known here yet: stored, so an older version never comes back. */
  deletions: Deletion[];
  counts: TeamMergeCounts;
}

interface Incoming {
  clipping: TeamClipping;
  file: TeamFile;
}

/**
 * What merging these team files into the local open issue changes. Only what a file's own deletions
 * name is deleted (a member deleting their clipping, version 2), and planning again after saving the
 * plan finds nothing to do. The rules are in docs/team-merge.md.
 */
export function planTeamMerge(local: TeamMergeLocal, files: readonly TeamFile[]): TeamMergePlan {
  return finish(teamMergeWork(local, files));
}

/** `planTeamMerge` as work that yields its progress (`merging`, incoming clippings merged / total). */
export function* teamMergeWork(local: TeamMergeLocal, files: readonly TeamFile[]): Work<TeamMergePlan> {
  const openId = local.openIssue.id;
  const items = new Map(local.clippings.map((clipping) => [clipping.id, clipping]));
  const localIds = new Set(items.keys());
  const revised = new Set<string>();
  const notesOnly = new Set<string>();
  const absorbedBy = new Map<string, string>();
  for (const clipping of local.clippings) {
    for (const other of clipping.otherNotes ?? []) absorbedBy.set(other.id, clipping.id);
  }
  const byUrl = new Map<string, string>();
  const claimUrl = (clipping: Clipping) => {
    const key = urlMatchKey(clipping.url);
    if (clipping.url !== '' && !byUrl.has(key)) byUrl.set(key, clipping.id);
  };
  local.clippings
    .filter((clipping) => clipping.issueId === openId)
    .sort(compareItemOrder)
    .forEach(claimUrl);
  const mapCategory = categoryMapper(local.categories);
  // Published issues are frozen: a file never changes what was sent out.
  const frozen = (clipping: Clipping) => clipping.issueId !== null && clipping.issueId !== openId;
  const put = (clipping: Clipping) => items.set(clipping.id, clipping);
  const known = deletionsById(local.deletions);
  // A version a file's member deleted later is not taken in, from that file or any other.
  const deletions = deletionsById(local.deletions, ...files.map((file) => file.deletions));

  function merge({ clipping: incoming, file }: Incoming): keyof TeamMergeCounts {
    const clippedBy = incoming.clippedBy || file.member;
    const existing = items.get(incoming.id);
    if (existing) {
      if (frozen(existing) || incoming.updatedAt <= existing.updatedAt) return 'unchanged';
      // The member's fields; where the editor put it (issue, position, carry-over) and notes merged into it stay.
      const { url, title, note, updatedAt } = incoming;
      const categoryId = mapCategory(incoming.categoryId, file);
      const next = { ...existing, url, title, note, categoryId, clippedBy, updatedAt };
      put(next);
      revised.add(existing.id);
      const oldKey = urlMatchKey(existing.url);
      if (byUrl.get(oldKey) === existing.id && urlMatchKey(url) !== oldKey) byUrl.delete(oldKey);
      if (existing.issueId === openId) claimUrl(next);
      return 'updated';
    }
    if (isDeleted(deletions, incoming)) return 'unchanged';
    const other: OtherNote = {
      id: incoming.id,
      clippedBy,
      note: incoming.note,
      updatedAt: incoming.updatedAt,
      url: incoming.url,
      title: incoming.title,
    };
    const absorberId = absorbedBy.get(incoming.id);
    if (absorberId !== undefined) {
      const absorber = items.get(absorberId) as Clipping;
      const previous = absorber.otherNotes?.find((entry) => entry.id === incoming.id);
      if (!previous || frozen(absorber) || incoming.updatedAt <= previous.updatedAt) return 'unchanged';
      const rest = (absorber.otherNotes ?? []).filter((entry) => entry.id !== incoming.id);
      if (incoming.url !== '' && urlMatchKey(incoming.url) !== urlMatchKey(absorber.url)) {
        // The member corrected the URL to another page: their clipping is no longer this item's.
        put({ ...absorber, otherNotes: rest });
        notesOnly.add(absorber.id);
        absorbedBy.delete(incoming.id);
      } else {
        const corrected = correction(absorber, previous, incoming);
        const otherNotes = (absorber.otherNotes ?? []).map((entry) =>
          entry.id === other.id ? other : entry,
        );
        put({ ...absorber, ...corrected, otherNotes });
        (corrected ? revised : notesOnly).add(absorber.id);
        return corrected ? 'updated' : 'mergedNotes';
      }
    }
    const keeperId = incoming.url === '' ? undefined : byUrl.get(urlMatchKey(incoming.url));
    if (keeperId !== undefined) {
      const keeper = items.get(keeperId) as Clipping;
      const note = incoming.note.trim();
      const notes = [keeper.note, ...(keeper.otherNotes ?? []).map((entry) => entry.note)];
      if (note === '' || notes.some((kept) => kept.trim() === note)) return 'unchanged';
      put({ ...keeper, otherNotes: [...(keeper.otherNotes ?? []), other] });
      absorbedBy.set(incoming.id, keeper.id);
      notesOnly.add(keeper.id);
      return 'mergedNotes';
    }
    const added: Clipping = {
      id: incoming.id,
      url: incoming.url,
      title: incoming.title,
      note: incoming.note,
      categoryId: mapCategory(incoming.categoryId, file),
      issueId: openId,
      // Positions from different members' issues do not compare; like a fresh clip, it goes after the
      // items the editor has arranged, among the others by when it was clipped.
      order: incoming.createdAt,
      carryOver: false,
      clippedBy,
      createdAt: incoming.createdAt,
      updatedAt: incoming.updatedAt,
    };
    put(added);
    claimUrl(added);
    return 'added';
  }

  const counts: TeamMergeCounts = { added: 0, updated: 0, unchanged: 0, mergedNotes: 0, removed: 0 };
  const ordered = incomingInMergeOrder(files, (id) => items.has(id) || absorbedBy.has(id));
  for (const [index, incoming] of ordered.entries()) {
    counts[merge(incoming)] += 1;
    if ((index + 1) % RECORDS_PER_STEP === 0)
      yield { phase: 'merging', done: index + 1, total: ordered.length };
  }

  // Then the files' deletions: an item of the open issue, or a note folded into one, whose version here
  // is not newer than the deletion goes. A published issue keeps what it sent out.
  const removed = new Set<string>();
  const newDeletions: Deletion[] = [];
  for (const deletion of deletions.values()) {
    const before = known.get(deletion.id);
    if (before && before.deletedAt >= deletion.deletedAt) continue;
    newDeletions.push(deletion);
    const item = items.get(deletion.id);
    if (item && !frozen(item) && item.updatedAt <= deletion.deletedAt) {
      items.delete(item.id);
      removed.add(item.id);
      counts.removed += 1;
      continue;
    }
    const absorberId = absorbedBy.get(deletion.id);
    const absorber = absorberId === undefined ? undefined : items.get(absorberId);
    const folded = absorber?.otherNotes?.find((entry) => entry.id === deletion.id);
    if (absorber && folded && !frozen(absorber) && folded.updatedAt <= deletion.deletedAt) {
      const otherNotes = (absorber.otherNotes ?? []).filter((entry) => entry.id !== deletion.id);
      const { otherNotes: _folded, ...rest } = absorber;
      put(otherNotes.length > 0 ? { ...absorber, otherNotes } : rest);
      notesOnly.add(absorber.id);
      absorbedBy.delete(deletion.id);
      counts.removed += 1;
    }
  }
  const update = [...localIds]
    .filter((id) => !removed.has(id) && (revised.has(id) || notesOnly.has(id)))
    .map((id) => {
      const clipping = items.get(id) as Clipping;
      // A change that is only other notes moves updatedAt by 1 ms, not to now: the merge is not an edit,
      // and a member's edit made before this import must still win when their file arrives later.
      return revised.has(id) ? clipping : { ...clipping, updatedAt: clipping.updatedAt + 1 };
    });
  const add = [...items.values()].filter((clipping) => !localIds.has(clipping.id));
  return {
    add,
    update,
    remove: [...removed].filter((id) => localIds.has(id)),
    addCategories: mapCategory.added,
    deletions: newDeletions,
    counts,
  };
}

/**
 * Clippings already known here (by id) come first, so updates compare with the local version; the rest
 * by when they were clipped, so the earliest of several members' clippings of a URL is the one kept,
 * whatever order the files came in. The same id in several files: the newest first.
 */
function incomingInMergeOrder(files: readonly TeamFile[], known: (id: string) => boolean): Incoming[] {
  const all = files.flatMap((file) => file.clippings.map((clipping) => ({ clipping, file })));
  const rank = ({ clipping }: Incoming) => (known(clipping.id) ? 0 : 1);
  return all.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.clipping.createdAt - b.clipping.createdAt ||
      compareCodeUnits(a.clipping.id, b.clipping.id) ||
      b.clipping.updatedAt - a.clipping.updatedAt,
  );
}

/**
 * A file's category, as a local one: the same id, else the same label, else a new category that keeps
 * the file's id and label (so a second file with it maps to the same one), after the local ones.
 */
function categoryMapper(local: readonly Category[]) {
  const known = sortCategories(local);
  const added: Category[] = [];
  let nextOrder = local.reduce((max, category) => Math.max(max, category.order + 1), 0);
  const map = (id: string, file: TeamFile): string => {
    if (known.some((category) => category.id === id)) return id;
    const label = file.categories.find((category) => category.id === id)?.label ?? id;
    const sameLabel = known.find((category) => category.label.trim() === label.trim());
    if (sameLabel) return sameLabel.id;
    const created: Category = { id, label, order: nextOrder++ };
    known.push(created);
    added.push(created);
    return id;
  };
  return Object.assign(map, { added });
}

/**
 * A member's later correction of the URL or title of their clipping folded into `item`, taken where the
 * item still shows what the member had (so it was theirs to correct) and was not edited since; where
 * the item shows the editor's own text, the correction stays on the other note for the editor to see.
 */
function correction(
  item: Clipping,
  previous: OtherNote,
  incoming: TeamClipping,
): Pick<Clipping, 'url' | 'title' | 'updatedAt'> | undefined {
  if (incoming.updatedAt <= item.updatedAt) return undefined;
  const takes = (field: 'url' | 'title') =>
    previous[field] !== undefined && previous[field] !== incoming[field] && item[field] === previous[field];
  const url = takes('url') ? incoming.url : item.url;
  const title = takes('title') ? incoming.title : item.title;
  if (url === item.url && title === item.title) return undefined;
  return { url, title, updatedAt: nextUpdatedAt(item, incoming.updatedAt) };
}
