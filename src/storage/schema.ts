import type { DBSchema } from 'idb';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Deletion } from '../core/deletion';
import type { Draft } from '../core/draft';
import type { Issue } from '../core/issue';

export const DB_NAME = 'weekly-clipper';

/** A clipping as version 1 stored it. Frozen: migrations and their tests read this shape. */
export interface ClippingRecordV1 {
  id: string;
  url: string;
  title: string;
  note: string;
  categoryId: string;
  createdAt: number;
  updatedAt: number;
  urlKey: string;
}

/** A clipping as stored since version 2: the domain object plus the key it is found by from a tab's URL. */
export interface ClippingRecordV2 extends Clipping {
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

/** Schema version 2: issues, and each clipping's place in one (issue, position, carry-over, who clipped it). */
export interface ClipperDBV2 extends DBSchema {
  clippings: {
    key: string;
    value: ClippingRecordV2;
    indexes: { byUrlKey: string; byCreatedAt: number; byIssueId: string };
  };
  categories: ClipperDBV1['categories'];
  drafts: ClipperDBV1['drafts'];
  settings: ClipperDBV1['settings'];
  issues: {
    key: string;
    value: Issue;
    indexes: { byStatus: Issue['status'] };
  };
}

/** Schema version 3: tombstones of deleted clippings, so that an import never brings one back. */
export interface ClipperDBV3 extends DBSchema {
  clippings: ClipperDBV2['clippings'];
  categories: ClipperDBV2['categories'];
  drafts: ClipperDBV2['drafts'];
  settings: ClipperDBV2['settings'];
  issues: ClipperDBV2['issues'];
  deletions: {
    key: string;
    value: Deletion;
  };
}

/** The schema the code currently speaks. Each new version adds an interface above and moves this alias. */
export type ClipperDB = ClipperDBV3;

/**
 * The version number of `ClipperDB`, equal to migrations/index.ts's LATEST_VERSION (a test checks it).
 * Here so that a page can tell whether the database needs an upgrade without loading the migrations.
 */
export const SCHEMA_VERSION = 3;
