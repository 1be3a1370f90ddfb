import type { Clipping } from '../core/clipping';
import type { ClipEdit, ClipEditOutcome, CommitOptions } from './commit-clip';
import type { ClipperDatabase } from './db';
import { createDraftRepository, type DraftRepository } from './drafts';
import { type PopupStart, readPopupStart } from './popup-start';

/**
 * What the popup reads and writes: a subset of Repositories (which the options page and tests build),
 * so that the popup's bundle holds only the storage code it runs.
 */
export interface PopupRepositories {
  /** Everything the popup shows for a tab, in one transaction (see popup-start.ts). */
  readPopupStart(url: string, draftKey: string): Promise<PopupStart>;
  drafts: Pick<DraftRepository, 'save' | 'remove'>;
  /** Saves a clipping from the popup, ends its draft and remembers its category, atomically. */
  commitClip(clipping: Clipping, draftKey: string, options?: CommitOptions): Promise<Clipping>;
  /** Saves a popup edit of the fields it changed onto the stored clipping, and ends its draft, atomically. */
  commitClipEdit(edit: ClipEdit, draftKey: string): Promise<ClipEditOutcome>;
}

/** The commit functions (commit-clip.ts), loaded when a save first needs them. */
export type CommitModule = Pick<typeof import('./commit-clip'), 'commitClip' | 'commitClipEdit'>;

/**
 * `loadCommits` brings commit-clip.ts: the popup passes an import of its save chunk (which re-exports
 * it), so that the first paint carries only the reads (issue 8); other callers pass commit-clip itself.
 */
export function createPopupRepositories(
  db: ClipperDatabase,
  loadCommits: () => Promise<CommitModule>,
): PopupRepositories {
  return {
    readPopupStart: (url, draftKey) => readPopupStart(db, url, draftKey),
    drafts: createDraftRepository(db),
    commitClip: async (clipping, draftKey, options) =>
      (await loadCommits()).commitClip(db, clipping, draftKey, options),
    commitClipEdit: async (edit, draftKey) => (await loadCommits()).commitClipEdit(db, edit, draftKey),
  };
}
