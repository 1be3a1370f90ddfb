import { moveToSection, moveWithinSection, nudge, sectionItems } from '../core/arrange';
import { type Category, sortCategories } from '../core/category';
import {
  type Clipping,
  type ClippingFields,
  type ClippingProblem,
  createClipping,
  reviseClipping,
  validateClippingFields,
} from '../core/clipping';
import { nextUpdatedAt } from '../core/updated-at';
import type { OptionsState } from './state';

/** Changes to clippings from the options page. Each saves first and updates the page only on success. */

export interface EditResult {
  saved: boolean;
  problems: ClippingProblem[];
  /** Set when someone else saved this clipping after the edit began: their version (undefined: deleted). */
  conflict?: { current: Clipping | undefined };
  /** The clipping as saved. */
  written?: Clipping;
}

function find(state: OptionsState, id: string): Clipping | undefined {
  return state.clippings.value.find((clipping) => clipping.id === id);
}

/**
 * Saves changed clippings together and mirrors them into the page. `change` runs when the write's turn
 * comes, on the page as the previous write left it, and returns the clippings to save (none: no write).
 */
function saveClippings(state: OptionsState, change: () => Clipping[]): Promise<boolean> {
  return state.write(
    async (repos) => {
      const changed = change();
      if (changed.length === 0) return undefined;
      await repos.clippings.saveMany(changed);
      return changed;
    },
    (changed) => state.mergeClippings(changed),
    (changed) => changed.map((clipping) => clipping.id),
  );
}

/** Changes one clipping, found by id when the write's turn comes. */
function saveClipping(
  state: OptionsState,
  id: string,
  change: (item: Clipping, now: number) => Clipping[],
): Promise<boolean> {
  return saveClippings(state, () => {
    const item = find(state, id);
    return item ? change(item, state.services.now()) : [];
  });
}

/**
 * Saves an edit of title, URL, note and category. An item may have no URL, but then needs a title.
 * `base` holds the fields as the editor opened them; if another page changed them since, nothing is
 * written and the conflict is returned for the user to decide: take the other version, or `overwrite`.
 */
export async function saveEdit(
  state: OptionsState,
  id: string,
  fields: ClippingFields,
  base: ClippingFields,
  { overwrite = false, afterPublish = false } = {},
): Promise<EditResult> {
  const problems = validateClippingFields(fields, { urlRequired: false });
  if (problems.length > 0 || !find(state, id)) return { saved: false, problems };
  const result = await state.commit(
    async (repos): Promise<EditResult | undefined> => {
      const now = state.services.now();
      const revise = (stored: Clipping) => reviseClipping(stored, fields, now);
      // Overwriting starts from what is stored now; a published item needs the archive's confirmed edit.
      const from = overwrite ? await repos.clippings.get(id) : base;
      if (!from) return undefined;
      const outcome = await repos.clippings.updateIfUnchanged(
        id,
        from,
        revise,
        afterPublish ? { afterPublish: now } : {},
      );
      return outcome.ok
        ? { saved: true, problems: [], written: outcome.saved }
        : { saved: false, problems: [], conflict: { current: outcome.current } };
    },
    (outcome) => {
      if (!outcome.written) return;
      state.mergeClippings([outcome.written]);
      state.editingId.value = null;
      state.say('success', 'updated', outcome.written.title);
      // The issue now records the edit after publishing; read it back for the archive to show.
      if (afterPublish) void state.load();
    },
    // A conflict wrote nothing; an edit after publishing changed its issue too (anything, then).
    (outcome) => (outcome.written && !afterPublish ? [outcome.written.id] : undefined),
  );
  return result ?? { saved: false, problems: [] };
}

/** Adds an item by hand to the open issue: a Q&A, an announcement, anything with or without a URL. */
export async function addItem(state: OptionsState, fields: ClippingFields): Promise<EditResult> {
  const issue = state.openIssue.value;
  const problems = validateClippingFields(fields, { urlRequired: false });
  if (problems.length > 0 || !issue) return { saved: false, problems };
  const { now, newId } = state.services;
  const item = createClipping(
    fields,
    { issueId: issue.id, clippedBy: state.settings.value.memberName },
    newId(),
    now(),
  );
  const saved = await saveClippings(state, () => [item]);
  if (saved) state.say('success', 'itemAdded', item.title);
  return { saved, problems: [] };
}

