import type { DBSchema } from 'idb';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Draft } from '../core/draft';

export const DB_NAME = 'weekly-clipper';

/** A clipping as stored: the domain object plus the key it is found by from a tab's URL. */
export interface ClippingRecordV1 extends Clipping {
  urlKey: string;
}

/** Small named values: the last category used, and later the newsletter settings. */
export interface SettingRecordV1 {
  key: string;
  value: unknown;
}

/** Schema version 1: clippings, categories, popup drafts and settings. */
export interface ClipperDBV1 extends DBSchema {
  clippings: {
    key: string;
    value: ClippingRecordV1;
    indexes: { byUrlKey: string; byCreatedAt: number };
  };
  categories: {
    key: string;
    value: Category;
  };
  drafts: {
    key: string;
    value: Draft;
  };
  settings: {
    key: string;
    value: SettingRecordV1;
  };
}

/** The schema the code currently speaks. Each new version adds an interface above and moves this alias. */
export type ClipperDB = ClipperDBV1;
export type StoreName = 'clippings' | 'categories' | 'drafts' | 'settings';
