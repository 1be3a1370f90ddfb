import { isIsoDate } from '../calendar';
import { isIssueNumber, isStoredUrl } from '../fields';
import type { Work } from './paced';

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
  rule?: keyof typeof RULES;
  /** May be left out; written only when the record has it. */
  optional?: true;
  items?: FieldShape;
  fields?: Record<string, FieldShape>;
}

export type ExpectedType = FieldShape['type'];
/** What a value of the right type must also be; `finite` is checked on every number. */
/** `impossible-date`: an `iso-date` with the form of a date but no such day (2023-02-30). */
export type ValueRule = keyof typeof RULES | 'finite' | 'impossible-date';

/** One problem with a file. `path` names the value, `clippings[3].updatedAt`; '' is the whole file. */
export type FileError =
  | { code: 'too-large'; path: ''; bytes: number; maxBytes: number }
  | { code: 'too-many-records'; path: string; count: number; max: number }
  /** `line` and `column` (from 1) where the parser stopped, when it said so. */
  | { code: 'not-json'; path: ''; reason: 'empty' | 'syntax'; line?: number; column?: number }
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
  'zenn-type': (value: string) => value === 'tech' || value === 'idea',
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

/** What checking a value against a shape needs, worked out once per shape rather than once per value. */
interface CompiledShape {
  shape: FieldShape;
  nullable: boolean;
  /** The `typeof` a value of the type has; '' for objects and arrays, which are told apart otherwise. */
  typeOf: string;
  integer: boolean;
  rule?: (value: never) => boolean;
  items?: CompiledShape;
  fields?: [key: string, field: CompiledShape][];
  /** The same fields in code-unit order of their names: the order copies are made in. */
  sorted?: [key: string, field: CompiledShape][];
}

const compiled = new WeakMap<FieldShape, CompiledShape>();

function compile(shape: FieldShape): CompiledShape {
  const known = compiled.get(shape);
  if (known) return known;
  const base = shape.type.replace('-or-null', '');
  const result: CompiledShape = {
    shape,
    nullable: shape.type.endsWith('-or-null'),
    typeOf: base === 'object' || base === 'array' ? '' : base === 'integer' ? 'number' : base,
    integer: base === 'integer',
  };
  if (shape.rule) result.rule = RULES[shape.rule];
  if (shape.items) result.items = compile(shape.items);
  if (shape.fields) {
    const fields = Object.entries(shape.fields).map(([key, field]): [string, CompiledShape] => [
      key,
      compile(field),
    ]);
    result.fields = fields;
    result.sorted = [...fields].sort(([a], [b]) => compareCodeUnits(a, b));
  }
  compiled.set(shape, result);
  return result;
}

function hasType(value: unknown, shape: CompiledShape): boolean {
  if (value === null) return shape.nullable;
  if (shape.typeOf !== '') return typeof value === shape.typeOf;
  return shape.shape.type === 'array' ? Array.isArray(value) : isObject(value);
}

/** True when the value has no problem at all: the fast path, which builds no paths and no errors. */
function conforms(value: unknown, shape: CompiledShape): boolean {
  if (!hasType(value, shape)) return false;
  if (typeof value === 'number' && (!Number.isFinite(value) || (shape.integer && !Number.isInteger(value))))
    return false;
  if (value === null) return true;
  const { rule, items, fields } = shape;
  if (rule && !(rule as (value: unknown) => boolean)(value)) return false;
  if (items) {
    const list = value as unknown[];
    for (let index = 0; index < list.length; index++) if (!conforms(list[index], items)) return false;
  }
  if (fields) {
    const record = value as JsonObject;
    for (let index = 0; index < fields.length; index++) {
      const [key, field] = fields[index] as [string, CompiledShape];
      if (Object.hasOwn(record, key) ? !conforms(record[key], field) : !field.shape.optional) return false;
    }
  }
  return true;
}