export async function removeClipping(state: OptionsState, id: string): Promise<void> {
  const target = find(state, id);
  if (!target) return;
  await state.write(
    // The tombstone keeps a later import of a file that still has this clipping from bringing it back.
    async (repos) => {
      await repos.deletions.deleteClipping(target, state.settings.value.memberName, state.services.now());
      return target;
    },
    (removed) => {
      state.clippings.value = state.clippings.value.filter((clipping) => clipping.id !== removed.id);
      if (state.editingId.value === removed.id) state.editingId.value = null;
      state.notice.value = {
        tone: 'info',
        text: state.services.t('deleted', removed.title),
        undo: [removed],
      };
    },
    (removed) => [removed.id],
  );
}

/** Puts back what the last delete removed, exactly as it was. */
export async function undoRemove(state: OptionsState): Promise<void> {
  const restored = state.notice.value?.undo;
  if (!restored || restored.length === 0) return;
  let movedTo: Category | undefined;
  const done = await state.write(
    async (repos) => {
      // A category deleted since leaves nowhere to go back to: the first category takes the items,
      // and the notice says so (else the next export would be a file that import refuses).
      const categories = sortCategories(await repos.categories.list());
      const home = categories[0];
      const known = new Set(categories.map((category) => category.id));
      const back = restored.map((clipping) => {
        if (known.has(clipping.categoryId) || !home) return clipping;
        movedTo = home;
        return { ...clipping, categoryId: home.id };
      });
      await repos.deletions.restoreClippings(back);
      return back;
    },
    (back) => state.mergeClippings(back),
    (back) => back.map((clipping) => clipping.id),
  );
  if (!done) return;
  const title = restored[0]?.title ?? '';
  if (movedTo) state.say('success', 'restoredToCategory', [title, movedTo.label]);
  else state.say('success', 'restored', title);
}

function sectionOf(state: OptionsState, item: Clipping): Clipping[] {
  return item.issueId === null ? [] : sectionItems(state.clippings.value, item.issueId, item.categoryId);
}

/** Drag and drop within a section: the item goes to `toIndex`. */
export function moveClipping(state: OptionsState, id: string, toIndex: number): Promise<boolean> {
  return saveClipping(state, id, (item, now) => moveWithinSection(sectionOf(state, item), id, toIndex, now));
}

/** Keyboard reorder: one place up or down. */
export function nudgeClipping(state: OptionsState, id: string, by: -1 | 1): Promise<boolean> {
  return saveClipping(state, id, (item, now) => nudge(sectionOf(state, item), id, by, now));
}

/** Moves an item to another section of its issue (at the end, or at `toIndex` when dropped there). */
export function moveClippingToCategory(
  state: OptionsState,
  id: string,
  categoryId: string,
  toIndex?: number,
): Promise<boolean> {
  return saveClipping(state, id, (item, now) => {
    if (item.issueId === null || item.categoryId === categoryId) return [];
    return moveToSection(
      item,
      sectionItems(state.clippings.value, item.issueId, categoryId),
      categoryId,
      now,
      toIndex,
    );
  });
}

/** Marks (or unmarks) an item to move to the next issue when this one is published. */
export function setCarryOver(state: OptionsState, id: string, carryOver: boolean): Promise<boolean> {
  return saveClipping(state, id, (item, now) => [
    { ...item, carryOver, updatedAt: nextUpdatedAt(item, now) },
  ]);
}

/** Takes an item out of its issue into the backlog, or (issueId = the open issue) back into it. */
export function placeClipping(state: OptionsState, id: string, issueId: string | null): Promise<boolean> {
  return saveClipping(state, id, (item, now) => {
    // Joining an issue puts the item last in its section, as a new clipping would be.
    const order = issueId === null ? item.order : now;
    return [{ ...item, issueId, order, carryOver: false, updatedAt: nextUpdatedAt(item, now) }];
  });
}

/**
 * Deals with another member's note kept on an item by a team merge: appended to the item's note, or
 * dismissed. The entry stays with its note emptied, so importing that member's file again does not
 * bring it back.
 */
export function foldOtherNote(
  state: OptionsState,
  id: string,
  otherId: string,
  append: boolean,
): Promise<boolean> {
  return saveClipping(state, id, (item, now) => {
    const other = item.otherNotes?.find((entry) => entry.id === otherId);
    if (!other) return [];
    const note = append ? [item.note.trimEnd(), other.note].filter(Boolean).join('\n\n') : item.note;
    const otherNotes = (item.otherNotes ?? []).map((entry) =>
      entry.id === otherId ? { ...entry, note: '' } : entry,
    );
    return [{ ...item, note, otherNotes, updatedAt: nextUpdatedAt(item, now) }];
  });
}
