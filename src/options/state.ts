import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Category } from '../core/category';
import {
  type Clipping,
  type ClippingFields,
  type ClippingProblem,
  reviseClipping,
  validateClippingFields,
} from '../core/clipping';
import { groupByCategory } from '../core/grouping';
import type { Translate } from '../core/messages';
import { describeStorageError } from '../core/storage-error';
import type { Repositories } from '../storage/repositories';

export interface OptionsServices {
  repositories: Promise<Repositories>;
  t: Translate;
  now(): number;
}

export interface OptionsNotice {
  tone: 'info' | 'success' | 'error';
  text: string;
  /** A deleted clipping that "undo" puts back. */
  undo?: Clipping;
}

export function createOptionsState(services: OptionsServices) {
  const { t } = services;
  const loaded = signal(false);
  const clippings = signal<Clipping[]>([]);
  const categories = signal<Category[]>([]);
  const editingId = signal<string | null>(null);
  const notice = signal<OptionsNotice | null>(null);
  const groups = computed(() => groupByCategory(clippings.value, categories.value));

  function storageFailure(key: 'errorSaveFailed' | 'errorLoadFailed', error: unknown): void {
    const reason = describeStorageError(error);
    notice.value = { tone: 'error', text: t(key, 'key' in reason ? t(reason.key) : reason.text) };
  }

  async function load(): Promise<void> {
    try {
      const repos = await services.repositories;
      const [list, cats] = await Promise.all([repos.clippings.list(), repos.categories.list()]);
      clippings.value = list;
      categories.value = cats;
      loaded.value = true;
    } catch (error) {
      storageFailure('errorLoadFailed', error);
    }
  }

  function replaceInList(clipping: Clipping): void {
    const others = clippings.value.filter((item) => item.id !== clipping.id);
    clippings.value = [...others, clipping];
  }

  /**
   * Saves an edit. The editor stays open unless it was saved: on invalid fields (the problems are
   * returned for the editor to show) and on a storage failure (the page notice says why).
   */
  async function saveEdit(
    id: string,
    fields: ClippingFields,
  ): Promise<{ saved: boolean; problems: ClippingProblem[] }> {
    const problems = validateClippingFields(fields);
    const before = clippings.value.find((item) => item.id === id);
    if (problems.length > 0 || !before) return { saved: false, problems };
    const after = reviseClipping(before, fields, services.now());
    try {
      const repos = await services.repositories;
      await repos.clippings.save(after);
      replaceInList(after);
      editingId.value = null;
      notice.value = { tone: 'success', text: t('updated', after.title) };
      return { saved: true, problems: [] };
    } catch (error) {
      storageFailure('errorSaveFailed', error);
      return { saved: false, problems: [] };
    }
  }

  async function remove(id: string): Promise<void> {
    const target = clippings.value.find((item) => item.id === id);
    if (!target) return;
    try {
      const repos = await services.repositories;
      await repos.clippings.remove(id);
      clippings.value = clippings.value.filter((item) => item.id !== id);
      if (editingId.value === id) editingId.value = null;
      notice.value = { tone: 'info', text: t('deleted', target.title), undo: target };
    } catch (error) {
      storageFailure('errorSaveFailed', error);
    }
  }

  async function undoRemove(): Promise<void> {
    const target = notice.value?.undo;
    if (!target) return;
    try {
      const repos = await services.repositories;
      await repos.clippings.save(target);
      replaceInList(target);
      notice.value = { tone: 'success', text: t('restored', target.title) };
    } catch (error) {
      storageFailure('errorSaveFailed', error);
    }
  }

  return { loaded, clippings, categories, groups, editingId, notice, load, saveEdit, remove, undoRemove };
}

export type OptionsState = ReturnType<typeof createOptionsState>;

export const OptionsContext = createContext<OptionsState | null>(null);

export function useOptionsState(): OptionsState {
  const state = useContext(OptionsContext);
  if (!state) throw new Error('useOptionsState() needs an <OptionsContext.Provider>.');
  return state;
}
