import { isIsoDate } from '../calendar';
import { isHttpUrl } from '../url';
import {
  BACKUP_FORMAT,
  BACKUP_SHAPE,
  BACKUP_VERSION,
  type Backup,
  canonicalData,
  type FieldShape,
} from './backup';

/** Larger files are refused before they are parsed: years of weekly issues fit in a few MiB. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;
/** Enough to show what is wrong with a file; past this many, listing more helps nobody. */
export const MAX_BACKUP_ERRORS = 50;

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
export type ExpectedType = FieldShape['type'];
/** What a value of the right type must also be; `finite` is checked on every number. */
export type ValueRule = keyof typeof RULES | 'finite';

/** One problem with a backup file. `path` names the value, `clippings[3].updatedAt`; '' is the whole file. */
export type BackupError =
  | { code: 'too-large'; path: ''; bytes: number; maxBytes: number }
  | { code: 'not-json'; path: ''; reason: 'empty' | 'syntax'; detail: string }
  | { code: 'wrong-format'; path: '' | 'format' }
  | { code: 'newer-version'; path: 'version'; version: number; supported: number }
  | { code: 'missing'; path: string }
  | { code: 'wrong-type'; path: string; expected: ExpectedType; found: JsonType }
  | { code: 'invalid-value'; path: string; rule: ValueRule }
  | { code: 'unknown-category'; path: string; id: string }
  | { code: 'unknown-issue'; path: string; id: string }
  | { code: 'duplicate-id'; path: string; id: string; firstPath: string }
  | { code: 'two-open-issues'; path: string; id: string; openId: string };

export type BackupErrorCode = BackupError['code'];

export type BackupParseResult =
  | { ok: true; backup: Backup }
  /** `truncated`: there were more than MAX_BACKUP_ERRORS errors and only the first ones are listed. */
  | { ok: false; errors: BackupError[]; truncated: boolean };

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An RFC 3339 date-time with a real calendar date, as `Date#toISOString` writes it. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1] as string);
}

/** The latest moment a `Date` can hold (ECMA-262 §21.4.1.1). */
const MAX_TIME = 8.64e15;

/** Each rule runs only on a value already of its field's type. */
const RULES = {
  'non-empty': (value: string) => value !== '',
  timestamp: (value: number) => value >= 0 && value <= MAX_TIME,
  'iso-date': isIsoDate,
  'iso-date-time': isIsoDateTime,
  'http-url': (value: string) => value === '' || isHttpUrl(value),
  'issue-status': (value: string) => value === 'open' || value === 'published',
  'issue-number': (value: number) => value >= 1 && Number.isSafeInteger(value),
  weekday: (value: number) => value >= 0 && value <= 6,
  version: (value: number) => value >= 1,
} satisfies Record<string, (value: never) => boolean>;

type Report = (error: BackupError) => void;
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const jsonType = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as JsonType);

function hasType(value: unknown, type: ExpectedType): boolean {
  if (value === null) return type.endsWith('-or-null');
  if (type === 'object') return isObject(value);
  if (type === 'array') return Array.isArray(value);
  const base = type.replace('-or-null', '');
  return typeof value === (base === 'integer' ? 'number' : base);
}

/** The problem with the value itself, before its items or fields are looked at. */
function valueProblem(value: unknown, path: string, shape: FieldShape): BackupError | null {
  const wrongType: BackupError = { code: 'wrong-type', path, expected: shape.type, found: jsonType(value) };
  if (!hasType(value, shape.type)) return wrongType;
  if (typeof value === 'number') {
    // JSON has no NaN or Infinity, but `1e999` parses as Infinity.
    if (!Number.isFinite(value)) return { code: 'invalid-value', path, rule: 'finite' };
    if (shape.type.startsWith('integer') && !Number.isInteger(value)) return wrongType;
  }
  const rule = shape.rule;
  if (value !== null && rule && !(RULES[rule] as (value: unknown) => boolean)(value)) {
    return { code: 'invalid-value', path, rule };
  }
  return null;
}

