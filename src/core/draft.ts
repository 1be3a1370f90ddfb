import type { Clipping, ClippingFields } from './clipping';

/**
 * What the user typed in the popup and has not saved yet. The popup closes whenever focus leaves it,
 * so every edit is kept here, keyed by the tab's URL (its match key), until a save succeeds.
 */
export interface Draft extends ClippingFields {
  /** `urlMatchKey` of the tab the popup was opened on (not of the possibly edited URL field). */
  key: string;
  updatedAt: number;
}

export type FormOrigin = 'new' | 'existing';

export interface InitialForm {
  origin: FormOrigin;
  fields: ClippingFields;
  /** What the fields hold when nothing was typed: an edit back to exactly this needs no draft. */
  baseline: ClippingFields;
  restoredDraft: boolean;
}

export interface PageInfo {
  url: string;
  title: string;
}

/**
 * The popup's starting fields, from the page, an existing clipping of it and a draft.
 * A draft wins over the existing clipping only when it is the newer edit.
 */
export function initialForm(
  page: PageInfo,
  defaultCategoryId: string,
  existing: Clipping | undefined,
  draft: Draft | undefined,
): InitialForm {
  const baseline: ClippingFields = existing
    ? { url: existing.url, title: existing.title, note: existing.note, categoryId: existing.categoryId }
    : { url: page.url, title: page.title, note: '', categoryId: defaultCategoryId };
  const origin: FormOrigin = existing ? 'existing' : 'new';
  const useDraft = draft !== undefined && (!existing || draft.updatedAt > existing.updatedAt);
  if (!useDraft) return { origin, fields: baseline, baseline, restoredDraft: false };
  const { url, title, note, categoryId } = draft;
  return { origin, fields: { url, title, note, categoryId }, baseline, restoredDraft: true };
}

export function sameFields(a: ClippingFields, b: ClippingFields): boolean {
  return a.url === b.url && a.title === b.title && a.note === b.note && a.categoryId === b.categoryId;
}
