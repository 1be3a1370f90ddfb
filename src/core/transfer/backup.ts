import type { Category } from '../category';
import type { Clipping, OtherNote } from '../clipping';
import type { Deletion } from '../deletion';
import { hasUrlOrTitle } from '../fields';
import type { Issue } from '../issue';
import type { NewsletterSettings } from '../settings';
import {
  checkRecords,
  checkUniqueIds,
  compareCodeUnits,
  copyShape,
  countRecords,
  errorCollector,
  type FieldShape,
  type FileError,
  type JsonObject,
  RECORDS_PER_STEP,
  type Report,
  readJsonFile,
  recordsOf,
  trimToShape,
} from './json-file';
import { finish, type Work } from './paced';

/**
 * The backup file: everything a person made (clippings, issues, categories, newsletter settings) in one
 * JSON document. docs/backup-format.md describes it field by field and docs/backup.schema.json is its
 * JSON Schema; the shape below is the same description in code. json-file.ts reads it, merging is
 * backup-merge.ts.
 */

export const BACKUP_FORMAT = 'weekly-clipper-backup';
/** The version this code writes and the newest it reads. Bump it only for a change old readers would misread. */
export const BACKUP_VERSION = 1;
/**
 * Larger files are refused before they are parsed. An export of 200,000 clippings with their notes
 * (two-space indent, as `serializeBackup` writes it) is about 60 MiB; past that the text, the parsed
 * records and their copies would hold several hundred MB of the page's memory at once.
 */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
/**
 * More clippings than this are refused before any record is checked. Ten years of weekly issues of
 * 30 items are 15,600; issue 8 asks for 100,000 (a 17.5 MiB file) to import with the page responsive.
 * The limit is twice that: every record is checked and merged in memory and written in one IndexedDB
 * transaction (all or nothing), which at 200,000 takes tens of seconds in Chromium and holds
 * everything in memory until it commits; a larger collection is better split than waited for.
 */
export const MAX_BACKUP_CLIPPINGS = 200_000;
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
  siteName: { ...TEXT, optional: true },
  language: { ...TEXT, optional: true },
} satisfies Record<keyof Clipping, FieldShape>;