/** The problem with the value itself, before its items or fields are looked at. */
function valueProblem(value: unknown, path: string, shape: CompiledShape): FileError | null {
  const wrongType = (): FileError => ({
    code: 'wrong-type',
    path,
    expected: shape.shape.type,
    found: jsonType(value),
  });
  if (!hasType(value, shape)) return wrongType();
  if (typeof value === 'number') {
    // JSON has no NaN or Infinity, but `1e999` parses as Infinity.
    if (!Number.isFinite(value)) return { code: 'invalid-value', path, rule: 'finite' };
    if (shape.integer && !Number.isInteger(value)) return wrongType();
  }
  const { rule } = shape;
  if (value !== null && rule && !(rule as (value: unknown) => boolean)(value)) {
    const failed = shape.shape.rule as ValueRule;
    // 2023-02-30 is written as a date should be: say that the day does not exist, not that the form is wrong.
    const impossible =
      failed === 'iso-date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return { code: 'invalid-value', path, rule: impossible ? 'impossible-date' : failed };
  }
  return null;
}

/** Reports every problem of a value; paths are built only below a value that does not conform. */
function checkCompiled(value: unknown, path: string, shape: CompiledShape, report: Report): void {
  if (conforms(value, shape)) return;
  const problem = valueProblem(value, path, shape);
  if (problem) {
    report(problem);
    return;
  }
  const { items, fields } = shape;
  if (items && Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkCompiled(item, `${path}[${index}]`, items, report);
  }
  if (fields && isObject(value)) {
    for (const [key, field] of fields) {
      const child = path === '' ? key : `${path}.${key}`;
      if (Object.hasOwn(value, key)) checkCompiled(value[key], child, field, report);
      else if (!field.shape.optional) report({ code: 'missing', path: child });
    }
  }
}

/**
 * Checks a value against its shape, reporting every problem. Own properties only: a file's
 * `constructor` or `__proto__` is data, never the prototype's.
 */
export function checkShape(value: unknown, path: string, shape: FieldShape, report: Report): void {
  checkCompiled(value, path, compile(shape), report);
}

/** How many records a paced check or copy handles between two looks at the clock. */
export const RECORDS_PER_STEP = 256;

/**
 * `checkShape` of a file's root, record by record: each list of records (an array field whose items
 * are objects) is checked item by item, and the progress (records checked of all records) is yielded every
 * RECORDS_PER_STEP records, so that a caller can show it and let the page breathe. Reports exactly
 * what `checkShape(root, '', shape, report)` reports, in the same order.
 */
export function* checkRecords(root: JsonObject, shape: FieldShape, report: Report): Work<void> {
  const compiledRoot = compile(shape);
  const total = countRecords(root, shape);
  let done = 0;
  for (const [key, field] of compiledRoot.fields ?? []) {
    if (!Object.hasOwn(root, key)) {
      if (!field.shape.optional) report({ code: 'missing', path: key });
      continue;
    }
    const value = root[key];
    const { items } = field;
    if (!items?.fields || !Array.isArray(value) || valueProblem(value, key, field) !== null) {
      checkCompiled(value, key, field, report);
      continue;
    }
    for (let index = 0; index < value.length; index++) {
      const item = value[index];
      if (!conforms(item, items)) checkCompiled(item, `${key}[${index}]`, items, report);
      if (++done % RECORDS_PER_STEP === 0) yield { phase: 'checking', done, total };
    }
  }
}

/** How many records `checkRecords` goes through: the items of the root's lists of records. */
export function countRecords(root: JsonObject, shape: FieldShape): number {
  let count = 0;
  for (const [key, field] of compile(shape).fields ?? []) {
    const value = root[key];
    if (field.items?.fields && Array.isArray(value)) count += value.length;
  }
  return count;
}

/**
 * A copy with only the fields the shape names: storage extras (a clipping's `urlKey`) and unknown fields
 * stay out. Keys are in code-unit order at every level, so that JSON.stringify writes sorted keys.
 */
export function copyShape(value: unknown, shape: FieldShape): unknown {
  return copyCompiled(value, compile(shape), false);
}

/**
 * `copyShape` for a value nobody else holds (just parsed, or about to be written out): an object that
 * already has only the shape's fields, in code-unit order, is returned as it is rather than copied,
 * which at 100,000 records saves most of the copying.
 */
export function trimToShape(value: unknown, shape: FieldShape): unknown {
  return copyCompiled(value, compile(shape), true);
}

