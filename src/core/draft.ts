import type { Clipping, ClippingFields } from './clipping';

/**
 * What the user typed in the popup and has not saved yet. The popup closes whenever focus leaves it,
 * so every edit is kept here, keyed by the tab's URL (its match key), until a save succeeds.
 */
export interface Draft extends ClippingFields {
  /** `urlMatchKey` of the tab the popup was opened on (not of the possibly edited URL field). */
  key: string;
  updatedAt: number;
  /**
   * The stored clipping's fields when this draft of an edit began. A reorder, a move or a carry-over
   * changes the record but none of these, so comparing them (not `updatedAt`) tells whether someone
   * else edited what the draft edits. Absent on drafts of new pages and on drafts written before it.
   */
  base?: ClippingFields;
}

/** The fields the popup edits, and the only ones a popup save writes. */
export const EDITED_FIELDS = ['url', 'title', 'note', 'categoryId'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

export type FormOrigin = 'new' | 'existing';

export interface InitialForm {
  origin: FormOrigin;
  fields: ClippingFields;
  /** What the fields hold when nothing was typed: an edit back to exactly this needs no draft. */
  baseline: ClippingFields;
  restoredDraft: boolean;
  /** Fields the draft changed that were changed differently elsewhere since: the popup asks which to keep. */
  conflicts: EditedField[];
}

export interface PageInfo {
  url: string;
  title: string;
}

export function fieldsOf({ url, title, note, categoryId }: ClippingFields): ClippingFields {
  return { url, title, note, categoryId };
}

/** A published page clipped again starts from its title, URL and category, with a new note. */
export function reclipBaseline({ url, title, categoryId }: ClippingFields): ClippingFields {
  return { url, title, note: '', categoryId };
}

export interface FieldMerge {
  /** Own edits where made, the stored value elsewhere; on a conflict, the own edit. */
  fields: ClippingFields;
  conflicts: EditedField[];
}

/**
 * Three-way merge of one edit, field by field: `base` is what the edit started from, `mine` the edit,
 * `stored` what the database holds now. Only a field both sides changed, to different values, conflicts.
 */
export function mergeEdit(base: ClippingFields, mine: ClippingFields, stored: ClippingFields): FieldMerge {
  const fields = fieldsOf(stored);
  const conflicts: EditedField[] = [];
  for (const name of EDITED_FIELDS) {
    if (mine[name] === base[name]) continue;
    fields[name] = mine[name];
    if (stored[name] !== base[name] && stored[name] !== mine[name]) conflicts.push(name);
  }
  return { fields, conflicts };
}

/**
 * The popup's starting fields, from the page, an existing clipping of it and a draft. A draft that knows
 * its base is merged with the clipping field by field; an older draft without one wins only when newer.
 */
export function initialForm(
  page: PageInfo,
  defaultCategoryId: string,
  existing: Clipping | undefined,
  draft: Draft | undefined,
): InitialForm {
  const baseline: ClippingFields = existing
    ? fieldsOf(existing)
    : { url: page.url, title: page.title, note: '', categoryId: defaultCategoryId };
  const origin: FormOrigin = existing ? 'existing' : 'new';
  const unchanged: InitialForm = { origin, fields: baseline, baseline, restoredDraft: false, conflicts: [] };
  if (draft === undefined) return unchanged;
  if (existing && draft.base) {
    const { fields, conflicts } = mergeEdit(draft.base, fieldsOf(draft), baseline);
    if (sameFields(fields, baseline)) return unchanged;
    return { origin, fields, baseline, restoredDraft: true, conflicts };
  }
  if (existing && draft.updatedAt <= existing.updatedAt) return unchanged;
  return { origin, fields: fieldsOf(draft), baseline, restoredDraft: true, conflicts: [] };
}

/**
 * The fields with a category that exists: a draft may name one deleted since it was typed, and a
 * clipping saved under it would vanish from every section. `replaced` is the missing id, if any.
 */
export function withExistingCategory(
  fields: ClippingFields,
  categoryIds: readonly string[],
  fallbackId: string,
): { fields: ClippingFields; replaced: string | null } {
  if (categoryIds.includes(fields.categoryId)) return { fields, replaced: null };
  return { fields: { ...fields, categoryId: fallbackId }, replaced: fields.categoryId };
}

export function sameFields(a: ClippingFields, b: ClippingFields): boolean {
  return a.url === b.url && a.title === b.title && a.note === b.note && a.categoryId === b.categoryId;
}