const ISSUE_FIELDS = {
  id: ID,
  number: { type: 'integer', rule: 'issue-number' },
  date: { type: 'string', rule: 'iso-date' },
  // Not checked against the clippings: a headline whose clipping was deleted falls back to the first item.
  headlineId: NULLABLE_ID,
  topic: { ...TEXT, optional: true },
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
  // Absent from files made before title cleanup: the built-in rules.
  titleRules: { type: 'string-or-null', optional: true },
  // The four below are absent from files made before they existed: the defaults.
  footerTemplate: { ...TEXT, optional: true },
  zennType: { type: 'string', rule: 'zenn-type', optional: true },
  publicationName: { ...TEXT, optional: true },
  slugPattern: { ...TEXT, optional: true },
  // Absent from files made before it existed: the popup closes after a save.
  closePopupAfterSave: { type: 'boolean', optional: true },
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

/** Sorted by id; a list already in order (every exported file's) is not sorted again. */
export function sortById<T extends { id: string }>(list: T[]): T[] {
  for (let index = 1; index < list.length; index++) {
    if (compareIds(list[index - 1] as T, list[index] as T) > 0) return list.sort(compareIds);
  }
  return list;
}

/** The data in its canonical form: the shape's fields only, records sorted by id. */
export function canonicalData(data: BackupData): BackupData {
  return finish(canonicalCopy(data, copyShape));
}

/** `canonicalData` as work that yields its progress (records copied), for large files. */
function* canonicalCopy(
  data: BackupData,
  copy: (value: unknown, shape: FieldShape) => unknown,
): Work<BackupData> {
  const { fields } = BACKUP_SHAPE;
  const deletions = data.deletions ?? [];
  const total = data.clippings.length + data.issues.length + data.categories.length + deletions.length;
  let done = 0;
  function* copyAll<T extends { id: string }>(list: readonly T[], shape: FieldShape): Work<T[]> {
    const copies: T[] = [];
    for (const record of list) {
      copies.push(copy(record, shape) as T);
      if (++done % RECORDS_PER_STEP === 0) yield { phase: 'checking', done: total, total };
    }
    return sortById(copies);
  }
  const record = (shape: FieldShape) => shape.items as FieldShape;
  return {
    clippings: yield* copyAll(data.clippings, record(fields.clippings)),
    issues: yield* copyAll(data.issues, record(fields.issues)),
    categories: yield* copyAll(data.categories, record(fields.categories)),
    settings: copy(data.settings, fields.settings) as NewsletterSettings,
    deletions: yield* copyAll(deletions, record(fields.deletions)),
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

/** How many records one JSON.stringify call writes before the work yields. */
const RECORDS_PER_WRITE = 1024;

/**
 * `{"key": value}` written with two-space indent, without its braces: the lines of one field of the
 * file, already indented for their place. Keys come out sorted because canonical data has them sorted.
 */
function fieldLines(key: string, value: unknown): string {
  const text = JSON.stringify({ [key]: value }, null, 2);
  return text.slice(2, -2);
}

/**
 * The file's text: keys sorted, records sorted by id, two-space indent, a final newline. Two exports of
 * the same data differ only in `exportedAt`, so backups can be compared with `diff` or kept in git.
 */
export function serializeBackup(backup: Backup): string {
  return finish(backupText(backup));
}

/**
 * `serializeBackup` as work: the same bytes as `JSON.stringify(sortKeys(file), null, 2)`, written a
 * record at a time so that an export of 100,000 clippings can let the page breathe.
 */
export function* backupText(backup: Backup): Work<string> {
  const { format, version, exportedAt } = backup;
  // Serializing only reads the copy, so records that already fit the shape need not be copied.
  const data = yield* canonicalCopy(backup, trimToShape);
  const file: Record<string, unknown> = { format, version, exportedAt, ...data };
  const total = data.clippings.length + data.issues.length + data.categories.length;
  const fields: string[] = [];
  let done = 0;
  for (const key of Object.keys(file).sort(compareCodeUnits)) {
    const value = file[key];
    if (!Array.isArray(value) || value.length <= RECORDS_PER_WRITE) {
      fields.push(fieldLines(key, value));
      continue;
    }
    // A long list a slice at a time; each slice is written as the list it is part of would be, in
    // place, and the slices joined as that list's items are.
    const head = `  ${JSON.stringify(key)}: [\n`;
    const slices: string[] = [];
    for (let start = 0; start < value.length; start += RECORDS_PER_WRITE) {
      const lines = fieldLines(key, value.slice(start, start + RECORDS_PER_WRITE));
      slices.push(lines.slice(head.length, -'\n  ]'.length));
      done = Math.min(total, done + RECORDS_PER_WRITE);
      yield { phase: 'writing', done, total };
    }
    fields.push(`${head}${slices.join(',\n')}\n  ]`);
  }
  return `{\n${fields.join(',\n')}\n}\n`;
}

/** `serializeBackup(createBackup(data, now))` as work: the export of a large collection, paced. */
export function exportText(data: BackupData, now: number): Work<string> {
  const exportedAt = new Date(now).toISOString();
  return backupText({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, ...data });
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
 * a backup, from a newer version or with too many clippings stops at the first problem. Unknown fields
 * are ignored and dropped.
 */
export function parseBackup(text: string, options: { maxBytes?: number } = {}): BackupParseResult {
  return finish(readBackup(text, options));
}

/**
 * `parseBackup` as work: JSON.parse in one go (there is no cheaper way to read JSON in a page), then
 * the checks and the copy record by record, yielding progress (`checking`, records checked / total).
 */
export function* readBackup(text: string, { maxBytes = MAX_BACKUP_BYTES } = {}): Work<BackupParseResult> {
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
  yield* checkRecords(root, BACKUP_SHAPE, collector.report);
  yield* checkRelations(root, collector.report);
  if (collector.errors.length > 0)
    return { ok: false, errors: collector.errors, truncated: collector.truncated };
  const { exportedAt } = root as unknown as Backup;
  // The parsed records are this function's own: those with only the shape's fields are kept, not copied.
  const data = yield* canonicalCopy(root as unknown as Backup, trimToShape);
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, ...data } };
}

/**
 * Ids unique in each collection, clippings with a URL or a title, in categories and issues that exist,
 * at most one open issue (with two, the app would not know which one is being edited). A reference is
 * checked only against a collection that could be read, so that one missing array does not give an
 * error per clipping.
 */
function* checkRelations(root: JsonObject, report: Report): Work<void> {
  const uniqueIds = (key: string) => {
    const list = recordsOf(root, key);
    return list === null ? null : checkUniqueIds(list, key, report);
  };
  uniqueIds('clippings');
  uniqueIds('deletions');
  const [issueIds, categoryIds] = [uniqueIds('issues'), uniqueIds('categories')];
  const total = countRecords(root, BACKUP_SHAPE);
  let done = 0;
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
    if (++done % RECORDS_PER_STEP === 0) yield { phase: 'checking', done: total, total };
  }
  let openId: string | undefined;
  for (const [index, { id, status }] of recordsOf(root, 'issues') ?? []) {
    if (status !== 'open') continue;
    const issueId = typeof id === 'string' ? id : '';
    if (openId === undefined) openId = issueId;
    else report({ code: 'two-open-issues', path: `issues[${index}].status`, id: issueId, openId });
  }
}
