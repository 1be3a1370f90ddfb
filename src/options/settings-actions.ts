import type { Category } from '../core/category';
import type { NewsletterSettings } from '../core/settings';
import type { OptionsState } from './state';

/** Changes to the newsletter settings and the categories. */

/** A text saved as typed (useSharedText): written only over the value it was built on. */
export interface TextGuard<T> {
  /** The field's stored form in a record. */
  read(record: T): string;
  /** What the store must still hold for the write to go ahead. */
  basis: string;
  /** Called instead of writing when another page changed the field meanwhile. */
  refuse(stored: string): void;
}

/** What a guarded write did: saved the record, or refused because another page changed the field. */
export type GuardedOutcome<T> = { saved: T } | { refused: T };

/**
 * Saves a change to some of the newsletter settings, applied to the settings as stored now (another
 * tab may have changed other fields), so fields saved as they are typed never overwrite each other.
 */
export function updateSettings(
  state: OptionsState,
  change: Partial<NewsletterSettings>,
  guard?: TextGuard<NewsletterSettings>,
): Promise<boolean> {
  return state.write(
    async (repos): Promise<GuardedOutcome<NewsletterSettings>> => {
      const current = await repos.settings.getNewsletter();
      const next = { ...current, ...change };
      if (guard && guard.read(current) !== guard.basis && guard.read(current) !== guard.read(next)) {
        return { refused: current };
      }
      await repos.settings.saveNewsletter(next);
      return { saved: next };
    },
    (outcome) => {
      if ('saved' in outcome) {
        state.settings.value = outcome.saved;
        return;
      }
      state.settings.value = outcome.refused;
      guard?.refuse(guard.read(outcome.refused));
    },
  );
}

function renumbered(categories: readonly Category[]): Category[] {
  return categories.map((category, order) => ({ ...category, order }));
}

/**
 * Writes the category list that `change` makes from the current one, when the write's turn comes;
 * undefined from `change` means nothing to write.
 */
function saveCategories(
  state: OptionsState,
  change: (current: Category[]) => Category[] | undefined,
): Promise<boolean> {
  return state.write(
    async (repos) => {
      // From the list as stored: another tab's rename or reorder since this page loaded stays.
      const stored = await repos.categories.list();
      const result = change(stored);
      if (result) await repos.categories.saveAll(result);
      return result ?? stored;
    },
    (next) => {
      state.categories.value = next;
    },
  );
}

export function addCategory(state: OptionsState, label: string): Promise<boolean> {
  const trimmed = label.trim();
  if (trimmed === '') return Promise.resolve(false);
  const id = state.services.newId();
  return saveCategories(state, (current) =>
    renumbered([...current, { id, label: trimmed, order: current.length }]),
  );
}

/** Renames a category; with `guard`, only while it still has the label the new one was typed over. */
export function renameCategory(
  state: OptionsState,
  id: string,
  label: string,
  guard?: Omit<TextGuard<Category>, 'read'>,
): Promise<boolean> {
  const trimmed = label.trim();
  return saveCategories(state, (current) => {
    const target = current.find((category) => category.id === id);
    if (trimmed === '' || !target || target.label === trimmed) return undefined;
    if (guard && target.label !== guard.basis) {
      guard.refuse(target.label);
      return undefined;
    }
    return current.map((category) => (category.id === id ? { ...category, label: trimmed } : category));
  });
}

/** Moves a category one place up or down; the order of sections in every issue follows. */
export function moveCategory(state: OptionsState, id: string, by: -1 | 1): Promise<boolean> {
  return saveCategories(state, (current) => {
    const list = [...current];
    const from = list.findIndex((category) => category.id === id);
    const [moved] = from === -1 ? [] : list.splice(from, 1);
    if (!moved || from + by < 0 || from + by > list.length) return undefined;
    list.splice(from + by, 0, moved);
    return renumbered(list);
  });
}

/** How many clippings (in any issue or the backlog) are in the category. */
export function clippingsIn(state: OptionsState, id: string): number {
  return state.clippings.value.filter((clipping) => clipping.categoryId === id).length;
}

/**
 * Deletes a category. One that still has clippings needs `moveTo`, the category they go to; the
 * storage moves them in the same transaction, and the page reloads them from there.
 */
export async function deleteCategory(
  state: OptionsState,
  id: string,
  moveTo: string | null,
): Promise<boolean> {
  // The count needs every clipping, not only the open issue's.
  await state.loadEverything();
  if (clippingsIn(state, id) > 0 && (moveTo === null || moveTo === id)) return false;
  return state.write(
    async (repos) => {
      await repos.categories.remove(id, moveTo);
      return Promise.all([repos.categories.list(), repos.clippings.list()]);
    },
    ([categories, clippings]) => {
      state.categories.value = categories;
      state.clippings.value = clippings;
    },
  );
}