function checkValue(value: unknown, path: string, shape: FieldShape, report: Report): void {
  const problem = valueProblem(value, path, shape);
  if (problem) {
    report(problem);
    return;
  }
  const { items, fields } = shape;
  if (items && Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkValue(item, `${path}[${index}]`, items, report);
  }
  if (fields && isObject(value)) {
    for (const [key, field] of Object.entries(fields)) {
      const child = path === '' ? key : `${path}.${key}`;
      if (Object.hasOwn(value, key)) checkValue(value[key], child, field, report);
      else if (!field.optional) report({ code: 'missing', path: child });
    }
  }
}

/** UTF-8 length as the file holds it; a lone surrogate counts as the 3 bytes of U+FFFD an encoder writes. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The first problem that makes the rest of the file unreadable, if any, and the parsed object otherwise. */
function readRoot(text: string, maxBytes: number): { error: BackupError } | { root: JsonObject } {
  const fail = (error: BackupError): { error: BackupError } => ({ error });
  const bytes = utf8ByteLength(text);
  if (bytes > maxBytes) return fail({ code: 'too-large', path: '', bytes, maxBytes });
  // An editor may have saved the file with a byte order mark, which JSON.parse refuses.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.trim() === '') return fail({ code: 'not-json', path: '', reason: 'empty', detail: '' });
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    return fail({ code: 'not-json', path: '', reason: 'syntax', detail });
  }
  if (!isObject(root)) return fail({ code: 'wrong-format', path: '' });
  if (root.format !== BACKUP_FORMAT) return fail({ code: 'wrong-format', path: 'format' });
  const { version } = root;
  // A newer version may mean anything; listing its fields as errors against version 1 would mislead.
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return fail({ code: 'newer-version', path: 'version', version, supported: BACKUP_VERSION });
  }
  return { root };
}

/**
 * Reads a backup file's text. The whole file is checked and every problem found is returned (up to
 * MAX_BACKUP_ERRORS), so a person sees at once what is wrong; only a file that is too large, not JSON, not
 * a backup or from a newer version stops at the first problem. Unknown fields are ignored and dropped.
 */
export function parseBackup(text: string, { maxBytes = MAX_BACKUP_BYTES } = {}): BackupParseResult {
  const read = readRoot(text, maxBytes);
  if ('error' in read) return { ok: false, errors: [read.error], truncated: false };
  const { root } = read;
  const errors: BackupError[] = [];
  let truncated = false;
  const report: Report = (error) => {
    if (errors.length < MAX_BACKUP_ERRORS) errors.push(error);
    else truncated = true;
  };
  checkValue(root, '', BACKUP_SHAPE, report);
  checkRelations(root, report);
  if (errors.length > 0) return { ok: false, errors, truncated };
  const { exportedAt } = root as unknown as Backup;
  const data = canonicalData(root as unknown as Backup);
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, ...data } };
}

/**
 * Ids unique in each collection, clippings in categories and issues that exist, at most one open issue
 * (with two, the app would not know which one is being edited). A reference is checked only against a
 * collection that could be read, so that one missing array does not give an error per clipping.
 */
function checkRelations(root: JsonObject, report: Report) {
  const records = (key: string): [number, JsonObject][] | null => {
    const list = root[key];
    if (!Array.isArray(list)) return null;
    return list.flatMap((record, index) =>
      isObject(record) ? [[index, record] as [number, JsonObject]] : [],
    );
  };
  const uniqueIds = (key: string) => {
    const list = records(key);
    if (list === null) return null;
    const seen = new Map<string, number>();
    for (const [index, { id }] of list) {
      if (typeof id !== 'string' || id === '') continue;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else
        report({ code: 'duplicate-id', path: `${key}[${index}].id`, id, firstPath: `${key}[${first}].id` });
    }
    return seen;
  };
  uniqueIds('clippings');
  const [issueIds, categoryIds] = [uniqueIds('issues'), uniqueIds('categories')];
  for (const [index, { categoryId, issueId }] of records('clippings') ?? []) {
    if (categoryIds && typeof categoryId === 'string' && categoryId !== '' && !categoryIds.has(categoryId)) {
      report({ code: 'unknown-category', path: `clippings[${index}].categoryId`, id: categoryId });
    }
    if (issueIds && typeof issueId === 'string' && issueId !== '' && !issueIds.has(issueId)) {
      report({ code: 'unknown-issue', path: `clippings[${index}].issueId`, id: issueId });
    }
  }
  let openId: string | undefined;
  for (const [index, { id, status }] of records('issues') ?? []) {
    if (status !== 'open') continue;
    const issueId = typeof id === 'string' ? id : '';
    if (openId === undefined) openId = issueId;
    else report({ code: 'two-open-issues', path: `issues[${index}].status`, id: issueId, openId });
  }
}

