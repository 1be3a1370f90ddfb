import type { Category } from '../category';
import type { Clipping, OtherNote } from '../clipping';
import type { Deletion } from '../deletion';
import { hasUrlOrTitle } from '../fields';
import type { Issue } from '../issue';
import type { NewsletterSettings } from '../settings';
import {
  checkShape,
  checkUniqueIds,
  compareCodeUnits,
  copyShape,
  errorCollector,
  type FieldShape,
  type FileError,
  type JsonObject,
  type Report,
  readJsonFile,
  recordsOf,
  sortKeys,
} from './json-file';

/**
 * The backup file: everything a person made (clippings, issues, categories, newsletter settings) in one
 * JSON document. docs/backup-format.md describes it field by field and docs/backup.schema.json is its
 * JSON Schema; the shape below is the same description in code. json-file.ts reads it, merging is
 * backup-merge.ts.
 */

export const BACKUP_FORMAT = 'weekly-clipper-backup';
/** The version this code writes and the newest it reads. Bump it only for a change old readers would misread. */
export const BACKUP_VERSION = 1;
/** Larger files are refused before they are parsed: years of weekly issues fit in a few MiB. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;
/**
 * More clippings than this are refused before any record is checked. Ten years of weekly issues of
 * 30 items are 15,600; a 100,000-clipping file (17.5 MiB, under the byte limit) kept the options page
 * busy for minutes reading, merging, writing and then showing every item.
 */
export const MAX_BACKUP_CLIPPINGS = 20_000;
/** Enough to show what is wrong with a file; past this many, listing more helps nobody. */
export const MAX_BACKUP_ERRORS = 50;

/** The data a backup carries, and what the merge compares: this install's data or a file's. */
export interface BackupData {
  clippings: Clipping[];
  issues: Issue[];
  categories: Category[];
  settings: NewsletterSettings;
  /** Tombstones; a file made before they existed has none. */
  deletions?: Deletion[];
}

export interface Backup extends BackupData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was made, ISO 8601 in UTC (`2024-09-06T09:30:00.000Z`). Informational only. */
  exportedAt: string;
}

const ID: FieldShape = { type: 'string', rule: 'non-empty' };
const TEXT: FieldShape = { type: 'string' };
const TIMESTAMP: FieldShape = { type: 'integer', rule: 'timestamp' };
const NULLABLE_ID: FieldShape = { type: 'string-or-null', rule: 'non-empty' };

// `satisfies Record<keyof T, FieldShape>`: a field added to a domain type is a type error here until its
// place in the backup is decided.
const OTHER_NOTE_FIELDS = {
  id: ID,
  clippedBy: TEXT,
  note: TEXT,
  updatedAt: TIMESTAMP,
  url: { type: 'string', rule: 'http-url', optional: true },
  title: { ...TEXT, optional: true },
} satisfies Record<keyof OtherNote, FieldShape>;

const CLIPPING_FIELDS = {
  id: ID,
  url: { type: 'string', rule: 'http-url' },
  title: TEXT,
  note: TEXT,
  categoryId: ID,
  issueId: NULLABLE_ID,
  order: { type: 'number' },
  carryOver: { type: 'boolean' },
  clippedBy: TEXT,
  createdAt: TIMESTAMP,
  updatedAt: TIMESTAMP,
  otherNotes: { type: 'array', optional: true, items: { type: 'object', fields: OTHER_NOTE_FIELDS } },
} satisfies Record<keyof Clipping, FieldShape>;

const ISSUE_FIELDS = {
  id: ID,
  number: { type: 'integer', rule: 'issue-number' },
  date: { type: 'string', rule: 'iso-date' },
  // Not checked against the clippings: a headline whose clipping was deleted falls back to the first item.
  headlineId: NULLABLE_ID,
  afterword: TEXT,
  status: { type: 'string', rule: 'issue-status' },
  createdAt: TIMESTAMP,
  updatedAt: TIMESTAMP,
  publishedAt: { type: 'integer-or-null', rule: 'timestamp' },
  editedAfterPublish: { type: 'array', optional: true, items: TIMESTAMP },
} satisfies Record<keyof Issue, FieldShape>;

const CATEGORY_FIELDS = { id: ID, label: TEXT, order: { type: 'number' } } satisfies Record<
  keyof Category,
  FieldShape
>;

const SETTINGS_FIELDS = {
  name: TEXT,
  introTemplate: TEXT,
  meetingWeekday: { type: 'integer', rule: 'weekday' },
  memberName: TEXT,
  emoji: TEXT,
  topics: { type: 'array', items: TEXT },
} satisfies Record<keyof NewsletterSettings, FieldShape>;

const DELETION_FIELDS = { id: ID, deletedBy: TEXT, deletedAt: TIMESTAMP } satisfies Record<
  keyof Deletion,
  FieldShape
>;

const records = (fields: Record<string, FieldShape>): FieldShape => ({
  type: 'array',
  items: { type: 'object', fields },
});

/** Version 1 of the file, top to bottom. `format` is compared exactly before anything else is read. */
export const BACKUP_SHAPE = {
  type: 'object',
  fields: {
    format: TEXT,
    version: { type: 'integer', rule: 'version' },
    exportedAt: { type: 'string', rule: 'iso-date-time' },
    clippings: records(CLIPPING_FIELDS),
    issues: records(ISSUE_FIELDS),
    categories: records(CATEGORY_FIELDS),
    settings: { type: 'object', fields: SETTINGS_FIELDS },
    deletions: { ...records(DELETION_FIELDS), optional: true },
  },
} satisfies FieldShape & { fields: Record<keyof Backup, FieldShape> };

