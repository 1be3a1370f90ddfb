import type { Category } from '../category';
import type { Clipping, OtherNote } from '../clipping';
import type { Issue } from '../issue';
import type { NewsletterSettings } from '../settings';
import type { ValueRule } from './backup-validate';

/**
 * The backup file: everything a person made (clippings, issues, categories, newsletter settings) in one
 * JSON document. docs/backup-format.md describes it field by field and docs/backup.schema.json is its
 * JSON Schema; the shape below is the same description in code. Reading is backup-validate.ts, merging
 * backup-merge.ts.
 */

export const BACKUP_FORMAT = 'weekly-clipper-backup';
/** The version this code writes and the newest it reads. Bump it only for a change old readers would misread. */
export const BACKUP_VERSION = 1;

/** The data a backup carries, and what the merge compares: this install's data or a file's. */
export interface BackupData {
  clippings: Clipping[];
  issues: Issue[];
  categories: Category[];
  settings: NewsletterSettings;
}

export interface Backup extends BackupData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was made, ISO 8601 in UTC (`2024-09-06T09:30:00.000Z`). Informational only. */
  exportedAt: string;
}

/** What a value in the file must be. `rule` is checked once the type is right. */
export interface FieldShape {
  type:
    | 'object'
    | 'array'
    | 'string'
    | 'number'
    | 'integer'
    | 'boolean'
    | 'string-or-null'
    | 'integer-or-null';
  rule?: Exclude<ValueRule, 'finite'>;
  /** May be left out; written only when the record has it. */
  optional?: true;
  items?: FieldShape;
  fields?: Record<string, FieldShape>;
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
  },
} satisfies FieldShape & { fields: Record<keyof Backup, FieldShape> };

/** A copy with only the fields the shape names: storage extras (a clipping's `urlKey`) and unknown fields stay out. */
function copyShape(value: unknown, shape: FieldShape): unknown {
  if (shape.items && Array.isArray(value))
    return value.map((item) => copyShape(item, shape.items as FieldShape));
  if (!shape.fields || typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape.fields)) {
    if (record[key] !== undefined) copy[key] = copyShape(record[key], field);
  }
  return copy;
}

/** Code-unit order, never locale order, so that every machine writes records in the same order. */
export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The data in its canonical form: the shape's fields only, records sorted by id. */
export function canonicalData(data: BackupData): BackupData {
  const { fields } = BACKUP_SHAPE;
  return {
    clippings: (copyShape(data.clippings, fields.clippings) as Clipping[]).sort(compareIds),
    issues: (copyShape(data.issues, fields.issues) as Issue[]).sort(compareIds),
    categories: (copyShape(data.categories, fields.categories) as Category[]).sort(compareIds),
    settings: copyShape(data.settings, fields.settings) as NewsletterSettings,
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

/** Objects with their keys in code-unit order, at every level; arrays keep their order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
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
