import { isIsoDate } from '../calendar';
import { isIssueNumber, isStoredUrl } from '../fields';

/**
 * The one reader and writer for the JSON files people move between browsers: backups (backup.ts) and
 * team files (team-file.ts). Size limit, byte order mark, parse, format and version, field shapes,
 * errors that say what and where, and key-sorted output all live here once.
 */

/** Which file is being read: the two formats share every message but these. */
export type FileKind = 'backup' | 'team';

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

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

export type ExpectedType = FieldShape['type'];
/** What a value of the right type must also be; `finite` is checked on every number. */
export type ValueRule = keyof typeof RULES | 'finite';

/** One problem with a file. `path` names the value, `clippings[3].updatedAt`; '' is the whole file. */
export type FileError =
  | { code: 'too-large'; path: ''; bytes: number; maxBytes: number }
  | { code: 'too-many-records'; path: string; count: number; max: number }
  | { code: 'not-json'; path: ''; reason: 'empty' | 'syntax'; detail: string }
  | { code: 'wrong-format'; path: '' | 'format' }
  | { code: 'newer-version'; path: 'version'; version: number; supported: number }
  | { code: 'missing'; path: string }
  | { code: 'wrong-type'; path: string; expected: ExpectedType; found: JsonType }
  | { code: 'invalid-value'; path: string; rule: ValueRule }
  | { code: 'no-url-or-title'; path: string }
  | { code: 'unknown-category'; path: string; id: string }
  | { code: 'unknown-issue'; path: string; id: string }
  | { code: 'duplicate-id'; path: string; id: string; firstPath: string }
  | { code: 'two-open-issues'; path: string; id: string; openId: string };

export type FileErrorCode = FileError['code'];

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An RFC 3339 date-time with a real calendar date, as `Date#toISOString` writes it. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1] as string);
}

/** The latest moment a `Date` can hold (ECMA-262 §21.4.1.1). */
const MAX_TIME = 8.64e15;

/** Each rule runs only on a value already of its field's type. Field rules are core's (fields.ts). */
const RULES = {
  'non-empty': (value: string) => value !== '',
  'non-blank': (value: string) => value.trim() !== '',
  timestamp: (value: number) => value >= 0 && value <= MAX_TIME,
  'iso-date': isIsoDate,
  'iso-date-time': isIsoDateTime,
  'http-url': isStoredUrl,
  'issue-status': (value: string) => value === 'open' || value === 'published',
  'issue-number': isIssueNumber,
  weekday: (value: number) => value >= 0 && value <= 6,
  version: (value: number) => value >= 1,
} satisfies Record<string, (value: never) => boolean>;

