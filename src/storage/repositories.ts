import type { Clipping } from '../core/clipping';
import { type CategoryRepository, createCategoryRepository } from './categories';
import { type ClippingRepository, createClippingRepository } from './clippings';
import { commitClip } from './commit-clip';
import type { ClipperDatabase } from './db';
import { createDraftRepository, type DraftRepository } from './drafts';
import { createSettingsRepository, type SettingsRepository } from './settings';

/** Everything the pages read and write, over one open database. Tests build it on fake-indexeddb. */
export interface Repositories {
  clippings: ClippingRepository;
  categories: CategoryRepository;
  drafts: DraftRepository;
  settings: SettingsRepository;
  /** Saves a clipping from the popup, ends its draft and remembers its category, atomically. */
  commitClip(clipping: Clipping, draftKey: string): Promise<void>;
}

export function createRepositories(db: ClipperDatabase): Repositories {
  return {
    clippings: createClippingRepository(db),
    categories: createCategoryRepository(db),
    drafts: createDraftRepository(db),
    settings: createSettingsRepository(db),
    commitClip: (clipping, draftKey) => commitClip(db, clipping, draftKey),
  };
}