function copyCompiled(value: unknown, shape: CompiledShape, reuse: boolean): unknown {
  if (reuse && fitsShape(value, shape)) return value;
  const { items, sorted } = shape;
  if (items && Array.isArray(value)) return value.map((item) => copyCompiled(item, items, reuse));
  if (!sorted || typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of sorted) {
    if (Object.hasOwn(record, key) && record[key] !== undefined)
      copy[key] = copyCompiled(record[key], field, reuse);
  }
  return copy;
}

/** True when the value is already what `copyShape` would make of it, at any depth: its own copy. */
function fitsShape(value: unknown, shape: CompiledShape): boolean {
  const { items, sorted } = shape;
  if (items && Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) if (!fitsShape(value[index], items)) return false;
    return true;
  }
  if (!sorted || typeof value !== 'object' || value === null) return true;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as Record<string, unknown>;
  let next = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false;
    // Each key must be the shape's, after the one before it in code-unit order.
    while (next < sorted.length && (sorted[next] as [string, CompiledShape])[0] !== key) next++;
    const field = sorted[next];
    if (field === undefined || record[key] === undefined || !fitsShape(record[key], field[1])) return false;
    next++;
  }
  return true;
}

/** Characters encoded at a time when counting; the buffer holds their UTF-8 (at most 3 bytes each). */
const COUNT_CHUNK = 1 << 20;

/**
 * UTF-8 length as the file holds it; a lone surrogate counts as the 3 bytes of U+FFFD an encoder writes.
 * The platform's encoder counts a chunk at a time, several times faster than a loop over code units on a
 * 20 MiB file, and without holding the whole encoding at once.
 */
export function utf8ByteLength(text: string): number {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(Math.min(text.length, COUNT_CHUNK) * 3);
  let bytes = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + COUNT_CHUNK, text.length);
    // Never cut a surrogate pair in two: each half alone would count as a U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    bytes += encoder.encodeInto(text.slice(start, end), buffer).written;
    start = end;
  }
  return bytes;
}

export interface JsonFileSpec {
  format: string;
  /** The newest version this code reads. */
  version: number;
  maxBytes: number;
}

/**
 * Where JSON.parse stopped, from its message: V8 says `at position N` (and sometimes `(line L column C)`),
 * Firefox `at line L column C`. Nothing else of the message is kept: it is the engine's English, and the
 * user reads the page in their own language.
 */
function stoppedAt(body: string, error: unknown): { line?: number; column?: number } {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  if (!position) return {};
  const before = body.slice(0, Number(position[1]));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: before.length - lineStart + 1 };
}

/** The first problem that makes the rest of the file unreadable, if any, and the parsed object otherwise. */
export function readJsonFile(text: string, spec: JsonFileSpec): { error: FileError } | { root: JsonObject } {
  const fail = (error: FileError): { error: FileError } => ({ error });
  // Every UTF-16 unit is at most 3 UTF-8 bytes, so most files need no counting.
  const bytes = text.length * 3 <= spec.maxBytes ? text.length : utf8ByteLength(text);
  if (bytes > spec.maxBytes) return fail({ code: 'too-large', path: '', bytes, maxBytes: spec.maxBytes });
  // An editor may have saved the file with a byte order mark, which JSON.parse refuses.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  // `\S` stops at the first character that is not a space, where `trim()` would copy the whole file.
  if (!/\S/.test(body)) return fail({ code: 'not-json', path: '', reason: 'empty' });
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error) {
    return fail({ code: 'not-json', path: '', reason: 'syntax', ...stoppedAt(body, error) });
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
  'impossible-date': 'backupErrorValueImpossibleDate',
  'iso-date-time': 'backupErrorValueIsoDateTime',
  'http-url': 'backupErrorValueHttpUrl',
  'issue-status': 'backupErrorValueIssueStatus',
  'zenn-type': 'backupErrorValueZennType',
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
  | 'backupErrorNotJsonAt'
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
        : error.line === undefined
          ? { key: 'backupErrorNotJson', substitutions: [] }
          : { key: 'backupErrorNotJsonAt', substitutions: [String(error.line), String(error.column)] };
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