export type Report = (error: FileError) => void;
export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
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
function valueProblem(value: unknown, path: string, shape: FieldShape): FileError | null {
  const wrongType: FileError = { code: 'wrong-type', path, expected: shape.type, found: jsonType(value) };
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

/**
 * Checks a value against its shape, reporting every problem. Own properties only: a file's
 * `constructor` or `__proto__` is data, never the prototype's.
 */
export function checkShape(value: unknown, path: string, shape: FieldShape, report: Report): void {
  const problem = valueProblem(value, path, shape);
  if (problem) {
    report(problem);
    return;
  }
  const { items, fields } = shape;
  if (items && Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkShape(item, `${path}[${index}]`, items, report);
  }
  if (fields && isObject(value)) {
    for (const [key, field] of Object.entries(fields)) {
      const child = path === '' ? key : `${path}.${key}`;
      if (Object.hasOwn(value, key)) checkShape(value[key], child, field, report);
      else if (!field.optional) report({ code: 'missing', path: child });
    }
  }
}

/** A copy with only the fields the shape names: storage extras (a clipping's `urlKey`) and unknown fields stay out. */
export function copyShape(value: unknown, shape: FieldShape): unknown {
  if (shape.items && Array.isArray(value))
    return value.map((item) => copyShape(item, shape.items as FieldShape));
  if (!shape.fields || typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape.fields)) {
    if (Object.hasOwn(record, key) && record[key] !== undefined) copy[key] = copyShape(record[key], field);
  }
  return copy;
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

export interface JsonFileSpec {
  format: string;
  /** The newest version this code reads. */
  version: number;
  maxBytes: number;
}

/** The first problem that makes the rest of the file unreadable, if any, and the parsed object otherwise. */
export function readJsonFile(text: string, spec: JsonFileSpec): { error: FileError } | { root: JsonObject } {
  const fail = (error: FileError): { error: FileError } => ({ error });
  // Every UTF-16 unit is at most 3 UTF-8 bytes, so most files need no counting.
  const bytes = text.length * 3 <= spec.maxBytes ? text.length : utf8ByteLength(text);
  if (bytes > spec.maxBytes) return fail({ code: 'too-large', path: '', bytes, maxBytes: spec.maxBytes });
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
  if (root.format !== spec.format) return fail({ code: 'wrong-format', path: 'format' });
  const { version } = root;
  // A newer version may mean anything; listing its fields as errors against this one would mislead.
  if (typeof version === 'number' && Number.isInteger(version) && version > spec.version) {
    return fail({ code: 'newer-version', path: 'version', version, supported: spec.version });
  }
  return { root };
}

/** Collects errors up to `max`; past that, only notes that there were more. */
export function errorCollector(max: number) {
  const collector: { errors: FileError[]; truncated: boolean; report: Report } = {
    errors: [],
    truncated: false,
    report(error) {
      if (collector.errors.length < max) collector.errors.push(error);
      else collector.truncated = true;
    },
  };
  return collector;
}

/** Reports ids used twice in a list of records; returns each id's first index. */
export function checkUniqueIds(
  list: readonly [number, JsonObject][],
  key: string,
  report: Report,
): Map<string, number> {
  const seen = new Map<string, number>();
  for (const [index, { id }] of list) {
    if (typeof id !== 'string' || id === '') continue;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else report({ code: 'duplicate-id', path: `${key}[${index}].id`, id, firstPath: `${key}[${first}].id` });
  }
  return seen;
}

/** The objects of `root[key]` with their index; null when it is not an array (already reported). */
export function recordsOf(root: JsonObject, key: string): [number, JsonObject][] | null {
  const list = root[key];
  if (!Array.isArray(list)) return null;
  return list.flatMap((record, index) => (isObject(record) ? [[index, record] as [number, JsonObject]] : []));
}

/** Code-unit order, never locale order, so that every machine writes the same bytes. */
export const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Objects with their keys in code-unit order, at every level; arrays keep their order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort(compareCodeUnits)
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/**
 * Compact JSON with keys sorted at every level. JSON.stringify leaves U+2028/U+2029 raw; some editors
 * break lines there, so they are escaped to keep one record per line everywhere.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(
    /[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
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
  'non-blank': 'backupErrorValueNonBlank',
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

/** The `_locales` keys of the messages that explain file errors (texts in docs/backup-format.md). */
export type FileMessageKey =
  | 'backupErrorTooLarge'
  | 'backupErrorTooManyRecords'
  | 'backupErrorEmpty'
  | 'backupErrorNotJson'
  | 'backupErrorWrongFormat'
  | 'backupErrorNewerVersion'
  | 'teamErrorWrongFormat'
  | 'teamErrorNewerVersion'
  | 'backupErrorMissing'
  | (typeof WRONG_TYPE_MESSAGES)[ExpectedType]
  | (typeof INVALID_VALUE_MESSAGES)[ValueRule]
  | 'backupErrorNoUrlOrTitle'
  | 'backupErrorUnknownCategory'
  | 'backupErrorUnknownIssue'
  | 'backupErrorDuplicateId'
  | 'backupErrorTwoOpenIssues';

/** Sizes in MB to one decimal: 20 MiB shows as 20.0. */
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** The message for an error and its substitutions; when the error has a path, it is always `$1`. */
export function describeFileError(
  error: FileError,
  kind: FileKind,
): { key: FileMessageKey; substitutions: string[] } {
  const at = (key: FileMessageKey, ...rest: string[]) => ({ key, substitutions: [error.path, ...rest] });
  switch (error.code) {
    case 'too-large':
      return {
        key: 'backupErrorTooLarge',
        substitutions: [megabytes(error.bytes), megabytes(error.maxBytes)],
      };
    case 'too-many-records':
      return at('backupErrorTooManyRecords', String(error.count), String(error.max));
    case 'not-json':
      return error.reason === 'empty'
        ? { key: 'backupErrorEmpty', substitutions: [] }
        : { key: 'backupErrorNotJson', substitutions: [error.detail] };
    case 'wrong-format':
      return { key: kind === 'team' ? 'teamErrorWrongFormat' : 'backupErrorWrongFormat', substitutions: [] };
    case 'newer-version':
      return {
        key: kind === 'team' ? 'teamErrorNewerVersion' : 'backupErrorNewerVersion',
        substitutions: [String(error.version)],
      };
    case 'missing':
      return at('backupErrorMissing');
    case 'wrong-type':
      return at(WRONG_TYPE_MESSAGES[error.expected]);
    case 'invalid-value':
      return at(INVALID_VALUE_MESSAGES[error.rule]);
    case 'no-url-or-title':
      return at('backupErrorNoUrlOrTitle');
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
