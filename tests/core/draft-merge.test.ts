import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clipping, ClippingFields } from '../../src/core/clipping';
import {
  type Draft,
  EDITED_FIELDS,
  initialForm,
  mergeEdit,
  withExistingCategory,
} from '../../src/core/draft';
import { makeClipping } from '../support/factories';

const page = { url: 'https://example.com/a', title: 'ページ' };
const base: ClippingFields = {
  url: 'https://example.com/a',
  title: '保存時のタイトル',
  note: '保存時のコメント',
  categoryId: 'tools',
};
const fieldsOf = ({ url, title, note, categoryId }: ClippingFields): ClippingFields => ({
  url,
  title,
  note,
  categoryId,
});

/** Each change that bumps updatedAt without touching a field the popup edits (defect 4's list). */
const RECORD_ONLY_CHANGES: [string, Partial<Clipping>][] = [
  ['reorder', { order: 5 }],
  ['move to backlog', { issueId: null }],
  ['carry-over mark', { carryOver: true }],
  ['carried to the next issue', { issueId: 'issue-2', carryOver: false }],
  ['team folding', { otherNotes: [{ id: 'x', clippedBy: 'b', note: '', updatedAt: 9 }] }],
];

const draftOf = (fields: ClippingFields, updatedAt: number, from = base): Draft => ({
  key: 'https://example.com/a',
  ...fields,
  updatedAt,
  base: from,
});

describe('initialForm with a draft that knows its base', () => {
  it.each(RECORD_ONLY_CHANGES)('keeps the draft after a %s elsewhere', (_name, change) => {
    const stored = makeClipping({ ...base, ...change, updatedAt: 5000 });
    const draft = draftOf({ ...base, note: '書きかけ' }, 4000);
    const form = initialForm(page, 'books', stored, draft);
    expect(form.restoredDraft).toBe(true);
    expect(form.fields.note).toBe('書きかけ');
    expect(form.conflicts).toEqual([]);
  });

  it('keeps the draft after a category deletion moved the clipping, and takes the new category', () => {
    const stored = makeClipping({ ...base, categoryId: 'books', updatedAt: 5000 });
    const form = initialForm(page, 'books', stored, draftOf({ ...base, note: '書きかけ' }, 4000));
    expect(form.fields).toEqual({ ...base, categoryId: 'books', note: '書きかけ' });
    expect(form.conflicts).toEqual([]);
  });

  it('asks when the same field was changed elsewhere to something else', () => {
    const stored = makeClipping({ ...base, note: '別の窓で直したコメント', updatedAt: 5000 });
    const form = initialForm(page, 'books', stored, draftOf({ ...base, note: '書きかけ' }, 4000));
    expect(form.conflicts).toEqual(['note']);
    // Nothing typed is lost while the popup asks: the draft's text stays in the field.
    expect(form.fields.note).toBe('書きかけ');
    expect(form.restoredDraft).toBe(true);
  });

  it('treats a draft without a base as before: kept only when newer than the clipping', () => {
    const stored = makeClipping({ ...base, updatedAt: 5000 });
    const { base: _, ...legacy } = draftOf({ ...base, note: '書きかけ' }, 4000);
    expect(initialForm(page, 'books', stored, legacy).restoredDraft).toBe(false);
    expect(initialForm(page, 'books', stored, { ...legacy, updatedAt: 6000 }).restoredDraft).toBe(true);
  });
});

const value = fc.constantFrom('a', 'b', 'c');
const fieldsArb = fc.record({ url: value, title: value, note: value, categoryId: value });

describe('mergeEdit (three-way, per field)', () => {
  it('keeps every own edit, takes every other edit, and reports exactly the fields both changed differently', () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, fieldsArb, (from, mine, stored) => {
        const { fields, conflicts } = mergeEdit(from, mine, stored);
        for (const name of EDITED_FIELDS) {
          const mineChanged = mine[name] !== from[name];
          const bothDiffer = mineChanged && stored[name] !== from[name] && stored[name] !== mine[name];
          expect(conflicts.includes(name)).toBe(bothDiffer);
          expect(fields[name]).toBe(mineChanged ? mine[name] : stored[name]);
        }
      }),
    );
  });

  it('never reports a conflict when nothing was edited elsewhere', () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, (from, mine) => {
        expect(mergeEdit(from, mine, from)).toEqual({ fields: fieldsOf(mine), conflicts: [] });
      }),
    );
  });
});

describe('withExistingCategory', () => {
  const ids = ['notable-articles', 'tools'];
  it.each([
    ['an existing category is kept', 'tools', 'tools', null],
    ['a deleted category falls back', 'deleted', 'notable-articles', 'deleted'],
    ['an empty category falls back', '', 'notable-articles', ''],
  ])('%s', (_name, categoryId, expected, replaced) => {
    const result = withExistingCategory({ ...base, categoryId }, ids, 'notable-articles');
    expect(result.fields.categoryId).toBe(expected);
    expect(result.replaced).toBe(replaced);
  });
});
