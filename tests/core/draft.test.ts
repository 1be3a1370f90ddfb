import { describe, expect, it } from 'vitest';
import type { Clipping, ClippingFields } from '../../src/core/clipping';
import { type Draft, initialForm, type PageInfo, sameFields } from '../../src/core/draft';
import { makeClipping } from '../support/factories';

const page: PageInfo = {
  url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
  title: 'ページのタイトル',
};

const existing: Clipping = makeClipping({
  id: 'clip-1',
  url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
  title: '保存済みのタイトル',
  note: '保存済みのコメント',
  categoryId: 'tools',
  createdAt: 1000,
  updatedAt: 2000,
});

const draftAt = (updatedAt: number): Draft => ({
  key: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
  url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f#edited',
  title: '下書きのタイトル',
  note: '下書きのコメント',
  categoryId: 'books',
  updatedAt,
});

const fieldsOf = ({ url, title, note, categoryId }: ClippingFields): ClippingFields => ({
  url,
  title,
  note,
  categoryId,
});

describe('initialForm', () => {
  it('starts from the page when there is neither a clipping nor a draft', () => {
    const form = initialForm(page, 'notable-articles', undefined, undefined);
    const expected = { url: page.url, title: page.title, note: '', categoryId: 'notable-articles' };
    expect(form).toEqual({
      origin: 'new',
      fields: expected,
      baseline: expected,
      restoredDraft: false,
      conflicts: [],
    });
  });

  it('restores a draft when there is no clipping, with the page as baseline', () => {
    const draft = draftAt(500);
    const form = initialForm(page, 'notable-articles', undefined, draft);
    expect(form.origin).toBe('new');
    expect(form.restoredDraft).toBe(true);
    expect(form.fields).toEqual(fieldsOf(draft));
    expect(form.baseline).toEqual({
      url: page.url,
      title: page.title,
      note: '',
      categoryId: 'notable-articles',
    });
  });

  it('returns only the four fields of a draft, without key or updatedAt', () => {
    const form = initialForm(page, 'notable-articles', undefined, draftAt(500));
    expect(Object.keys(form.fields).sort()).toEqual(['categoryId', 'note', 'title', 'url']);
  });

  it('starts from the existing clipping when there is no draft', () => {
    const form = initialForm(page, 'notable-articles', existing, undefined);
    expect(form).toEqual({
      origin: 'existing',
      fields: fieldsOf(existing),
      baseline: fieldsOf(existing),
      restoredDraft: false,
      conflicts: [],
    });
  });

  it('prefers the existing clipping over an older draft', () => {
    const form = initialForm(page, 'notable-articles', existing, draftAt(existing.updatedAt - 1));
    expect(form.origin).toBe('existing');
    expect(form.restoredDraft).toBe(false);
    expect(form.fields).toEqual(fieldsOf(existing));
  });

  it('prefers the existing clipping over a draft from the same millisecond', () => {
    const form = initialForm(page, 'notable-articles', existing, draftAt(existing.updatedAt));
    expect(form.restoredDraft).toBe(false);
    expect(form.fields).toEqual(fieldsOf(existing));
  });

  it('restores a draft newer than the existing clipping, with the clipping as baseline', () => {
    const draft = draftAt(existing.updatedAt + 1);
    const form = initialForm(page, 'notable-articles', existing, draft);
    expect(form.origin).toBe('existing');
    expect(form.restoredDraft).toBe(true);
    expect(form.fields).toEqual(fieldsOf(draft));
    expect(form.baseline).toEqual(fieldsOf(existing));
  });

  it('takes the baseline of an existing clipping from the clipping, not the page or the default category', () => {
    const form = initialForm({ url: 'https://other.example/', title: 'Other' }, 'books', existing, undefined);
    expect(form.baseline.url).toBe(existing.url);
    expect(form.baseline.title).toBe(existing.title);
    expect(form.baseline.categoryId).toBe('tools');
  });

  it('uses the default category only for a new clipping', () => {
    expect(initialForm(page, 'events', undefined, undefined).fields.categoryId).toBe('events');
  });

  it('gives fields that are the baseline when nothing was restored', () => {
    const form = initialForm(page, 'notable-articles', existing, undefined);
    expect(sameFields(form.fields, form.baseline)).toBe(true);
  });
});

describe('sameFields', () => {
  const a: ClippingFields = { url: 'https://example.com/', title: 'T', note: 'N', categoryId: 'c' };

  it('is true for equal fields in different objects', () => {
    expect(sameFields(a, { ...a })).toBe(true);
  });

  it.each([
    ['url', { url: 'https://example.com/other' }],
    ['title', { title: 'T2' }],
    ['note', { note: 'N ' }],
    ['categoryId', { categoryId: 'd' }],
  ])('is false when %s differs', (_field, change) => {
    expect(sameFields(a, { ...a, ...change })).toBe(false);
    expect(sameFields({ ...a, ...change }, a)).toBe(false);
  });

  it('ignores properties beyond the four fields', () => {
    const draft: Draft = { ...a, key: 'k', updatedAt: 1 };
    expect(sameFields(a, draft)).toBe(true);
  });
});