/** By id in code-unit order, so that every machine writes records in the same order. */
export function compareIds(a: { id: string }, b: { id: string }): number {
  return compareCodeUnits(a.id, b.id);
}

/** The data in its canonical form: the shape's fields only, records sorted by id. */
export function canonicalData(data: BackupData): BackupData {
  const { fields } = BACKUP_SHAPE;
  return {
    clippings: (copyShape(data.clippings, fields.clippings) as Clipping[]).sort(compareIds),
    issues: (copyShape(data.issues, fields.issues) as Issue[]).sort(compareIds),
    categories: (copyShape(data.categories, fields.categories) as Category[]).sort(compareIds),
    settings: copyShape(data.settings, fields.settings) as NewsletterSettings,
    deletions: (copyShape(data.deletions ?? [], fields.deletions) as Deletion[]).sort(compareIds),
  };
}

export function createBackup(data: BackupData, now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    ...canonicalData(data),
  };
}

/**
 * The file's text: keys sorted, records sorted by id, two-space indent, a final newline. Two exports of
 * the same data differ only in `exportedAt`, so backups can be compared with `diff` or kept in git.
 * (JSON.stringify keeps insertion order except for integer-like keys, which no field name is.)
 */
export function serializeBackup(backup: Backup): string {
  const { format, version, exportedAt } = backup;
  return `${JSON.stringify(sortKeys({ format, version, exportedAt, ...canonicalData(backup) }), null, 2)}\n`;
}

/** `weekly-clipper-backup-20240906-0930.json`, in local time: the time the person saw on their clock. */
export function backupFilename(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `weekly-clipper-backup-${date}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

export type BackupParseResult =
  | { ok: true; backup: Backup }
  /** `truncated`: there were more than MAX_BACKUP_ERRORS errors and only the first ones are listed. */
  | { ok: false; errors: FileError[]; truncated: boolean };

/**
 * Reads a backup file's text. The whole file is checked and every problem found is returned (up to
 * MAX_BACKUP_ERRORS), so a person sees at once what is wrong; only a file that is too large, not JSON, not
 * a backup or from a newer version stops at the first problem. Unknown fields are ignored and dropped.
 */
export function parseBackup(text: string, { maxBytes = MAX_BACKUP_BYTES } = {}): BackupParseResult {
  const read = readJsonFile(text, { format: BACKUP_FORMAT, version: BACKUP_VERSION, maxBytes });
  if ('error' in read) return { ok: false, errors: [read.error], truncated: false };
  const { root } = read;
  const { clippings } = root;
  if (Array.isArray(clippings) && clippings.length > MAX_BACKUP_CLIPPINGS) {
    const error: FileError = {
      code: 'too-many-records',
      path: 'clippings',
      count: clippings.length,
      max: MAX_BACKUP_CLIPPINGS,
    };
    return { ok: false, errors: [error], truncated: false };
  }
  const collector = errorCollector(MAX_BACKUP_ERRORS);
  checkShape(root, '', BACKUP_SHAPE, collector.report);
  checkRelations(root, collector.report);
  if (collector.errors.length > 0)
    return { ok: false, errors: collector.errors, truncated: collector.truncated };
  const { exportedAt } = root as unknown as Backup;
  const data = canonicalData(root as unknown as Backup);
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, ...data } };
}

/**
 * Ids unique in each collection, clippings with a URL or a title, in categories and issues that exist,
 * at most one open issue (with two, the app would not know which one is being edited). A reference is
 * checked only against a collection that could be read, so that one missing array does not give an
 * error per clipping.
 */
function checkRelations(root: JsonObject, report: Report) {
  const uniqueIds = (key: string) => {
    const list = recordsOf(root, key);
    return list === null ? null : checkUniqueIds(list, key, report);
  };
  uniqueIds('clippings');
  uniqueIds('deletions');
  const [issueIds, categoryIds] = [uniqueIds('issues'), uniqueIds('categories')];
  for (const [index, { categoryId, issueId, url, title }] of recordsOf(root, 'clippings') ?? []) {
    if (url === '' && typeof title === 'string' && !hasUrlOrTitle({ url, title })) {
      report({ code: 'no-url-or-title', path: `clippings[${index}].title` });
    }
    if (categoryIds && typeof categoryId === 'string' && categoryId !== '' && !categoryIds.has(categoryId)) {
      report({ code: 'unknown-category', path: `clippings[${index}].categoryId`, id: categoryId });
    }
    if (issueIds && typeof issueId === 'string' && issueId !== '' && !issueIds.has(issueId)) {
      report({ code: 'unknown-issue', path: `clippings[${index}].issueId`, id: issueId });
    }
  }
  let openId: string | undefined;
  for (const [index, { id, status }] of recordsOf(root, 'issues') ?? []) {
    if (status !== 'open') continue;
    const issueId = typeof id === 'string' ? id : '';
    if (openId === undefined) openId = issueId;
    else report({ code: 'two-open-issues', path: `issues[${index}].status`, id: issueId, openId });
  }
}
