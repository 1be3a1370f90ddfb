import { type OnWritten, readEverything, replaceEverything, writeRecords } from './bulk';
import { type CategoryRepository, createCategoryRepository } from './categories';
import { type ClippingRepository, createClippingRepository } from './clippings';
import { commitClip, commitClipEdit } from './commit-clip';
import type { ClipperDatabase } from './db';
import { createDeletionRepository, type DeletionRepository } from './deletions';
import { createDraftRepository, type DraftRepository } from './drafts';
import { createIssueRepository, type IssueRepository } from './issues';
import { type IssueStart, readIssueStart } from './options-start';
import type { PopupRepositories } from './popup-repositories';
import { readPopupStart } from './popup-start';
import { createSettingsRepository, type SettingsRepository } from './settings';
import { createTeamRepository, type TeamRepository } from './team';

/** Everything the pages read and write, over one open database. Tests build it on fake-indexeddb. */
export interface Repositories extends PopupRepositories {
  clippings: ClippingRepository;
  categories: CategoryRepository;
  drafts: DraftRepository;
  settings: SettingsRepository;
  issues: IssueRepository;
  deletions: DeletionRepository;
  /** The team repository connection and its sync state (issue 11). */
  team: TeamRepository;
  /** What the options page shows of the open issue, in one transaction (options-start.ts). */
  readIssueStart(): Promise<IssueStart>;
  /** Whole-database reads and writes for backup, restore and team merge. */
  bulk: {
    readEverything(): ReturnType<typeof readEverything>;
    writeRecords(records: Parameters<typeof writeRecords>[1], onWritten?: OnWritten): Promise<void>;
    replaceEverything(data: Parameters<typeof replaceEverything>[1], onWritten?: OnWritten): Promise<void>;
  };
}

export function createRepositories(db: ClipperDatabase): Repositories {
  return {
    clippings: createClippingRepository(db),
    categories: createCategoryRepository(db),
    drafts: createDraftRepository(db),
    settings: createSettingsRepository(db),
    issues: createIssueRepository(db),
    deletions: createDeletionRepository(db),
    team: createTeamRepository(db),
    bulk: {
      readEverything: () => readEverything(db),
      writeRecords: (records, onWritten) => writeRecords(db, records, onWritten),
      replaceEverything: (data, onWritten) => replaceEverything(db, data, onWritten),
    },
    readIssueStart: () => readIssueStart(db),
    readPopupStart: (url, draftKey) => readPopupStart(db, url, draftKey),
    commitClip: (clipping, draftKey, options) => commitClip(db, clipping, draftKey, options),
    commitClipEdit: (edit, draftKey) => commitClipEdit(db, edit, draftKey),
  };
}