/** Messages for the type a value should have had; `_locales` keys spelled out so they can be searched for. */
const WRONG_TYPE_MESSAGES = {
  object: 'backupErrorTypeObject',
  array: 'backupErrorTypeArray',
  string: 'backupErrorTypeString',
  number: 'backupErrorTypeNumber',
  integer: 'backupErrorTypeInteger',
  boolean: 'backupErrorTypeBoolean',
  'string-or-null': 'backupErrorTypeStringOrNull',
  'integer-or-null': 'backupErrorTypeIntegerOrNull',
} as const satisfies Record<ExpectedType, string>;

const INVALID_VALUE_MESSAGES = {
  'non-empty': 'backupErrorValueNonEmpty',
  finite: 'backupErrorValueFinite',
  timestamp: 'backupErrorValueTimestamp',
  'iso-date': 'backupErrorValueIsoDate',
  'iso-date-time': 'backupErrorValueIsoDateTime',
  'http-url': 'backupErrorValueHttpUrl',
  'issue-status': 'backupErrorValueIssueStatus',
  'issue-number': 'backupErrorValueIssueNumber',
  weekday: 'backupErrorValueWeekday',
  version: 'backupErrorValueVersion',
} as const satisfies Record<ValueRule, string>;

/** The `_locales` keys of the messages that explain backup errors (texts in docs/backup-format.md). */
export type BackupMessageKey =
  | 'backupErrorTooLarge'
  | 'backupErrorEmpty'
  | 'backupErrorNotJson'
  | 'backupErrorWrongFormat'
  | 'backupErrorNewerVersion'
  | 'backupErrorMissing'
  | (typeof WRONG_TYPE_MESSAGES)[ExpectedType]
  | (typeof INVALID_VALUE_MESSAGES)[ValueRule]
  | 'backupErrorUnknownCategory'
  | 'backupErrorUnknownIssue'
  | 'backupErrorDuplicateId'
  | 'backupErrorTwoOpenIssues';

/** Sizes in MB to one decimal: 20 MiB shows as 20.0. */
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** The message for an error and its substitutions; when the error has a path, it is always `$1`. */
export function describeBackupError(error: BackupError): { key: BackupMessageKey; substitutions: string[] } {
  const at = (key: BackupMessageKey, ...rest: string[]) => ({ key, substitutions: [error.path, ...rest] });
  switch (error.code) {
    case 'too-large':
      return {
        key: 'backupErrorTooLarge',
        substitutions: [megabytes(error.bytes), megabytes(error.maxBytes)],
      };
    case 'not-json':
      return error.reason === 'empty'
        ? { key: 'backupErrorEmpty', substitutions: [] }
        : { key: 'backupErrorNotJson', substitutions: [error.detail] };
    case 'wrong-format':
      return { key: 'backupErrorWrongFormat', substitutions: [] };
    case 'newer-version':
      return { key: 'backupErrorNewerVersion', substitutions: [String(error.version)] };
    case 'missing':
      return at('backupErrorMissing');
    case 'wrong-type':
      return at(WRONG_TYPE_MESSAGES[error.expected]);
    case 'invalid-value':
      return at(INVALID_VALUE_MESSAGES[error.rule]);
    case 'unknown-category':
      return at('backupErrorUnknownCategory', error.id);
    case 'unknown-issue':
      return at('backupErrorUnknownIssue', error.id);
    case 'duplicate-id':
      return at('backupErrorDuplicateId', error.id);
    case 'two-open-issues':
      return at('backupErrorTwoOpenIssues', error.id, error.openId);
  }
}
